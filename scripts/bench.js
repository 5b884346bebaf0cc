#!/usr/bin/env node
/**
 * `npm run bench`: how many requests per second the built brug server answers, and how that compares
 * with the cheapest possible Node HTTP server that sends the same bytes.
 *
 * It starts the built app as `npm start` runs it, through scripts/serve.js (building it first only when it is
 * missing), on SQLite with a fresh temporary
 * BRUG_DATA_DIR, LOG_LEVEL=warn, on 127.0.0.1 and a free port, and waits for GET /healthz to answer 200.
 * It fetches each endpoint's response (body + content type) from brug once and has a bare `node:http`
 * server (scripts/bench/bare-server.js, its own process) answer exactly those bytes. Then autocannon loads
 * each endpoint on both servers, one load at a time:
 *   - GET  /nl/test                               (the test; served as a file once it is prerendered)
 *   - GET  /nl/hulp                               (a prerendered page, served as a file)
 *   - POST /api/v1/instruments/djg-11/score        (JSON in, JSON out)
 * The brug/bare ratio of requests/s is the share of the raw Node HTTP throughput that brug's framework,
 * hooks, rendering and validation leave; it says more than the absolute figures, which depend on the machine.
 * Load generator and servers share the same cores, so the absolute numbers are lower than on a real deployment.
 *
 * Env: BENCH_CONNECTIONS (default 50), BENCH_SECONDS (default 10, per load).
 * Output (stdout): a table, then one line `BENCH_JSON {...}`. Server output and progress go to stderr.
 * At the end brug gets SIGTERM and must exit 0 within 10 s (this exercises the graceful shutdown).
 * Exits non-zero on any error, failed or non-2xx request, or an unclean shutdown.
 * Not part of `npm test`.
 */
// @ts-ignore -- autocannon 9 ships no type declarations (an error only under noImplicitAny); see LoadResult
import autocannon from 'autocannon';
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	buildDir,
	createNote,
	ensureBuild,
	freePort,
	host,
	positiveIntFromEnv,
	repoRoot,
	round,
	shutdownProblem,
	stopServer,
	waitForExit,
	waitForHealthz
} from './bench/common.js';

/**
 * @typedef {object} Endpoint
 * @property {string} name
 * @property {'GET' | 'POST'} method
 * @property {string} path
 * @property {Record<string, string>} headers
 * @property {string} [body]
 */

/**
 * The part of autocannon's result this script reads.
 * @typedef {object} LoadResult
 * @property {{ average: number, total: number }} requests
 * @property {{ p50: number, p99: number }} latency
 * @property {number} non2xx
 * @property {number} errors
 * @property {number} timeouts
 */

/**
 * @typedef {object} Row
 * @property {string} endpoint
 * @property {'brug' | 'bare node:http'} server
 * @property {number} requestsPerSecond   mean over the run
 * @property {number} p50Ms
 * @property {number} p99Ms
 * @property {number} requests            completed requests
 * @property {number} non2xx
 * @property {number} errors
 * @property {number} timeouts
 */

const bareServerScript = path.join(repoRoot, 'scripts', 'bench', 'bare-server.js');
const serveScript = path.join(repoRoot, 'scripts', 'serve.js');
const note = createNote('bench');

const scoreBody = JSON.stringify({
	answers: {
		1: 'yes',
		2: 'more_or_less',
		3: 'no',
		4: 'yes',
		5: 'no',
		6: 'more_or_less',
		7: 'no',
		8: 'yes',
		9: 'no',
		10: 'no',
		11: 'yes'
	}
});

/** @type {Endpoint[]} */
const endpoints = [
	{ name: 'GET /nl/test', method: 'GET', path: '/nl/test', headers: {} },
	{ name: 'GET /nl/hulp', method: 'GET', path: '/nl/hulp', headers: {} },
	{
		name: 'POST /api/v1/instruments/djg-11/score',
		method: 'POST',
		path: '/api/v1/instruments/djg-11/score',
		headers: { 'content-type': 'application/json' },
		body: scoreBody
	}
];

/**
 * One response of brug, to be replayed by the bare server.
 * @param {string} baseUrl
 * @param {Endpoint} endpoint
 */
async function captureResponse(baseUrl, endpoint) {
	const response = await fetch(`${baseUrl}${endpoint.path}`, {
		method: endpoint.method,
		headers: endpoint.headers,
		body: endpoint.body,
		redirect: 'manual'
	});
	const body = Buffer.from(await response.arrayBuffer());
	if (response.status < 200 || response.status > 299) {
		throw new Error(`${endpoint.name} answered ${response.status}: ${body.toString('utf8').slice(0, 300)}`);
	}
	return {
		method: endpoint.method,
		path: endpoint.path,
		status: response.status,
		contentType: response.headers.get('content-type') ?? 'application/octet-stream',
		bodyBase64: body.toString('base64'),
		bytes: body.length
	};
}

/**
 * @param {Array<{ method: string, path: string, status: number, contentType: string, bodyBase64: string }>} routes
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, port: number }>}
 */
function startBareServer(routes) {
	const child = fork(bareServerScript, [], { stdio: ['ignore', 2, 2, 'ipc'] });
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => reject(new Error(`bare server exited early (code ${code})`)));
		child.once('message', (message) => {
			const port = /** @type {{ port?: unknown }} */ (message).port;
			if (typeof port !== 'number') return reject(new Error('bare server sent no port'));
			child.removeAllListeners('exit');
			resolve({ child, port });
		});
		child.send({ routes });
	});
}

/**
 * @param {string} baseUrl
 * @param {Endpoint} endpoint
 * @param {number} connections
 * @param {number} seconds
 * @returns {Promise<LoadResult>}
 */
async function load(baseUrl, endpoint, connections, seconds) {
	return /** @type {Promise<LoadResult>} */ (
		autocannon({
			url: `${baseUrl}${endpoint.path}`,
			method: endpoint.method,
			headers: endpoint.headers,
			body: endpoint.body,
			connections,
			duration: seconds
		})
	);
}

/**
 * @param {Row[]} rows
 * @param {Record<string, number | null>} ratios
 */
function printTable(rows, ratios) {
	const header = ['endpoint', 'server', 'req/s (mean)', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'brug/bare req/s'];
	const lines = rows.map((row) => [
		row.endpoint,
		row.server,
		row.requestsPerSecond.toFixed(1),
		String(row.p50Ms),
		String(row.p99Ms),
		String(row.non2xx),
		String(row.errors + row.timeouts),
		row.server === 'brug' ? formatRatio(ratios[row.endpoint]) : ''
	]);
	const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)));
	const numeric = new Set([2, 3, 4, 5, 6, 7]);
	/** @param {string[]} cells */
	const format = (cells) =>
		cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
	console.log(format(header));
	console.log(widths.map((width) => '-'.repeat(width)).join('  '));
	for (const line of lines) console.log(format(line));
}

/** @param {number | null | undefined} ratio */
function formatRatio(ratio) {
	return typeof ratio === 'number' ? `${(ratio * 100).toFixed(1)}%` : 'n/a';
}

async function main() {
	const connections = positiveIntFromEnv('BENCH_CONNECTIONS', 50);
	const seconds = positiveIntFromEnv('BENCH_SECONDS', 10);
	const cpus = os.availableParallelism();
	ensureBuild(note);

	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-bench-'));
	const port = await freePort();
	const brugUrl = `http://${host}:${port}`;
	/** @type {NodeJS.ProcessEnv} */
	const env = {
		...process.env,
		PORT: String(port),
		HOST: host,
		ORIGIN: brugUrl,
		BRUG_DATA_DIR: dataDir,
		LOG_LEVEL: 'warn',
		NODE_ENV: 'production'
	};
	delete env.DATABASE_URL; // SQLite
	note(`starting brug (scripts/serve.js build) on ${brugUrl}, data in ${dataDir}`);
	const brug = spawn(process.execPath, [serveScript, buildDir], { cwd: repoRoot, env, stdio: ['ignore', 2, 2] });
	/** @type {import('node:child_process').ChildProcess | undefined} */
	let bare;
	let brugStopped = false;
	/** @type {string[]} */
	const problems = [];
	/** @type {Row[]} */
	const rows = [];
	/** @type {{ code: number | null, signal: string | null, ms: number } | null} */
	let shutdown = null;

	const abort = () => {
		brug.kill('SIGKILL');
		bare?.kill('SIGKILL');
		process.exit(130);
	};
	process.once('SIGINT', abort);

	try {
		await waitForHealthz(brugUrl, brug);
		const routes = [];
		for (const endpoint of endpoints) routes.push(await captureResponse(brugUrl, endpoint));
		const started = await startBareServer(routes);
		bare = started.child;
		const bareUrl = `http://${host}:${started.port}`;

		console.log(
			`brug bench: ${connections} connections, ${seconds} s per load, one load at a time; ` +
				`node ${process.version}, ${cpus} CPU core(s) shared by autocannon and the server under load ` +
				`(absolute figures are lower than on a dedicated server; compare the ratio)`
		);
		console.log(`brug: scripts/serve.js build (as npm start), SQLite, LOG_LEVEL=warn; bare: node:http replaying brug's bytes ` +
			`(${routes.map((route) => `${route.method} ${route.path} ${route.bytes} B ${route.contentType}`).join('; ')})`);
		console.log('');

		for (const endpoint of endpoints) {
			for (const [server, baseUrl] of /** @type {const} */ ([
				['brug', brugUrl],
				['bare node:http', bareUrl]
			])) {
				note(`loading ${endpoint.name} on ${server} for ${seconds} s`);
				const result = await load(baseUrl, endpoint, connections, seconds);
				const row = {
					endpoint: endpoint.name,
					server,
					requestsPerSecond: round(result.requests.average),
					p50Ms: round(result.latency.p50),
					p99Ms: round(result.latency.p99),
					requests: result.requests.total,
					non2xx: result.non2xx,
					errors: result.errors,
					timeouts: result.timeouts
				};
				rows.push(row);
				if (row.non2xx || row.errors || row.timeouts || !row.requests) {
					problems.push(
						`${endpoint.name} on ${server}: ${row.requests} requests, ${row.non2xx} non-2xx, ` +
							`${row.errors} errors, ${row.timeouts} timeouts`
					);
				}
			}
		}
	} catch (error) {
		problems.push(error instanceof Error ? error.message : String(error));
	} finally {
		if (bare) {
			bare.kill('SIGTERM');
			const exit = await waitForExit(bare, 5_000);
			if (!exit) bare.kill('SIGKILL');
		}
		shutdown = await stopServer(brug);
		brugStopped = true;
		const stopped = shutdownProblem(shutdown);
		if (stopped) problems.push(stopped);
		process.removeListener('SIGINT', abort);
		fs.rmSync(dataDir, { recursive: true, force: true });
	}

	/** @type {Record<string, number | null>} */
	const ratios = {};
	for (const endpoint of endpoints) {
		const brugRow = rows.find((row) => row.endpoint === endpoint.name && row.server === 'brug');
		const bareRow = rows.find((row) => row.endpoint === endpoint.name && row.server === 'bare node:http');
		ratios[endpoint.name] =
			brugRow && bareRow && bareRow.requestsPerSecond > 0
				? Math.round((brugRow.requestsPerSecond / bareRow.requestsPerSecond) * 1000) / 1000
				: null;
	}

	if (rows.length) printTable(rows, ratios);
	console.log('');
	console.log(
		shutdown
			? `shutdown: SIGTERM -> brug exited with code ${shutdown.code} in ${shutdown.ms} ms`
			: `shutdown: brug did not exit cleanly${brugStopped ? '' : ' (not stopped)'}`
	);
	for (const problem of problems) console.log(`PROBLEM: ${problem}`);

	const report = {
		date: new Date().toISOString(),
		node: process.version,
		cpus,
		connections,
		seconds,
		results: rows,
		ratioBrugToBare: ratios,
		shutdown,
		ok: problems.length === 0,
		problems
	};
	console.log(`BENCH_JSON ${JSON.stringify(report)}`);
	process.exitCode = problems.length === 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
});
