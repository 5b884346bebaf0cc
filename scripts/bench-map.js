#!/usr/bin/env node
/**
 * `npm run bench:map`: how long the built server takes to render the relationship map (GET /nl/mensen) for a person
 * with 150 people on it. The budget: under 100 ms server time (p95) with 150 people.
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
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	Browser,
	collectRequestLines,
	createNote,
	ensureBuild,
	freePort,
	host,
	localDay,
	positiveIntFromEnv,
	printSummaryTable,
	repoRoot,
	shutdownProblem,
	sleep,
	snapshotBuild,
	stopServer,
	summarise,
	waitForHealthz
} from './bench/common.js';
import { signUpAndSignIn } from './bench/accounts.js';

const mapRoute = '/(person)/mensen';
const mapPath = '/nl/mensen';
/** The budget for p95 server time. */
const limitMs = 100;
const password = 'lang genoeg wachtwoord voor de bench';
const note = createNote('bench-map');

const firstNames = [
	'Anoek', 'Bas', 'Cor', 'Daan', 'Eva', 'Fenna', 'Gijs', 'Hanna', 'Ilse', 'Joost',
	'Kees', 'Lotte', 'Maarten', 'Noor', 'Olga', 'Pim', 'Quinten', 'Roos', 'Sem', 'Tess',
	'Ugo', 'Vera', 'Wim', 'Xander', 'Yara', 'Zoë', 'Émile', 'Ömer', 'Ada', 'Bram'
];
const rhythms = ['weekly', 'every_two_weeks', 'monthly', 'every_three_months', 'no_goal'];
const brings = ['support', 'fun', 'practical_help', 'deep_talks', 'shared_activity', 'advice', 'feeling_at_home'];
const kinds = ['message', 'call', 'meeting', 'chat_in_passing', 'online'];

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

async function main() {
	const requests = positiveIntFromEnv('BENCH_MAP_REQUESTS', 200);
	const warmup = positiveIntFromEnv('BENCH_MAP_WARMUP', 20);
	const people = positiveIntFromEnv('BENCH_MAP_PEOPLE', 150);
	ensureBuild(note);

	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-bench-map-'));
	const snapshot = snapshotBuild('bench-map');
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

	const requestLines = collectRequestLines(brug);
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
		await signUpAndSignIn(browser, path.join(dataDir, 'outbox'), `bench-map-${Date.now()}@example.nl`, password);
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
		shutdown = await stopServer(brug);
		const stopped = shutdownProblem(shutdown);
		if (stopped) problems.push(stopped);
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
	printSummaryTable([
		['server (logged ms)', server],
		['wall (client, 127.0.0.1)', wall]
	]);
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
