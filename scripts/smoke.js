#!/usr/bin/env node
/**
 * Start-and-smoke check: does brug start and serve on a given Node? `.ci/run` runs it on Node 22 after the whole suite
 * ran on Node 24.
 *
 *   node scripts/smoke.js [--node /path/to/node]     (default: the Node running this script)
 *
 * It starts brug the way `npm start` does (`<node> scripts/start.js`, on an existing build) on SQLite in a fresh
 * temporary data directory and a free port, and checks:
 *   - the start's log line 'brug started' names that Node's version;
 *   - GET /healthz answers 200 with status ok, and names no version;
 *   - GET /nl/test answers 200 with the test's form;
 *   - sign up, confirm the address (link from the outbox), sign in, then GET /nl/overzicht answers 200, signed in;
 *   - SIGTERM ends it with exit code 0.
 * Prints one line per check; exits non-zero at the first failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signUpAndSignIn } from './bench/accounts.js';
import { Browser, freePort, host, repoRoot, shutdownProblem, snippet, stopServer, waitForHealthz } from './bench/common.js';

const nodeFlag = process.argv.indexOf('--node');
const node = nodeFlag === -1 ? process.execPath : path.resolve(process.argv[nodeFlag + 1] ?? '');
if (!fs.existsSync(path.join(repoRoot, 'build', 'index.js'))) fail("build/index.js is missing: run 'npx vite build' first.");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-smoke-'));
const port = await freePort();
const origin = `http://${host}:${port}`;
const env = { ...process.env, PORT: String(port), HOST: host, ORIGIN: origin, BRUG_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
delete env.SMTP_URL; // mails go to <dataDir>/outbox
delete env.DATABASE_URL;

const version = spawnSync(node, ['-p', 'process.version'], { encoding: 'utf8' }).stdout?.trim();
if (!version) fail(`${node} does not run.`);
console.log(`smoke: Node ${version} (${node})`);
/** @type {string[]} */
const log = [];
const brug = spawn(node, [path.join(repoRoot, 'scripts', 'start.js')], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
for (const stream of [brug.stdout, brug.stderr]) stream.on('data', (chunk) => log.push(String(chunk)));

try {
	// The start builds first when the build is older than the sources.
	await waitForHealthz(origin, brug, 180_000);
	const started = log.join('').split('\n').find((line) => line.includes('"brug started"'));
	check(started?.includes(`"node":"${version}"`), `the log line 'brug started' names Node ${version}`, started ?? 'no such line');

	const health = await fetch(`${origin}/healthz`);
	const healthText = await health.text();
	check(health.status === 200 && JSON.parse(healthText).status === 'ok', 'GET /healthz answers 200, ok', healthText);
	check(!/v?\d+\.\d+\.\d+/.test(healthText) && !health.headers.has('x-powered-by'), '/healthz names no version', healthText);

	const browser = new Browser(origin);
	const test = await browser.get('/nl/test');
	const testPage = await test.text();
	check(test.status === 200 && /<form[^>]*method="post"/i.test(testPage), 'GET /nl/test answers 200 with the form', snippet(testPage));

	await signUpAndSignIn(browser, path.join(dataDir, 'outbox'), `smoke-${Date.now()}@example.nl`, 'lang genoeg wachtwoord voor de smoke');
	const overview = await browser.get('/nl/overzicht');
	const overviewPage = await overview.text();
	check(overview.status === 200 && /<main/i.test(overviewPage), 'signed in, GET /nl/overzicht answers 200', `${overview.status} ${snippet(overviewPage)}`);

	const problem = shutdownProblem(await stopServer(brug));
	check(problem === null, 'SIGTERM: brug exits with code 0', problem ?? '');
	console.log(`smoke: all checks passed on Node ${version}`);
} catch (error) {
	if (brug.exitCode === null) brug.kill('SIGKILL');
	process.stderr.write(`smoke: the server said:\n${log.join('').slice(-4000)}\n`);
	fail(error instanceof Error ? error.message : String(error));
} finally {
	fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * @param {boolean | undefined} ok
 * @param {string} what
 * @param {string} seen shown when the check fails
 */
function check(ok, what, seen) {
	if (!ok) throw new Error(`${what}: failed; got ${seen}`);
	console.log(`smoke: ok  ${what}`);
}

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(`smoke: ${message}`);
	process.exit(1);
}
