#!/usr/bin/env node
/**
 * `npm run bench:map`: how long the built server takes to render the relationship map (GET /nl/mensen) for a person
 * with 150 people on it. Done-when of issue 5: "The map page renders in under 100 ms server time with 150 people".
 *
 * It starts a snapshot of build/index.js (building it first only when it is missing) on SQLite with a fresh temporary
 * BRUG_DATA_DIR, LOG_LEVEL=info, on 127.0.0.1 and a free port, and waits for GET /healthz to answer 200. Then, as a
 * browser without JavaScript would, through the app's own form posts:
 *   - signs up (POST /nl/account/registreren), confirms the address with the link from the mail the server wrote to
 *     <BRUG_DATA_DIR>/outbox, and signs in (POST /nl/account/inloggen);
 *   - adds 150 people (POST /nl/mensen/nieuw): 15 intimate, 45 friends, 90 community, with every rhythm;
 *   - logs contacts over the last 60 days for three in four of them (POST /nl/mensen/<id>?/contact);
 *   - plans a few moments (POST /nl/mensen/<id>?/plan), one of which has started today, so the page asks how it went.
 * It checks that the map links all 150 people, warms up, and then GETs /nl/mensen sequentially and reports two
 * figures per request: the wall time seen by this client (same machine, 127.0.0.1, body read in full) and the
 * server's own `ms` from its request log line (`{"msg":"request","route":...,"ms":...}`, whole milliseconds, from
 * the first hook to the finished response).
 *
 * Env: BENCH_MAP_REQUESTS (default 200), BENCH_MAP_WARMUP (default 20), BENCH_MAP_PEOPLE (default 150).
 * Output (stdout): p50/p95/p99/max of both figures, then one line `BENCH_MAP_JSON {...}`. Progress and server
 * warnings go to stderr. At the end the server gets SIGTERM and must exit 0 within 10 s.
 * Exits non-zero when p95 of the server's ms is 100 or more, a request is not 200, the page does not link every
 * person, seeding fails, or the shutdown is not clean. Not part of `npm test`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';

/**
 * One request line of the server's log (see src/hooks.server.ts).
 * @typedef {object} RequestLine
 * @property {string} method
 * @property {string | null} route
 * @property {number} status
 * @property {number} ms
 */

/**
 * @typedef {object} Summary
 * @property {number} p50
 * @property {number} p95
 * @property {number} p99
 * @property {number} max
 * @property {number} mean
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(repoRoot, 'build');
const host = '127.0.0.1';
const shutdownLimitMs = 10_000;
const healthzLimitMs = 30_000;
const mapRoute = '/(person)/mensen';
const mapPath = '/nl/mensen';
/** The Done-when of issue 5. */
const limitMs = 100;
const password = 'lang genoeg wachtwoord voor de bench';
const timeZone = 'Europe/Amsterdam';

const firstNames = [
	'Anoek', 'Bas', 'Cor', 'Daan', 'Eva', 'Fenna', 'Gijs', 'Hanna', 'Ilse', 'Joost',
	'Kees', 'Lotte', 'Maarten', 'Noor', 'Olga', 'Pim', 'Quinten', 'Roos', 'Sem', 'Tess',
	'Ugo', 'Vera', 'Wim', 'Xander', 'Yara', 'Zoë', 'Émile', 'Ömer', 'Ada', 'Bram'
];
const rhythms = ['weekly', 'every_two_weeks', 'monthly', 'every_three_months', 'no_goal'];
const brings = ['support', 'fun', 'practical_help', 'deep_talks', 'shared_activity', 'advice', 'feeling_at_home'];
const kinds = ['message', 'call', 'meeting', 'chat_in_passing', 'online'];

/**
 * @param {string} name
 * @param {number} fallback
 */
function positiveIntFromEnv(name, fallback) {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
	return value;
}

/** @param {string} message */
function note(message) {
	process.stderr.write(`[bench-map] ${message}\n`);
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A port that was free a moment ago on 127.0.0.1.
 * @returns {Promise<number>}
 */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, host, () => {
			const address = server.address();
			const port = address !== null && typeof address === 'object' ? address.port : 0;
			server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
		});
	});
}

/**
 * Resolves with the exit code and signal once `child` has exited, or with null after `ms`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} ms
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null } | null>}
 */
function waitForExit(child, ms) {
	if (child.exitCode !== null || child.signalCode !== null) {
		return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
	}
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve(null), ms);
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal });
		});
	});
}

function ensureBuild() {
	if (fs.existsSync(path.join(buildDir, 'index.js'))) return;
	note('build/index.js is missing: running npx vite build');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
	if (result.status !== 0 || !fs.existsSync(path.join(buildDir, 'index.js'))) throw new Error('npx vite build failed');
}

/**
 * A copy of build/ under tmp/ (node_modules still resolves from the repository root), so that somebody's
 * `vite build` during the run cannot swap the lazily loaded chunks underneath the server.
 */
function snapshotBuild() {
	const parent = path.join(repoRoot, 'tmp', 'bench-map');
	fs.mkdirSync(parent, { recursive: true });
	const dir = fs.mkdtempSync(path.join(parent, `run-${process.pid}-`));
	fs.cpSync(buildDir, dir, { recursive: true });
	return dir;
}

/**
 * @param {string} baseUrl
 * @param {import('node:child_process').ChildProcess} child
 */
async function waitForHealthz(baseUrl, child) {
	const deadline = Date.now() + healthzLimitMs;
	let last = 'no answer';
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`brug exited before it was healthy (code ${child.exitCode}, signal ${child.signalCode})`);
		}
		try {
			const response = await fetch(`${baseUrl}/healthz`);
			last = `${response.status} ${await response.text()}`;
			if (response.status === 200) return;
		} catch (error) {
			last = error instanceof Error ? error.message : String(error);
		}
		await sleep(100);
	}
	throw new Error(`GET /healthz did not answer 200 within ${healthzLimitMs / 1000} s (last: ${last})`);
}

/** The local day in brug's time zone, n days from now (YYYY-MM-DD). */
function localDay(n = 0) {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
	const date = new Date(`${day}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + n);
	return date.toISOString().slice(0, 10);
}

/** A browser without JavaScript: one cookie jar, same-origin form posts, redirects not followed. */
class Browser {
	/** @param {string} origin */
	constructor(origin) {
		this.origin = origin;
		/** @type {Map<string, string>} */
		this.cookies = new Map();
	}

	/** @param {Response} response */
	keepCookies(response) {
		for (const cookie of response.headers.getSetCookie()) {
			const [pair = ''] = cookie.split(';');
			const at = pair.indexOf('=');
			const name = pair.slice(0, at);
			const value = pair.slice(at + 1);
			if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	cookieHeader() {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	/** @param {string} pathname */
	async get(pathname) {
		const response = await fetch(`${this.origin}${pathname}`, { headers: { accept: 'text/html', cookie: this.cookieHeader() }, redirect: 'manual' });
		this.keepCookies(response);
		return response;
	}

	/**
	 * A form post that must answer 303 (the app's "saved, go on"); returns the Location.
	 * @param {string} pathname
	 * @param {Record<string, string | string[]>} fields
	 */
	async submit(pathname, fields) {
		const body = new URLSearchParams();
		for (const [name, value] of Object.entries(fields)) {
			for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
		}
		const response = await fetch(`${this.origin}${pathname}`, {
			method: 'POST',
			// text/html: a browser's form post (SvelteKit answers fetch's */* as an enhanced, JSON action request).
			headers: { accept: 'text/html', origin: this.origin, cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
			body,
			redirect: 'manual'
		});
		this.keepCookies(response);
		const text = await response.text();
		const location = response.headers.get('location');
		if (response.status !== 303 || !location) {
			throw new Error(`POST ${pathname} answered ${response.status}, expected 303: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
		}
		return location;
	}
}

/**
 * The confirmation link in the mail the server wrote to its outbox for `address`.
 * @param {string} outboxDir
 * @param {string} address
 */
async function confirmationLink(outboxDir, address) {
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		const files = fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir).sort() : [];
		for (const file of files) {
			const mail = await simpleParser(fs.readFileSync(path.join(outboxDir, file)));
			const to = Array.isArray(mail.to) ? mail.to.flatMap((t) => t.value) : (mail.to?.value ?? []);
			if (!to.some((a) => a.address === address)) continue;
			const link = (mail.text ?? '').match(/https?:\/\/\S*bevestigen\?token=\S+/)?.[0];
			if (link) return new URL(link);
		}
		await sleep(100);
	}
	throw new Error(`no confirmation mail to ${address} in ${outboxDir}`);
}

/**
 * @param {Browser} browser
 * @param {string} outboxDir
 */
async function signUpAndSignIn(browser, outboxDir) {
	const email = `bench-map-${Date.now()}@example.nl`;
	await browser.get('/nl/account/registreren');
	await browser.submit('/nl/account/registreren', { email, password });
	const link = await confirmationLink(outboxDir, email);
	const token = link.searchParams.get('token');
	if (!token) throw new Error('the confirmation link has no token');
	await browser.submit('/nl/account/bevestigen', { token });
	await browser.submit('/nl/account/inloggen', { email, password });
	if (![...browser.cookies.keys()].some((name) => name.endsWith('brug.session_token'))) {
		throw new Error('signing in gave no session cookie');
	}
	return email;
}

/**
 * The map of a busy life, through the app's own forms.
 * @param {Browser} browser
 * @param {number} people
 */
async function seedMap(browser, people) {
	/** @type {string[]} */
	const ids = [];
	let contacts = 0;
	let planned = 0;
	for (let i = 0; i < people; i += 1) {
		// 1 in 10 intimate, 3 in 10 friends, 6 in 10 community (15, 45 and 90 of 150).
		const share = (i % 10) / 10;
		const circle = share < 0.1 ? 'intimate' : share < 0.4 ? 'friends' : 'community';
		const nickname = `${firstNames[i % firstNames.length]} ${String.fromCharCode(65 + Math.floor(i / firstNames.length))}.`;
		const location = await browser.submit('/nl/mensen/nieuw', {
			nickname,
			circle,
			rhythm: rhythms[i % rhythms.length] ?? 'no_goal',
			brings: [brings[i % brings.length] ?? 'fun', brings[(i * 3 + 1) % brings.length] ?? 'support'],
			note: i % 5 === 0 ? `Leerde ${nickname} kennen bij de buurtkamer.` : ''
		});
		const id = new URL(location, browser.origin).pathname.split('/').at(-1);
		if (!id || !/^[0-9a-f-]{36}$/.test(id)) throw new Error(`adding a person led to ${location}, not to their page`);
		ids.push(id);
	}
	note(`added ${ids.length} people`);
	for (const [i, id] of ids.entries()) {
		if (i % 4 === 3) continue;
		for (let k = 0; k <= i % 3; k += 1) {
			await browser.submit(`/nl/mensen/${id}?/contact`, {
				feeling: String(1 + ((i + k) % 5)),
				kind: kinds[(i + k) % kinds.length] ?? 'call',
				day: localDay(-((i * 7 + k * 11) % 60))
			});
			contacts += 1;
		}
	}
	note(`logged ${contacts} contacts`);
	// A few plans ahead, and one that started today at midnight, so the page asks "how did it go?".
	for (const [n, id] of ids.slice(0, 8).entries()) {
		await browser.submit(`/nl/mensen/${id}?/plan`, {
			kind: kinds[n % kinds.length] ?? 'meeting',
			day: localDay(n),
			time: n === 0 ? '00:00' : `${String(9 + n).padStart(2, '0')}:30`,
			place: n % 2 === 0 ? 'Café de Zwaan' : ''
		});
		planned += 1;
	}
	note(`planned ${planned} moments`);
	return { ids, contacts, planned };
}

/**
 * Nearest-rank percentiles.
 * @param {number[]} values
 * @returns {Summary}
 */
function summarise(values) {
	const sorted = [...values].sort((a, b) => a - b);
	/** @param {number} p */
	const rank = (p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
	const round = (/** @type {number} */ value) => Math.round(value * 100) / 100;
	return {
		p50: round(rank(50)),
		p95: round(rank(95)),
		p99: round(rank(99)),
		max: round(sorted.at(-1) ?? NaN),
		mean: round(sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1))
	};
}

async function main() {
	const requests = positiveIntFromEnv('BENCH_MAP_REQUESTS', 200);
	const warmup = positiveIntFromEnv('BENCH_MAP_WARMUP', 20);
	const people = positiveIntFromEnv('BENCH_MAP_PEOPLE', 150);
	ensureBuild();

	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-bench-map-'));
	const snapshot = snapshotBuild();
	const port = await freePort();
	const origin = `http://${host}:${port}`;
	/** @type {NodeJS.ProcessEnv} */
	const env = {
		...process.env,
		PORT: String(port),
		HOST: host,
		ORIGIN: origin,
		BRUG_DATA_DIR: dataDir,
		LOG_LEVEL: 'info',
		NODE_ENV: 'production'
	};
	delete env.DATABASE_URL; // SQLite
	delete env.SMTP_URL; // mails go to <dataDir>/outbox
	delete env.BRUG_DATA_KEY; // a key of its own in the data dir
	note(`starting brug (snapshot of build/) on ${origin}, data in ${dataDir}`);
	const brug = spawn(process.execPath, [path.join(snapshot, 'index.js')], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 2] });

	/** @type {RequestLine[]} */
	const requestLines = [];
	readline.createInterface({ input: /** @type {NodeJS.ReadableStream} */ (brug.stdout) }).on('line', (line) => {
		/** @type {Record<string, unknown>} */
		let entry;
		try {
			entry = JSON.parse(line);
		} catch {
			process.stderr.write(`${line}\n`);
			return;
		}
		if (entry.msg === 'request') {
			requestLines.push({
				method: String(entry.method),
				route: typeof entry.route === 'string' ? entry.route : null,
				status: Number(entry.status),
				ms: Number(entry.ms)
			});
		} else if (typeof entry.level === 'number' && entry.level >= 40) {
			process.stderr.write(`${line}\n`);
		}
	});
	const mapLines = () => requestLines.filter((line) => line.method === 'GET' && line.route === mapRoute);

	const abort = () => {
		brug.kill('SIGKILL');
		process.exit(130);
	};
	process.once('SIGINT', abort);

	/** @type {string[]} */
	const problems = [];
	/** @type {number[]} */
	const wallMs = [];
	/** @type {number[]} */
	const serverMs = [];
	/** @type {Record<number, number>} */
	const statuses = {};
	/** @type {{ people: number, contacts: number, planned: number, linked: number, pageBytes: number } | null} */
	let seeded = null;
	/** @type {{ code: number | null, signal: string | null, ms: number } | null} */
	let shutdown = null;

	try {
		await waitForHealthz(origin, brug);
		const browser = new Browser(origin);
		await signUpAndSignIn(browser, path.join(dataDir, 'outbox'));
		note('signed up, confirmed and signed in');
		const seedStart = performance.now();
		const { ids, contacts, planned } = await seedMap(browser, people);
		note(`seeded through ${ids.length + contacts + planned} form posts in ${Math.round(performance.now() - seedStart)} ms`);

		const first = await browser.get(mapPath);
		const page = await first.text();
		if (first.status !== 200) throw new Error(`GET ${mapPath} answered ${first.status}`);
		const linked = new Set([...page.matchAll(/href="\/nl\/mensen\/([0-9a-f-]{36})"/g)].map((match) => match[1]));
		const linkedPeople = ids.filter((id) => linked.has(id)).length;
		seeded = { people: ids.length, contacts, planned, linked: linkedPeople, pageBytes: Buffer.byteLength(page) };
		if (linkedPeople !== people) problems.push(`the map links ${linkedPeople} of the ${people} people`);

		note(`warming up with ${warmup} requests, then measuring ${requests}`);
		for (let i = 0; i < warmup; i += 1) {
			const response = await browser.get(mapPath);
			await response.arrayBuffer();
			if (response.status !== 200) throw new Error(`warm-up GET ${mapPath} answered ${response.status}`);
		}
		for (let i = 0; i < requests; i += 1) {
			const started = performance.now();
			const response = await browser.get(mapPath);
			await response.arrayBuffer();
			wallMs.push(performance.now() - started);
			statuses[response.status] = (statuses[response.status] ?? 0) + 1;
		}
		const non200 = requests - (statuses[200] ?? 0);
		if (non200 > 0) problems.push(`${non200} of ${requests} requests were not 200: ${JSON.stringify(statuses)}`);

		// The server logs each request as it answers; the lines may reach this process a little after the responses.
		const expected = 1 + warmup + requests;
		const deadline = Date.now() + 5_000;
		while (mapLines().length < expected && Date.now() < deadline) await sleep(20);
		const lines = mapLines();
		if (lines.length !== expected) {
			problems.push(`the server logged ${lines.length} map requests, expected ${expected} (is LOG_LEVEL=info honoured?)`);
		}
		// Sequential requests: the last ones logged are the measured ones.
		serverMs.push(...lines.slice(-requests).map((line) => line.ms));
	} catch (error) {
		problems.push(error instanceof Error ? error.message : String(error));
	} finally {
		const stopAt = performance.now();
		brug.kill('SIGTERM');
		const exit = await waitForExit(brug, shutdownLimitMs);
		if (!exit) {
			problems.push(`brug did not exit within ${shutdownLimitMs / 1000} s of SIGTERM; killed it`);
			brug.kill('SIGKILL');
			await waitForExit(brug, 5_000);
		} else {
			shutdown = { code: exit.code, signal: exit.signal, ms: Math.round(performance.now() - stopAt) };
			if (exit.code !== 0) {
				problems.push(`brug exited with code ${exit.code}${exit.signal ? ` (signal ${exit.signal})` : ''} after SIGTERM, expected 0`);
			}
		}
		process.removeListener('SIGINT', abort);
		fs.rmSync(dataDir, { recursive: true, force: true });
		fs.rmSync(snapshot, { recursive: true, force: true });
	}

	const wall = wallMs.length ? summarise(wallMs) : null;
	const server = serverMs.length ? summarise(serverMs) : null;
	if (server && server.p95 >= limitMs) problems.push(`p95 server time is ${server.p95} ms, the limit is under ${limitMs} ms`);
	if (!server && problems.length === 0) problems.push('no server timings were collected');

	console.log(
		`brug map bench: GET ${mapPath} for a person with ${seeded?.people ?? '?'} people, ${seeded?.contacts ?? '?'} contacts and ` +
			`${seeded?.planned ?? '?'} planned moments (page ${seeded?.pageBytes ?? '?'} B, ${seeded?.linked ?? '?'} people linked); ` +
			`${warmup} warm-up + ${requests} sequential requests; build/index.js on SQLite, LOG_LEVEL=info; node ${process.version}, ` +
			`${os.availableParallelism()} CPU core(s) shared by client and server`
	);
	console.log('');
	const header = ['figure', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'mean ms'];
	const rows = [
		['server (logged ms)', server],
		['wall (client, 127.0.0.1)', wall]
	].map(([name, s]) => {
		const summary = /** @type {Summary | null} */ (s);
		return [String(name), ...(summary ? [summary.p50, summary.p95, summary.p99, summary.max, summary.mean].map((v) => v.toFixed(2)) : ['n/a', 'n/a', 'n/a', 'n/a', 'n/a'])];
	});
	const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
	/** @param {string[]} cells */
	const format = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
	console.log(format(header));
	console.log(widths.map((width) => '-'.repeat(width)).join('  '));
	for (const row of rows) console.log(format(row));
	console.log('');
	console.log(
		shutdown ? `shutdown: SIGTERM -> brug exited with code ${shutdown.code} in ${shutdown.ms} ms` : 'shutdown: brug did not exit cleanly'
	);
	console.log(server ? `limit: p95 server time ${server.p95} ms ${server.p95 < limitMs ? '<' : '>='} ${limitMs} ms` : 'limit: not measured');
	for (const problem of problems) console.log(`PROBLEM: ${problem}`);

	const report = {
		date: new Date().toISOString(),
		node: process.version,
		cpus: os.availableParallelism(),
		path: mapPath,
		requests,
		warmup,
		seeded,
		statuses,
		serverMs: server,
		wallMs: wall,
		limitMs,
		shutdown,
		ok: problems.length === 0,
		problems
	};
	console.log(`BENCH_MAP_JSON ${JSON.stringify(report)}`);
	process.exitCode = problems.length === 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
});
