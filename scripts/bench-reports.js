#!/usr/bin/env node
/**
 * `npm run bench:reports`: how long the built server takes to render outcome reports over years of data. The budget:
 * with 1,000,000 DJG-11 measurements on PostgreSQL (100,000 on SQLite) a report page renders in under 1 s server
 * time (p95), and the time grows no faster than the data (run it at --scale 0.1, 0.3 and 1).
 *
 *   node scripts/bench-reports.js                  on SQLite (a fresh temporary BRUG_DATA_DIR): 20,000 people
 *   node scripts/bench-reports.js --postgres       on a throwaway PostgreSQL cluster (scripts/pg-cluster.js): 200,000
 *   … --scale 0.1                                  a tenth of that (also BENCH_REPORTS_SCALE)
 *   … --seed-only                                  no phase 3 pages: how long seeding takes, the rows and the plans
 *   … --no-plans                                   without the plans
 *
 * Like scripts/bench-caseload.js it runs a snapshot of build/index.js with LOG_LEVEL=info, three times over:
 *   1. Through the app's own form posts: the setup page makes an organisation and its admin (two-step sign-in on); the
 *      admin invites a report reader by mail, who joins and turns on two-step sign-in. The server stops.
 *   2. Straight into the database (scripts/bench/report-seed.js): four more organisations and a funder (a
 *      municipality), then about 200,000 people with five DJG-11 measurements each, on programme and in groups, spread
 *      over three years; the large organisation (the form-made one) holds 40% of them. Report definitions: the large
 *      organisation's programme, groups and period reports; two other organisations' period reports; three of them
 *      shared with the funder, whose report reader is the same account. Fixed seed. PostgreSQL gets ANALYZE, as
 *      autovacuum would do after such a load; SQLite gets none, as brug never runs one.
 *      Then the report units are built (the feature's own refreshReportUnits over every change the seed made), timed
 *      on its own: a report read normally takes in only the few changes since the last one.
 *   3. The server starts again; the reader signs in with password and code, opens each report once (must be 200),
 *      warms up, then GETs each page N times one after the other. The server's own `ms` per request comes from its
 *      request log line. Then the report's queries are run once more outside the server and their plans printed
 *      (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite; scripts/bench/report-plans.js).
 *
 * Env: BENCH_REPORTS_SCALE (1), BENCH_REPORTS_PEOPLE (overrides the scale), BENCH_REPORTS_REQUESTS (30),
 * BENCH_REPORTS_WARMUP (5), BENCH_DATABASE_URL (PostgreSQL; implies --postgres), BENCH_REPORTS_KEEP_DATA=1.
 * Output (stdout): seeding time and rows, p50/p95/p99/max per page, the plans, then `BENCH_REPORTS_JSON {...}`.
 * Exits non-zero when a p95 server time is 1,000 ms or more, a request is not 200, seeding fails, or a shutdown is not
 * clean. Not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
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
	snippet,
	stopServer,
	summarise,
	waitForExit,
	waitForHealthz
} from './bench/common.js';
import { linkInMailTo } from './bench/accounts.js';
import { openWriter, reportSeed, seedTables } from './bench/report-seed.js';
import { buildReportUnits, explainReports } from './bench/report-plans.js';
import { totpCode, turnOnTwoStep } from './bench/two-step.js';
// The app's own encryption (run with --experimental-transform-types, see package.json), so group grants hold an
// encrypted name as brug stores them.
import { encryptText } from '../src/lib/server/crypto/encryption.ts';
import { loadKeyring } from '../src/lib/server/crypto/keyring.js';
import { startCluster, stopClusterSync } from './pg-cluster.js';

/** @typedef {import('./bench/common.js').Summary} Summary */
/** @typedef {import('./bench/report-seed.js').Target} Target */
/** @typedef {{ child: import('node:child_process').ChildProcess, origin: string, requestLines: import('./bench/common.js').RequestLine[] }} Server */
/** @typedef {{ label: string, path: string, requests: number, statuses: Record<number, number>, serverMs: Summary | null, wallMs: Summary | null, pageBytes: number }} Series */

/** The budget for p95 server time. */
const limitMs = 1_000;
/** A page whose first request takes longer is measured once only (its wall time), so the run still ends. */
const tooSlowMs = 15_000;
const password = 'lang genoeg wachtwoord voor de bench';
/** People at scale 1: five measurements each, so 1,000,000 on PostgreSQL and 100,000 on SQLite. */
const fullPeople = { postgres: 200_000, sqlite: 20_000 };
const note = createNote('bench-reports');

/** @param {string} snapshot @param {NodeJS.ProcessEnv} baseEnv @returns {Promise<Server>} */
async function startServer(snapshot, baseEnv) {
	const port = await freePort();
	const origin = `http://${host}:${port}`;
	const child = spawn(process.execPath, [path.join(snapshot, 'index.js')], {
		cwd: repoRoot,
		env: { ...baseEnv, PORT: String(port), HOST: host, ORIGIN: origin },
		stdio: ['ignore', 'pipe', 2]
	});
	const requestLines = collectRequestLines(child);
	try {
		await waitForHealthz(origin, child);
	} catch (error) {
		child.kill('SIGKILL');
		await waitForExit(child, 5_000);
		throw error;
	}
	return { child, origin, requestLines };
}

/**
 * Phase 1, through the pages: the organisation, its admin and the report reader (as a professional when the
 * invitation form does not offer the role yet; phase 2 then makes them a report reader).
 * @param {string} origin @param {string} setupToken @param {string} outboxDir @param {string} runId
 */
async function makeReader(origin, setupToken, outboxDir, runId) {
	const admin = new Browser(origin);
	const afterSetup = await admin.submit('/nl/installatie', {
		token: setupToken, organisationName: `Welzijn Bench ${runId}`, kind: 'welfare', name: 'Beheerder Bench',
		email: `bench-reports-admin-${runId}@example.nl`, password, repeat: password
	});
	if (!afterSetup.includes('/account/tweestaps')) throw new Error(`the setup page led to ${afterSetup}, not to two-step sign-in`);
	await turnOnTwoStep(admin, password);
	const organisations = await admin.get('/nl/organisatie');
	await organisations.arrayBuffer();
	const organisationPath = organisations.headers.get('location');
	if (organisations.status !== 303 || !organisationPath || !/^\/nl\/organisatie\/[\w-]+$/.test(organisationPath)) {
		throw new Error(`GET /nl/organisatie answered ${organisations.status} ${organisationPath ?? ''}, expected a redirect to the one organisation`);
	}
	const email = `bench-reports-reader-${runId}@example.nl`;
	const invited = await admin.post(`${organisationPath}?/invite`, { email, role: 'report_reader' });
	const invitedAs = invited.status === 303 ? 'report_reader' : 'professional';
	if (invitedAs === 'professional') await admin.submit(`${organisationPath}?/invite`, { email, role: 'professional' });
	const link = await linkInMailTo(outboxDir, email);
	const reader = new Browser(origin);
	await reader.submit(`${link.pathname}?/join`, { name: 'Lezer Bench', password, repeat: password });
	const secret = await turnOnTwoStep(reader, password);
	note(`organisation ${organisationPath}, its admin and a reader (invited as ${invitedAs}) made through the forms, two-step sign-in on`);
	return { email, secret, adminEmail: `bench-reports-admin-${runId}@example.nl` };
}

/** Phase 3: a fresh sign-in with password and code. @param {string} origin @param {string} email @param {string} secret */
async function signInWithCode(origin, email, secret) {
	const browser = new Browser(origin);
	const next = await browser.submit('/nl/account/inloggen', { email, password });
	if (!next.startsWith('/nl/account/inloggen/code')) throw new Error(`signing in led to ${next}, not to the code step`);
	let answer = await browser.post('/nl/account/inloggen/code', { code: totpCode(secret) });
	if (answer.status !== 303) {
		// A code already used in this 30-second step may be refused: the next step's code is a fresh one.
		await sleep(30_000 - (Date.now() % 30_000) + 500);
		answer = await browser.post('/nl/account/inloggen/code', { code: totpCode(secret) });
	}
	if (answer.status !== 303 || !browser.signedIn()) throw new Error(`the sign-in code was refused (${answer.status}): ${snippet(answer.text)}`);
	return browser;
}

/** @param {Target} target @param {string} text @param {unknown[]} [values] @returns {Promise<Record<string, any>[]>} */
async function query(target, text, values = []) {
	if (target.kind === 'sqlite') {
		const database = new SQLite(target.file, { readonly: true });
		try {
			return database.prepare(text.replace(/\$\d+/g, '?')).all(...values);
		} finally {
			database.close();
		}
	}
	const client = new pg.Client({ connectionString: target.url });
	await client.connect();
	try {
		return (await client.query(text, values)).rows;
	} finally {
		await client.end();
	}
}

/** The first and last day of the quarter `back` quarters before the current one. @param {number} back @param {Date} now */
function quarter(back, now) {
	const [year, month] = localDay(0, now).split('-').map(Number);
	const index = (year ?? 0) * 4 + Math.floor(((month ?? 1) - 1) / 3) - back;
	const first = new Date(Date.UTC(Math.floor(index / 4), (index % 4) * 3, 1));
	const last = new Date(Date.UTC(Math.floor(index / 4), (index % 4) * 3 + 3, 0));
	return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/**
 * Phase 2: organisations, people and report definitions, straight into the database.
 * @param {Target} target @param {{ people: number, runId: string, readerEmail: string, adminEmail: string, keyring: any, now: Date }} options
 */
async function seed(target, options) {
	const { people, runId, readerEmail, adminEmail, keyring, now } = options;
	const [reader] = await query(target, "select a.id, m.organisation_id, m.id as membership_id from account a join membership m on m.account_id = a.id where a.email = $1", [readerEmail]);
	const [admin] = await query(target, 'select id from account where email = $1', [adminEmail]);
	if (!reader || !admin) throw new Error('the reader or admin made in phase 1 is not in the database');
	const largeId = String(reader.organisation_id);
	const postgres = target.kind === 'postgres';
	const createdAt = now.toISOString();
	const funderId = randomUUID();
	/** @type {Array<{ id: string, share: number, starterId: string }>} */
	const organisations = [{ id: largeId, share: 0.4, starterId: String(admin.id) }];
	/** @type {import('./bench/report-seed.js').Batch} */
	const setup = [['organisation', [{ id: funderId, name: `Gemeente Bench ${runId}`, kind: 'funder', created_at: createdAt }]], ['account', []], ['membership', []]];
	for (let o = 1; o <= 4; o += 1) {
		const id = randomUUID();
		const starterId = randomUUID();
		setup[0][1].push({ id, name: `Welzijn ${o} ${runId}`, kind: 'welfare', created_at: createdAt });
		setup[1][1].push({ id: starterId, name: `Professional ${o}`, email: `bench-reports-pro-${o}-${runId}@example.nl`, email_verified: postgres ? true : 1, image: null, locale: 'nl', two_factor_enabled: postgres ? false : 0, created_at: createdAt, updated_at: createdAt });
		setup[2][1].push({ id: randomUUID(), organisation_id: id, account_id: starterId, role: 'professional', created_at: createdAt });
		organisations.push({ id, share: 0.15, starterId });
	}
	setup[2][1].push({ id: randomUUID(), organisation_id: funderId, account_id: String(reader.id), role: 'report_reader', created_at: createdAt });
	const writer = await openWriter(target);
	/** @type {Record<string, number>} */
	const rows = {};
	try {
		await writer.sql(`update membership set role = 'report_reader' where id = '${reader.membership_id}'`);
		await writer.write(setup);
		const encrypt = (/** @type {string} */ text, /** @type {string} */ context) => encryptText(keyring, text, context);
		let written = 0;
		for (const batch of reportSeed({ people, organisations, runId, postgres, now, encrypt })) {
			await writer.write(batch);
			for (const [table, list] of batch) rows[table] = (rows[table] ?? 0) + list.length;
			written += batch.find(([table]) => table === 'account')?.[1].length ?? 0;
			if (written % 20_000 < 2_400) note(`  ${written} of ${people} people written`);
		}
		const reports = [
			{ key: 'programme', organisation: largeId, kind: 'programme', programme_id: 'eight-weeks', period: null },
			{ key: 'groups', organisation: largeId, kind: 'groups', programme_id: null, period: null },
			{ key: 'period', organisation: largeId, kind: 'period', programme_id: null, period: { from: quarter(8, now).from, to: quarter(1, now).to } },
			{ key: 'other1', organisation: organisations[1]?.id, kind: 'period', programme_id: null, period: { from: quarter(12, now).from, to: quarter(1, now).to } },
			{ key: 'other2', organisation: organisations[2]?.id, kind: 'period', programme_id: null, period: { from: quarter(12, now).from, to: quarter(1, now).to } }
		].map((report) => ({ ...report, id: randomUUID() }));
		await writer.write([
			['outcome_report', reports.map((r) => ({
				id: r.id, organisation_id: r.organisation ?? largeId, title: `Bench ${r.key}`, kind: r.kind, programme_id: r.programme_id, group_ids: '[]',
				period_from: r.period?.from ?? null, period_to: r.period?.to ?? null, scale_sd: 3, reliability: 0.88, created_by: String(admin.id), created_at: createdAt, updated_at: createdAt
			}))],
			['outcome_report_share', reports.filter((r) => ['period', 'other1', 'other2'].includes(r.key)).map((r) => ({ report_id: r.id, funder_id: funderId, shared_by: String(admin.id), shared_at: createdAt }))]
		]);
		if (postgres) await writer.sql(`analyze ${[...seedTables, 'organisation', 'membership', 'outcome_report', 'outcome_report_share'].join(', ')}`);
		const shared = reports.filter((r) => ['period', 'other1', 'other2'].includes(r.key)).map((r) => r.id);
		return { largeId, funderId, reports: Object.fromEntries(reports.map((r) => [r.key, r.id])), shared, rows };
	} finally {
		await writer.close();
	}
}

/**
 * Checks one page, warms up, then sequential GETs; the server's figures are its log lines of those requests.
 * @param {Browser} browser @param {Server} server @param {string} label @param {string} pathname
 * @param {number} requests @param {number} warmup @param {string[]} problems @param {boolean} withOutputs @returns {Promise<Series>}
 */
async function measure(browser, server, label, pathname, requests, warmup, problems, withOutputs) {
	const firstStarted = performance.now();
	const first = await browser.get(pathname);
	const page = await first.text();
	const firstMs = performance.now() - firstStarted;
	if (first.status !== 200) throw new Error(`GET ${pathname} answered ${first.status}: ${snippet(page)}`);
	// With this many people every report has its figures, not only counts; outputs only where groups count.
	const sections = ['report-funnel', 'report-change', 'report-reliable', 'report-bands', 'report-followup', ...(withOutputs ? ['report-outputs'] : [])];
	for (const id of sections) {
		if (!page.includes(`id="${id}"`)) problems.push(`GET ${pathname} shows no #${id}`);
	}
	if (firstMs > tooSlowMs) {
		// Far over the budget: one request says enough, and a series would take the rest of the run.
		problems.push(`GET ${pathname}: the first request took ${Math.round(firstMs)} ms; not measured further`);
		const once = summarise([firstMs]);
		return { label, path: pathname, requests: 1, statuses: { 200: 1 }, serverMs: once, wallMs: once, pageBytes: Buffer.byteLength(page) };
	}
	for (let i = 0; i < warmup; i += 1) await (await browser.get(pathname)).arrayBuffer();
	const settle = async (/** @type {number} */ count) => {
		const deadline = Date.now() + 5_000;
		while (server.requestLines.length < count && Date.now() < deadline) await sleep(20);
	};
	// Lines of the check and the warm-up may still be on their way: count from after them.
	await sleep(200);
	const before = server.requestLines.length;
	/** @type {number[]} */
	const wallMs = [];
	/** @type {Record<number, number>} */
	const statuses = {};
	for (let i = 0; i < requests; i += 1) {
		const started = performance.now();
		const response = await browser.get(pathname);
		await response.arrayBuffer();
		wallMs.push(performance.now() - started);
		statuses[response.status] = (statuses[response.status] ?? 0) + 1;
	}
	await settle(before + requests);
	const serverMs = server.requestLines.slice(before, before + requests).filter((line) => line.method === 'GET').map((line) => line.ms);
	if (serverMs.length !== requests) problems.push(`GET ${pathname}: the server logged ${serverMs.length} requests, expected ${requests}`);
	if ((statuses[200] ?? 0) !== requests) problems.push(`GET ${pathname}: not every request was 200: ${JSON.stringify(statuses)}`);
	return { label, path: pathname, requests, statuses, serverMs: serverMs.length ? summarise(serverMs) : null, wallMs: summarise(wallMs), pageBytes: Buffer.byteLength(page) };
}

/** @param {string} name */
function scaleFromArgs(name) {
	const at = process.argv.indexOf(name);
	const given = at >= 0 ? process.argv[at + 1] : process.env.BENCH_REPORTS_SCALE;
	if (given === undefined || given.trim() === '') return 1;
	const scale = Number(given);
	if (!Number.isFinite(scale) || scale <= 0 || scale > 1) throw new Error(`--scale must be a number above 0 and at most 1, not ${given}`);
	return scale;
}

async function main() {
	const requests = positiveIntFromEnv('BENCH_REPORTS_REQUESTS', 30);
	const warmup = positiveIntFromEnv('BENCH_REPORTS_WARMUP', 5);
	const givenUrl = process.env.BENCH_DATABASE_URL?.trim() || undefined;
	if (givenUrl && !/^postgres(ql)?:\/\/.+/.test(givenUrl)) throw new Error('BENCH_DATABASE_URL must start with postgres:// or postgresql://');
	const postgres = Boolean(givenUrl) || process.argv.includes('--postgres');
	const database = postgres ? 'postgres' : 'sqlite';
	const scale = scaleFromArgs('--scale');
	const people = process.env.BENCH_REPORTS_PEOPLE?.trim() ? positiveIntFromEnv('BENCH_REPORTS_PEOPLE', 1) : Math.round(fullPeople[database] * scale);
	const keepData = process.env.BENCH_REPORTS_KEEP_DATA === '1';
	const seedOnly = process.argv.includes('--seed-only');
	ensureBuild(note);

	const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-bench-reports-'));
	const snapshot = snapshotBuild('bench-reports');
	const setupToken = randomBytes(16).toString('hex');
	/** @type {import('./pg-cluster.js').ClusterHandle | null} */
	let cluster = null;
	/** @type {Server | null} */
	let server = null;
	const abort = () => {
		server?.child.kill('SIGKILL');
		if (cluster) stopClusterSync(cluster);
		process.exit(130);
	};
	process.once('SIGINT', abort);
	/** @type {string[]} */
	const problems = [];
	/** @type {Series[]} */
	const series = [];
	/** @type {Record<string, { code: number | null, signal: string | null, ms: number } | null>} */
	const shutdowns = {};
	/** @type {Record<string, number>} */
	let rows = {};
	let seedMs = 0;
	/** @type {{ marks: number, ms: number } | null} */
	let units = null;
	/** @type {string[]} */
	let plans = [];

	try {
		/** @type {Target} */
		let target = { kind: 'sqlite', file: path.join(dataDir, 'brug.sqlite') };
		if (postgres) {
			if (!givenUrl) {
				cluster = await startCluster();
				note(`throwaway PostgreSQL cluster in ${cluster.root} on port ${cluster.port}`);
			}
			target = { kind: 'postgres', url: givenUrl ?? /** @type {import('./pg-cluster.js').ClusterHandle} */ (cluster).url };
		}
		/** @type {NodeJS.ProcessEnv} */
		const env = { ...process.env, BRUG_DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'production', BRUG_SETUP_TOKEN: setupToken };
		if (target.kind === 'postgres') env.DATABASE_URL = target.url;
		else delete env.DATABASE_URL;
		delete env.SMTP_URL; // mails go to <dataDir>/outbox
		delete env.BRUG_DATA_KEY; // a key of its own in the data dir
		delete env.BRUG_AUTH_SECRET; // a secret of its own in the data dir, kept across both starts

		note(`phase 1: starting brug (snapshot of build/) on ${database}, data in ${dataDir}`);
		server = await startServer(snapshot, env);
		const { email, secret, adminEmail } = await makeReader(server.origin, setupToken, path.join(dataDir, 'outbox'), runId);
		shutdowns.accounts = await stopServer(server.child);
		server = null;
		const stopped = shutdownProblem(shutdowns.accounts ?? null, 'after phase 1');
		if (stopped) throw new Error(stopped);

		note(`phase 2: seeding ${people} people (${people * 5} measurements) on ${database}`);
		const seedStart = performance.now();
		const keyring = loadKeyring({ dataDir, dataKey: undefined });
		const made = await seed(target, { people, runId, readerEmail: email, adminEmail, keyring, now: new Date() });
		rows = made.rows;
		seedMs = Math.round(performance.now() - seedStart);
		note(`phase 2: seeded in ${(seedMs / 1000).toFixed(1)} s: ${JSON.stringify(rows)}`);
		// The seed wrote straight into the tables, so the triggers only marked what changed; in real use each report
		// read takes in the few changes since the last one. Here all of them at once, timed on its own.
		units = await buildReportUnits(target);
		note(`phase 2: report units built from ${units.marks} marks in ${(units.ms / 1000).toFixed(1)} s`);

		if (!seedOnly) {
			try {
				server = await startServer(snapshot, env);
				const browser = await signInWithCode(server.origin, email, secret);
				note(`phase 3: brug restarted on ${server.origin}; the reader signed in with password and code`);
				const reportPath = (/** @type {string | undefined} */ id) => `/nl/organisatie/${made.largeId}/rapporten/${id}`;
				const pages = [
					['programme report', reportPath(made.reports.programme)],
					['groups report', reportPath(made.reports.groups)],
					['period report', reportPath(made.reports.period)],
					['period, in a group', `${reportPath(made.reports.period)}?vorm=groep`],
					['funder combined', `/nl/financier/${made.funderId}/samen`]
				];
				for (const [label, pathname] of pages) {
					note(`measuring ${label}: ${warmup} warm-up + ${requests} requests of ${pathname}`);
					series.push(await measure(browser, server, label, pathname, requests, warmup, problems, label !== 'programme report'));
				}
			} catch (error) {
				// The plans below still say where the time goes.
				problems.push(error instanceof Error ? error.message : String(error));
			}
		}
		if (!process.argv.includes('--no-plans')) {
			note('the plans of the report queries');
			const all = { from: null, to: null, setting: 'all' };
			plans = await explainReports(target, [
				{ label: 'programme report', reportIds: [made.reports.programme ?? ''], filter: all },
				{ label: 'groups report', reportIds: [made.reports.groups ?? ''], filter: all },
				{ label: 'period report', reportIds: [made.reports.period ?? ''], filter: all },
				{ label: 'period, in a group', reportIds: [made.reports.period ?? ''], filter: { ...all, setting: 'group' } },
				{ label: 'funder combined', reportIds: made.shared, filter: all }
			]);
		}
	} catch (error) {
		problems.push(error instanceof Error ? error.message : String(error));
	} finally {
		if (server) {
			shutdowns.reports = await stopServer(server.child);
			const stopped = shutdownProblem(shutdowns.reports ?? null, 'at the end');
			if (stopped) problems.push(stopped);
		}
		if (cluster) stopClusterSync(cluster);
		process.removeListener('SIGINT', abort);
		if (keepData && !cluster) note(`kept the data dir: ${dataDir}`);
		else fs.rmSync(dataDir, { recursive: true, force: true });
		fs.rmSync(snapshot, { recursive: true, force: true });
	}

	for (const one of series) {
		if (one.serverMs && one.serverMs.p95 >= limitMs) problems.push(`GET ${one.path}: p95 server time is ${one.serverMs.p95} ms, the limit is under ${limitMs} ms`);
	}
	if (series.length === 0 && problems.length === 0 && !seedOnly) problems.push('no server timings were collected');

	console.log(
		`brug reports bench: ${people} people, ${rows.measurement ?? '?'} DJG-11 measurements (scale ${scale}) in 5 organisations and a funder; ` +
			`seeded in ${(seedMs / 1000).toFixed(1)} s; ${warmup} warm-up + ${requests} sequential requests per page; build/index.js on ${database}, ` +
			`LOG_LEVEL=info; node ${process.version}, ${os.availableParallelism()} CPU core(s) shared by client, server${postgres ? ' and PostgreSQL' : ''}`
	);
	console.log(`rows: ${JSON.stringify(rows)}`);
	console.log('');
	printSummaryTable(series.flatMap((one) => /** @type {Array<[string, Summary | null]>} */ ([[`server ${one.label} (${Math.round(one.pageBytes / 1024)} KB)`, one.serverMs], [`wall   ${one.label}`, one.wallMs]])));
	console.log('');
	for (const plan of plans) console.log(plan);
	for (const [which, shutdown] of Object.entries(shutdowns)) {
		console.log(shutdown ? `shutdown (${which}): SIGTERM -> brug exited with code ${shutdown.code} in ${shutdown.ms} ms` : `shutdown (${which}): brug did not exit cleanly`);
	}
	for (const problem of problems) console.log(`PROBLEM: ${problem}`);
	const report = { date: new Date().toISOString(), node: process.version, cpus: os.availableParallelism(), database, scale, people, rows, seedMs, units, requests, warmup, series, limitMs, shutdowns, ok: problems.length === 0, problems };
	console.log(`BENCH_REPORTS_JSON ${JSON.stringify(report)}`);
	process.exitCode = problems.length === 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
});
