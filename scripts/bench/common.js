/**
 * What the bench scripts (scripts/bench.js, scripts/bench-map.js, scripts/bench-caseload.js) share: each starts the
 * built brug server on 127.0.0.1 and a free port, waits for /healthz, measures, stops it with SIGTERM and reports.
 * These helpers were copied between the three scripts; they live here so the copies cannot drift apart.
 *
 *   repoRoot, buildDir, host                    where the repository and the build are, where the servers listen
 *   positiveIntFromEnv(name, fallback)          a whole-number setting from the environment
 *   createNote(prefix)                          a progress logger to stderr: `[prefix] message`
 *   sleep(ms), freePort(), waitForExit(child, ms)
 *   ensureBuild(note)                           runs `npx vite build` only when build/index.js is missing
 *   snapshotBuild(name)                         a copy of build/ under tmp/<name>/, safe from a rebuild during the run
 *   waitForHealthz(baseUrl, child, limitMs?)    until GET /healthz answers 200 (30 s at most, unless told)
 *   stopServer(child), shutdownProblem(shutdown, which?)   SIGTERM (10 s to exit, then SIGKILL) and that exit as a problem
 *   collectRequestLines(child)                  the server's request log lines (LOG_LEVEL=info), warnings to stderr
 *   localDay(n, from?)                          a day in brug's time zone (YYYY-MM-DD)
 *   Browser, snippet(text)                      a browser without JavaScript: cookies, form posts, no redirects
 *   round, mean, summarise(values), printSummaryTable(figures)   nearest-rank percentiles and their table
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

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

/**
 * How brug exited after SIGTERM; null when it did not exit in time (and was killed).
 * @typedef {{ code: number | null, signal: string | null, ms: number } | null} Shutdown
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const buildDir = path.join(repoRoot, 'build');
export const host = '127.0.0.1';
const shutdownLimitMs = 10_000;
const healthzLimitMs = 30_000;
const timeZone = 'Europe/Amsterdam';

/**
 * @param {string} name
 * @param {number} fallback
 */
export function positiveIntFromEnv(name, fallback) {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
	return value;
}

/**
 * A progress logger: writes `[prefix] message` to stderr.
 * @param {string} prefix  e.g. 'bench', 'bench-map'
 * @returns {(message: string) => void}
 */
export function createNote(prefix) {
	return (message) => {
		process.stderr.write(`[${prefix}] ${message}\n`);
	};
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A port that was free a moment ago on 127.0.0.1.
 * @returns {Promise<number>}
 */
export function freePort() {
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
export function waitForExit(child, ms) {
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

/**
 * Builds the app (`npx vite build`) only when build/index.js is missing.
 * @param {(message: string) => void} note
 */
export function ensureBuild(note) {
	const entry = path.join(buildDir, 'index.js');
	if (fs.existsSync(entry)) return;
	note('build/index.js is missing: running npx vite build');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
	if (result.status !== 0 || !fs.existsSync(entry)) throw new Error('npx vite build failed');
}

/**
 * A copy of build/ under tmp/<name>/ (node_modules still resolves from the repository root), so that somebody's
 * `vite build` during the run cannot swap the lazily loaded chunks underneath the server.
 * @param {string} name  the directory under tmp/, e.g. 'bench-map'
 */
export function snapshotBuild(name) {
	const parent = path.join(repoRoot, 'tmp', name);
	fs.mkdirSync(parent, { recursive: true });
	const dir = fs.mkdtempSync(path.join(parent, `run-${process.pid}-`));
	fs.cpSync(buildDir, dir, { recursive: true });
	return dir;
}

/**
 * @param {string} baseUrl
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} [limitMs]
 */
export async function waitForHealthz(baseUrl, child, limitMs = healthzLimitMs) {
	const deadline = Date.now() + limitMs;
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
	throw new Error(`GET /healthz did not answer 200 within ${limitMs / 1000} s (last: ${last})`);
}

/**
 * SIGTERM, and the exit it led to; a server that does not exit within shutdownLimitMs is killed and reported as null.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<Shutdown>}
 */
export async function stopServer(child) {
	const stopAt = performance.now();
	child.kill('SIGTERM');
	const exit = await waitForExit(child, shutdownLimitMs);
	if (exit) return { code: exit.code, signal: exit.signal, ms: Math.round(performance.now() - stopAt) };
	child.kill('SIGKILL');
	await waitForExit(child, 5_000);
	return null;
}

/**
 * The shutdown as a problem, or null when brug exited 0.
 * @param {Shutdown} shutdown
 * @param {string} [which]  a prefix for the message, e.g. 'at the end'
 */
export function shutdownProblem(shutdown, which) {
	const prefix = which === undefined ? '' : `${which}: `;
	if (!shutdown) return `${prefix}brug did not exit within ${shutdownLimitMs / 1000} s of SIGTERM; killed it`;
	if (shutdown.code !== 0) return `${prefix}brug exited with code ${shutdown.code}${shutdown.signal ? ` (signal ${shutdown.signal})` : ''} after SIGTERM, expected 0`;
	return null;
}

/**
 * Reads the server's stdout (spawned with stdio 'pipe'): its request log lines are collected in the returned array
 * as they come; other lines of level warn or above, and lines that are not JSON, go to stderr.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {RequestLine[]}
 */
export function collectRequestLines(child) {
	/** @type {RequestLine[]} */
	const requestLines = [];
	readline.createInterface({ input: /** @type {NodeJS.ReadableStream} */ (child.stdout) }).on('line', (line) => {
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
	return requestLines;
}

/**
 * The local day in brug's time zone, n days from `from` (YYYY-MM-DD).
 * @param {number} [n]
 * @param {Date} [from]
 */
export function localDay(n = 0, from = new Date()) {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(from);
	const date = new Date(`${day}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + n);
	return date.toISOString().slice(0, 10);
}

/** @param {string} text */
export const snippet = (text) => text.replace(/\s+/g, ' ').slice(0, 300);

/** A browser without JavaScript: one cookie jar, same-origin form posts, redirects not followed. */
export class Browser {
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

	signedIn() {
		return [...this.cookies.keys()].some((name) => name.endsWith('brug.session_token'));
	}

	/** @param {string} pathname */
	async get(pathname) {
		const response = await fetch(`${this.origin}${pathname}`, { headers: { accept: 'text/html', cookie: this.cookieHeader() }, redirect: 'manual' });
		this.keepCookies(response);
		return response;
	}

	/**
	 * A browser's form post; the answer as status, Location and page. A field with several values is sent once per value.
	 * @param {string} pathname
	 * @param {Record<string, string | string[]>} fields
	 */
	async post(pathname, fields) {
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
		return { status: response.status, location: response.headers.get('location'), text: await response.text() };
	}

	/**
	 * A form post that must answer 303 (the app's "saved, go on"); returns the Location.
	 * @param {string} pathname
	 * @param {Record<string, string | string[]>} fields
	 */
	async submit(pathname, fields) {
		const { status, location, text } = await this.post(pathname, fields);
		if (status !== 303 || !location) throw new Error(`POST ${pathname} answered ${status}, expected 303: ${snippet(text)}`);
		return location;
	}
}

/** @param {number} value */
export const round = (value) => Math.round(value * 100) / 100;

/** @param {number[]} values */
export const mean = (values) => round(values.reduce((sum, v) => sum + v, 0) / (values.length || 1));

/**
 * Nearest-rank percentiles.
 * @param {number[]} values
 * @returns {Summary}
 */
export function summarise(values) {
	const sorted = [...values].sort((a, b) => a - b);
	/** @param {number} p */
	const rank = (p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
	return {
		p50: round(rank(50)),
		p95: round(rank(95)),
		p99: round(rank(99)),
		max: round(sorted.at(-1) ?? NaN),
		mean: mean(sorted)
	};
}

/**
 * Prints (stdout) a table of summaries: one row per figure, n/a where nothing was measured.
 * @param {Array<[string, Summary | null]>} figures
 */
export function printSummaryTable(figures) {
	const header = ['figure', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'mean ms'];
	const rows = figures.map(([name, s]) => [name, ...(s ? [s.p50, s.p95, s.p99, s.max, s.mean].map((v) => v.toFixed(2)) : ['n/a', 'n/a', 'n/a', 'n/a', 'n/a'])]);
	const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
	/** @param {string[]} cells */
	const format = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
	console.log(format(header));
	console.log(widths.map((width) => '-'.repeat(width)).join('  '));
	for (const row of rows) console.log(format(row));
}
