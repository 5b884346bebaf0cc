#!/usr/bin/env node
/**
 * `npm run bench:kill`: does brug lose a write it acknowledged when its process is killed mid-load (SIGKILL: no
 * shutdown, no flush)? Counts the writes brug answered 201 to, and how many of them are in the database afterwards.
 *
 *   node scripts/bench-kill.js              on SQLite (a fresh temporary BRUG_DATA_DIR)
 *   node scripts/bench-kill.js --postgres   on a throwaway PostgreSQL cluster (scripts/pg-cluster.js)
 *   node scripts/bench-kill.js --kill-postgres   the same, and PostgreSQL is killed (SIGKILL) together with brug
 *
 * It runs a snapshot of build/index.js (building it first only when it is missing) on 127.0.0.1 and a free port. A
 * person signs up through the forms (mail read from <BRUG_DATA_DIR>/outbox) and makes an API token; then
 * BENCH_KILL_WORKERS clients each post journal entries (POST /api/v1/me/journal) one after another, without pause.
 * After a random 0.5–2.5 s of load brug gets SIGKILL; it is started again on the same data, and the load goes on;
 * BENCH_KILL_ROUNDS times. Requests that fail while brug is down are not acknowledged and not counted as lost.
 * At the end brug stops (SIGTERM) and the database is read directly: every acknowledged entry id must be there.
 * With --postgres only brug is killed: the throwaway cluster runs without fsync and synchronous commit (its data dies
 * with the run), which survives brug's death but not its own. With --kill-postgres the cluster keeps PostgreSQL's
 * durable defaults, and each round kills the server too; it restarts and recovers from its WAL before brug starts.
 *
 * Env: BENCH_KILL_ROUNDS (default 5), BENCH_KILL_WORKERS (default 16).
 * Output (stdout): a summary, then one line `BENCH_KILL_JSON {...}`. Progress goes to stderr.
 * Exits non-zero when an acknowledged write is missing or the run fails. Not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { signUpAndSignIn } from './bench/accounts.js';
import {
	Browser,
	createNote,
	ensureBuild,
	freePort,
	host,
	positiveIntFromEnv,
	repoRoot,
	sleep,
	snapshotBuild,
	stopServer,
	waitForExit,
	waitForHealthz
} from './bench/common.js';
import { crashAndRestart, startCluster, stopClusterSync } from './pg-cluster.js';

const note = createNote('bench-kill');

/**
 * @param {string} entry
 * @param {NodeJS.ProcessEnv} env
 */
async function start(entry, env) {
	const child = spawn(process.execPath, [entry], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 2] });
	await waitForHealthz(`http://${env.HOST}:${env.PORT}`, child);
	return child;
}

/**
 * A token for the API, made on the person's API keys page as a person would.
 * @param {Browser} browser
 * @param {string} password
 */
async function createToken(browser, password) {
	const { status, text } = await browser.post('/nl/account/api-sleutels?/create', { label: 'kill-bench', password });
	const token = text.match(/brug_[A-Za-z0-9_-]{43}/)?.[0];
	if (!token) throw new Error(`making an API token answered ${status} without a token`);
	return token;
}

/**
 * Posts journal entries until `running()` is false; each 201 adds its entry id to `acknowledged`.
 * @param {{ origin: string, token: string, running: () => boolean, acknowledged: string[], failures: { count: number } }} options
 */
async function writer({ origin, token, running, acknowledged, failures }) {
	let n = 0;
	while (running()) {
		n += 1;
		try {
			const response = await fetch(`${origin}/api/v1/me/journal`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify({ mood: 1 + (n % 5), body: `Schrijven onder belasting ${n}`, wentWell: null })
			});
			const answer = await response.json().catch(() => null);
			if (response.status === 201 && typeof answer?.id === 'string') acknowledged.push(answer.id);
			else failures.count += 1;
		} catch {
			// brug is down (killed, not yet started again): nothing was acknowledged.
			failures.count += 1;
			await sleep(20);
		}
	}
}

/**
 * The journal entry ids the database holds.
 * @param {{ kind: 'sqlite', file: string } | { kind: 'postgres', url: string }} target
 * @returns {Promise<Set<string>>}
 */
async function storedIds(target) {
	if (target.kind === 'sqlite') {
		const db = new SQLite(target.file, { readonly: true });
		try {
			return new Set(db.prepare('select id from journal_entry').pluck().all().map(String));
		} finally {
			db.close();
		}
	}
	const client = new pg.Client({ connectionString: target.url });
	await client.connect();
	try {
		const { rows } = await client.query('select id from journal_entry');
		return new Set(rows.map((row) => String(row.id)));
	} finally {
		await client.end();
	}
}

async function main() {
	const killPostgres = process.argv.includes('--kill-postgres');
	const postgres = killPostgres || process.argv.includes('--postgres');
	const rounds = positiveIntFromEnv('BENCH_KILL_ROUNDS', 5);
	const workers = positiveIntFromEnv('BENCH_KILL_WORKERS', 16);
	ensureBuild(note);
	const snapshot = snapshotBuild('bench-kill');
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-bench-kill-'));
	/** @type {Awaited<ReturnType<typeof startCluster>> | undefined} */
	let cluster;
	/** @type {import('node:child_process').ChildProcess | undefined} */
	let child;
	const abort = () => {
		child?.kill('SIGKILL');
		if (cluster) stopClusterSync(cluster);
		process.exit(130);
	};
	process.once('SIGINT', abort);

	try {
		/** @type {{ kind: 'sqlite', file: string } | { kind: 'postgres', url: string }} */
		let target = { kind: 'sqlite', file: path.join(dataDir, 'brug.sqlite') };
		if (postgres) {
			cluster = await startCluster({ durable: killPostgres });
			target = { kind: 'postgres', url: cluster.url };
			note(`throwaway PostgreSQL cluster in ${cluster.root} on port ${cluster.port}`);
		}
		const port = await freePort();
		const origin = `http://${host}:${port}`;
		/** @type {NodeJS.ProcessEnv} */
		const env = { ...process.env, PORT: String(port), HOST: host, ORIGIN: origin, BRUG_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
		if (target.kind === 'postgres') env.DATABASE_URL = target.url;
		else delete env.DATABASE_URL;
		delete env.SMTP_URL; // mails go to <dataDir>/outbox
		delete env.BRUG_DATA_KEY; // a key of its own in the data dir, kept across the restarts

		const entry = path.join(snapshot, 'index.js');
		note(`starting brug on ${target.kind}, data in ${dataDir}`);
		child = await start(entry, env);
		const browser = new Browser(origin);
		const password = `kill bench ${randomBytes(9).toString('base64url')} zonnebloem`;
		await signUpAndSignIn(browser, path.join(dataDir, 'outbox'), `kill-bench-${Date.now()}@example.nl`, password);
		const token = await createToken(browser, password);

		/** @type {string[]} */
		const acknowledged = [];
		const failures = { count: 0 };
		let load = true;
		const writers = Array.from({ length: workers }, () => writer({ origin, token, running: () => load, acknowledged, failures }));
		for (let round = 1; round <= rounds; round++) {
			await sleep(500 + Math.random() * 2000);
			const before = acknowledged.length;
			child.kill('SIGKILL');
			if (killPostgres && cluster) await crashAndRestart(cluster);
			await waitForExit(child, 5_000);
			note(`round ${round}: killed brug${killPostgres ? ' and PostgreSQL' : ''} after ${before} acknowledged writes; starting again`);
			child = await start(entry, env);
		}
		await sleep(1000);
		load = false;
		await Promise.all(writers);
		const shutdown = await stopServer(child);
		child = undefined;
		if (!shutdown || shutdown.code !== 0) note('brug did not exit cleanly after SIGTERM at the end');

		const stored = await storedIds(target);
		const lost = acknowledged.filter((id) => !stored.has(id));
		const figures = {
			database: target.kind,
			killed: killPostgres ? 'brug and PostgreSQL' : 'brug',
			kills: rounds,
			workers,
			acknowledged: acknowledged.length,
			lost: lost.length,
			stored: stored.size,
			// Committed while brug died, before its answer left: in the database, never acknowledged. Not a loss.
			storedUnacknowledged: stored.size - (acknowledged.length - lost.length),
			failedRequests: failures.count
		};
		console.log(`${figures.database}: ${figures.kills} × SIGKILL to ${figures.killed} under load by ${workers} writers; ${figures.acknowledged} writes acknowledged, ${figures.lost} lost; ${figures.storedUnacknowledged} stored without an answer; ${figures.failedRequests} requests failed while brug was down`);
		console.log(`BENCH_KILL_JSON ${JSON.stringify(figures)}`);
		if (lost.length > 0) process.exitCode = 1;
	} finally {
		child?.kill('SIGKILL');
		if (cluster) stopClusterSync(cluster);
		fs.rmSync(dataDir, { recursive: true, force: true });
		fs.rmSync(snapshot, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
