#!/usr/bin/env node
/**
 * `npm run bench:caseload`: how long the built server takes to render a professional's caseload (GET /nl/werk/clienten)
 * with 200 clients who share everything and have 20 measurements each. The budget: with 200 clients
 * and 20 measurements each, the caseload renders in under 150 ms server time (p95) on SQLite and PostgreSQL.
 *
 *   node scripts/bench-caseload.js              on SQLite (a fresh temporary BRUG_DATA_DIR)
 *   node scripts/bench-caseload.js --postgres   on a throwaway PostgreSQL cluster (scripts/pg-cluster.js)
 *   BENCH_DATABASE_URL=postgres://… node scripts/bench-caseload.js   on that database (rows are added, none removed)
 *   … --groups   every client is also in a group training of 12 led by the professional (a `group` grant beside the
 *                guidance grant, eight weekly sessions, attendance); then the leader's session page of one group is
 *                measured too (BENCH_CASELOAD_SESSION_REQUESTS, default 50), with the same limit
 *
 * It runs a snapshot of build/index.js (building it first only when it is missing) with LOG_LEVEL=info on 127.0.0.1
 * and a free port, twice:
 *   1. As people do, through the app's own form posts (no JavaScript): the setup page (BRUG_SETUP_TOKEN) makes an
 *      organisation and its admin, who turns on two-step sign-in; the admin invites a professional by mail (read from
 *      <BRUG_DATA_DIR>/outbox); the professional joins from the link and turns on two-step sign-in. Codes are computed
 *      from the shown secret (RFC 6238, as tests/support/totp.ts). Then the server stops (SIGTERM, must exit 0).
 *   2. With the server stopped, 200 clients are written straight into the database in brug's own table shapes
 *      (src/lib/server/db/schema.ts; going through the forms would take minutes): accounts, an active consent grant to
 *      the professional with all four scopes (so every query of the caseload runs), 20 DJG-11 measurements each over
 *      the last year (answers, subscales and band consistent with the scoring rules), journal entries (free text left
 *      empty: those columns are encrypted), some marked "bespreek dit" and some of those already read (audit event),
 *      exercises done, small steps, health webs, measurement requests, and a running programme with the weeks opened
 *      so far (one in four never opened week 1). One in eight clients went quiet weeks ago.
 *      Generated from a fixed seed, so every run has the same caseload. On PostgreSQL the tables are then ANALYZEd, as
 *      autovacuum would do shortly after such a load; SQLite gets no ANALYZE, as brug never runs one.
 *   3. The server starts again on the same data; the professional signs in with password and code.
 * It checks that the page lists 50 clients (the first page) of the 200, and that the filter ?signaal=severe_band finds
 * exactly the clients whose latest result is in a severe band; warms up, then GETs /nl/werk/clienten sequentially, and
 * the filtered page after that. Per request two figures: the wall time seen by this client (same machine, 127.0.0.1,
 * body read in full) and the server's own `ms` from its request log line (`{"msg":"request","route":...,"ms":...}`,
 * whole milliseconds, from the first hook to the finished response). Each request writes one audit event per client
 * shown (50), by design: that is part of the measured time, and the audit log grows during the run.
 *
 * Env: BENCH_CASELOAD_REQUESTS (default 200), BENCH_CASELOAD_WARMUP (20), BENCH_CASELOAD_FILTERED_REQUESTS (50),
 * BENCH_CASELOAD_CLIENTS (200), BENCH_CASELOAD_MEASUREMENTS (20), BENCH_DATABASE_URL (PostgreSQL; implies --postgres),
 * BENCH_CASELOAD_AUDIT_HISTORY (default 0: earlier `client.caseload.read` events of the professional to seed, e.g.
 * 100000 for a year of daily use; the "bespreek dit" check looks through the audit log),
 * BENCH_CASELOAD_KEEP_DATA=1 (keep the data dir afterwards, to look into the SQLite database; the throwaway PostgreSQL
 * cluster always goes).
 * Output (stdout): p50/p95/p99/max of both figures for both pages, then one line `BENCH_CASELOAD_JSON {...}`. Progress
 * and server warnings go to stderr. Exits non-zero when p95 of the server's ms is 150 or more (either page), a
 * request is not 200, the pages do not list what was seeded, seeding fails, or a shutdown is not clean.
 * Not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
	Browser as FormBrowser,
	collectRequestLines,
	createNote,
	ensureBuild,
	freePort,
	host,
	localDay,
	mean,
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
import { djg11Answers, djg11Band, random } from './bench/djg11.js';
import { totpCode, turnOnTwoStep as turnOnTwoStepWith } from './bench/two-step.js';
// The app's own encryption (run with --experimental-transform-types, see package.json), so seeded names are stored as
// brug stores them.
import { encryptText } from '../src/lib/server/crypto/encryption.ts';
import { loadKeyring } from '../src/lib/server/crypto/keyring.js';
import { startCluster, stopClusterSync } from './pg-cluster.js';

/** @typedef {import('./bench/common.js').RequestLine} RequestLine */
/** @typedef {import('./bench/common.js').Summary} Summary */

/**
 * A running brug server and the request lines it has logged.
 * @typedef {object} Server
 * @property {import('node:child_process').ChildProcess} child
 * @property {string} origin
 * @property {RequestLine[]} requestLines
 */

/**
 * Where the data lives: SQLite in the data dir, or a PostgreSQL URL.
 * @typedef {{ kind: 'sqlite', file: string } | { kind: 'postgres', url: string }} Target
 */

/** @typedef {string | number | boolean | null} Cell */

/**
 * The rows to write, per table, in insertion order (foreign keys first).
 * @typedef {Array<[table: string, rows: Record<string, Cell>[]]>} Seed
 */

/**
 * What the seed should make the caseload show.
 * @typedef {object} SeedFacts
 * @property {number} clients
 * @property {number} measurements
 * @property {number} severe     clients whose latest DJG-11 result is in a severe band (the severe_band signal)
 * @property {Record<string, number>} rows   rows written per table
 */

/**
 * One measured series of requests.
 * @typedef {object} Series
 * @property {string} path
 * @property {number} requests
 * @property {Record<number, number>} statuses
 * @property {Summary | null} serverMs
 * @property {Summary | null} wallMs
 * @property {{ firstQuarterMean: number, lastQuarterMean: number } | null} serverTrend  server ms early vs late in the run
 */

const caseloadRoute = '/(professional)/werk/clienten';
const caseloadPath = '/nl/werk/clienten';
const filteredPath = `${caseloadPath}?signaal=severe_band`;
/** The budget for p95 server time. */
const limitMs = 150;
/** caseloadPageSize in src/lib/composers/caseload/caseload.server.ts. */
const pageSize = 50;
const password = 'lang genoeg wachtwoord voor de bench';
const dayMs = 24 * 60 * 60 * 1000;
/** consentScopes in src/lib/features/consent/consent.ts, in that order: everything, so every query of the caseload runs. */
const allScopes = ['measurements', 'programme', 'health_web', 'relationship_summary'];
/** healthWebDimensions in src/lib/features/health-web/health-web.ts. */
const webDimensions = ['bodily_functions', 'mental_wellbeing', 'meaningfulness', 'quality_of_life', 'participation', 'daily_functioning'];
const exerciseIds = ['be-visible', 'breathing', 'contact-or-approval', 'fact-or-assumption', 'greet-by-name'];
const stepIds = ['activity-at-the-library', 'ask-a-friend-for-advice', 'ask-for-a-tip', 'ask-for-help-with-something-small', 'ask-how-it-went'];

const firstNames = [
	'Anoek', 'Bas', 'Cor', 'Daan', 'Eva', 'Fenna', 'Gijs', 'Hanna', 'Ilse', 'Joost',
	'Kees', 'Lotte', 'Maarten', 'Noor', 'Olga', 'Pim', 'Quinten', 'Roos', 'Sem', 'Tess',
	'Ugo', 'Vera', 'Wim', 'Xander', 'Yara', 'Zoë', 'Émile', 'Ömer', 'Ada', 'Bram'
];
const note = createNote('bench-caseload');
/** @param {import('./bench/common.js').Browser} browser */
const turnOnTwoStep = (browser) => turnOnTwoStepWith(browser, password);

/**
 * Starts the snapshot on a free port and collects its request log lines; resolves once /healthz answers 200.
 * @param {string} snapshot
 * @param {NodeJS.ProcessEnv} baseEnv
 * @returns {Promise<Server>}
 */
async function startServer(snapshot, baseEnv) {
	const port = await freePort();
	const origin = `http://${host}:${port}`;
	/** @type {NodeJS.ProcessEnv} */
	const env = { ...baseEnv, PORT: String(port), HOST: host, ORIGIN: origin };
	const child = spawn(process.execPath, [path.join(snapshot, 'index.js')], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 2] });
	const requestLines = collectRequestLines(child);
	const server = { child, origin, requestLines };
	try {
		await waitForHealthz(origin, child);
	} catch (error) {
		child.kill('SIGKILL');
		await waitForExit(child, 5_000);
		throw error;
	}
	return server;
}

/** The shared browser without JavaScript (scripts/bench/common.js), counting its GETs of the caseload page. */
class Browser extends FormBrowser {
	/** @param {string} origin */
	constructor(origin) {
		super(origin);
		/** GETs of the caseload page so far, to match them with the server's log lines. */
		this.caseloadRequests = 0;
	}

	/** @param {string} pathname */
	async get(pathname) {
		if (pathname === caseloadPath || pathname.startsWith(`${caseloadPath}?`)) this.caseloadRequests += 1;
		return super.get(pathname);
	}
}

/**
 * Phase 1, through the pages: organisation, admin, and the professional who will have the caseload.
 * @param {string} origin
 * @param {string} setupToken
 * @param {string} outboxDir
 * @param {string} runId
 */
async function makeProfessional(origin, setupToken, outboxDir, runId) {
	const admin = new Browser(origin);
	const adminEmail = `bench-caseload-admin-${runId}@example.nl`;
	const afterSetup = await admin.submit('/nl/installatie', {
		token: setupToken,
		organisationName: `Welzijn Bench ${runId}`,
		kind: 'welfare',
		name: 'Beheerder Bench',
		email: adminEmail,
		password,
		repeat: password
	});
	if (!afterSetup.includes('/account/tweestaps')) throw new Error(`the setup page led to ${afterSetup}, not to two-step sign-in`);
	await turnOnTwoStep(admin);
	const organisations = await admin.get('/nl/organisatie');
	await organisations.arrayBuffer();
	const organisationPath = organisations.headers.get('location');
	if (organisations.status !== 303 || !organisationPath || !/^\/nl\/organisatie\/[\w-]+$/.test(organisationPath)) {
		throw new Error(`GET /nl/organisatie answered ${organisations.status} ${organisationPath ?? ''}, expected a redirect to the one organisation`);
	}
	note(`organisation and admin made (${organisationPath}), two-step sign-in on`);

	const email = `bench-caseload-professional-${runId}@example.nl`;
	await admin.submit(`${organisationPath}?/invite`, { email, role: 'professional' });
	const link = await linkInMailTo(outboxDir, email);
	if (!/\/nl\/uitnodiging\/[\w-]+$/.test(link.pathname)) throw new Error(`the invitation mail links to ${link.pathname}`);
	const professional = new Browser(origin);
	const joined = await professional.submit(`${link.pathname}?/join`, { name: 'Professional Bench', password, repeat: password });
	if (!joined.includes('/account/tweestaps')) throw new Error(`joining led to ${joined}, not to two-step sign-in`);
	const secret = await turnOnTwoStep(professional);
	const empty = await professional.get(caseloadPath);
	const emptyPage = await empty.text();
	if (empty.status !== 200 || !emptyPage.includes('Nog niemand deelt')) {
		throw new Error(`the new professional's caseload answered ${empty.status}, expected 200 and an empty caseload: ${snippet(emptyPage)}`);
	}
	note('professional invited by mail, joined, two-step sign-in on; their caseload is empty');
	return { email, secret };
}

/**
 * Phase 3: a fresh sign-in with password and code.
 * @param {string} origin
 * @param {string} email
 * @param {string} secret
 */
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
	if (answer.status !== 303) throw new Error(`the sign-in code was refused (${answer.status}): ${snippet(answer.text)}`);
	if (!browser.signedIn()) throw new Error('signing in with the code gave no session cookie');
	return browser;
}

/**
 * The caseload's data: `clients` people who share everything with the professional, each with `perClient`
 * measurements over the last year and some of everything else the caseload reads.
 * @param {{ clients: number, perClient: number, auditHistory: number, professionalId: string, organisationId: string, runId: string, postgres: boolean, now: Date }} options
 * @returns {{ seed: Seed, facts: SeedFacts }}
 */
function caseloadSeed(options) {
	const { clients, perClient, auditHistory, professionalId, organisationId, runId, postgres, now, keyring, groups } = options;
	const rng = random(6);
	const pick = (/** @type {number} */ n) => Math.floor(rng() * n);
	const at = (/** @type {number} */ daysAgo, /** @type {number} */ hour = 12) => new Date(now.getTime() - daysAgo * dayMs + (hour - 12) * 3_600_000).toISOString();
	const day = (/** @type {number} */ daysAgo) => localDay(-daysAgo, now);
	/** @type {Record<string, Record<string, Cell>[]>} */
	const tables = {
		account: [], consent_grant: [], measurement: [], journal_entry: [], exercise_done: [], step_plan: [],
		health_web: [], measurement_request: [], audit_event: [], programme_enrolment: [], programme_week: [],
		group_training: [], group_leader: [], group_session: [], group_participant: [], group_attendance: []
	};
	const push = (/** @type {string} */ table, /** @type {Record<string, Cell>} */ row) => tables[table]?.push(row);
	let severe = 0;

	for (let i = 0; i < clients; i += 1) {
		const personId = randomUUID();
		const name = `${firstNames[i % firstNames.length]} ${String.fromCharCode(65 + (Math.floor(i / firstNames.length) % 26))}. (${i + 1})`;
		// One in eight went quiet weeks ago (the inactive signal); the others were active in the last days.
		const quiet = i % 8 === 5;
		const shift = quiet ? 20 + (i % 40) : i % 5;
		const joined = at(380 + (i % 30));
		push('account', {
			id: personId,
			name,
			email: `bench-caseload-client-${i + 1}-${runId}@example.nl`,
			email_verified: postgres ? true : 1,
			image: null,
			locale: i % 10 === 9 ? 'en' : 'nl',
			two_factor_enabled: postgres ? false : 0,
			created_at: joined,
			updated_at: joined
		});
		const grantId = randomUUID();
		push('consent_grant', {
			id: grantId,
			person_id: personId,
			professional_id: professionalId,
			organisation_id: organisationId,
			scopes: JSON.stringify(allScopes),
			audience: 'professional',
			group_id: null,
			// Encrypted at rest with its row as context (src/lib/server/crypto/columns.ts); empty, so pages name the client
			// by the address.
			person_name: encryptText(keyring, '', `consent_grant.person_name:${grantId}`),
			granted_at: at(370 + (i % 30)),
			ended_at: null,
			end_reason: null,
			previous_grant_id: null
		});

		// DJG-11 every ~18 days for a year: a random walk from a start that is most often moderately lonely.
		const start = rng();
		let total = start < 0.3 ? pick(3) : start < 0.8 ? 3 + pick(6) : start < 0.95 ? 9 + pick(2) : 11;
		/** @type {string | null} */
		let lastMeasurementId = null;
		for (let k = 0; k < perClient; k += 1) {
			if (k > 0) total = Math.min(11, Math.max(0, total + ([-2, -1, -1, 0, 0, 0, 1, 1, 2][pick(9)] ?? 0)));
			const { answers, emotional, social } = djg11Answers(total, rng);
			lastMeasurementId = randomUUID();
			push('measurement', {
				id: lastMeasurementId,
				instrument_id: 'djg-11',
				instrument_version: '1999',
				scoring_version: 1,
				answers: JSON.stringify(answers),
				total,
				emotional,
				social,
				band: djg11Band(total),
				taken_at: at(shift + Math.round(((perClient - 1 - k) * 365) / perClient), 8 + pick(13)),
				account_id: personId,
				access_token_hash: null
			});
		}
		if (total >= 9) severe += 1;

		// Journal entries: free text left empty (encrypted columns); a quarter marked "bespreek dit", half of those read.
		const entries = 3 + (i % 6);
		for (let j = 0; j < entries; j += 1) {
			const id = randomUUID();
			const daysAgo = shift + j * 11 + (i % 4);
			const discuss = rng() < 0.25 ? 1 : 0;
			push('journal_entry', {
				id, account_id: personId, day: day(daysAgo), mood: 1 + pick(5), body: null, went_well: null, discuss,
				created_at: at(daysAgo, 20), updated_at: at(daysAgo, 20)
			});
			if (discuss === 1 && rng() < 0.5) {
				push('audit_event', {
					id: randomUUID(), at: at(Math.max(0, daysAgo - 2)), actor_id: professionalId, organisation_id: organisationId,
					subject_id: personId, action: 'client.shared_entry.read', object: id
				});
			}
		}
		if (i % 3 !== 0) {
			for (let j = 0; j < 2; j += 1) {
				const daysAgo = shift + 1 + j * 7;
				push('exercise_done', { id: randomUUID(), account_id: personId, exercise_id: exerciseIds[(i + j) % exerciseIds.length] ?? 'breathing', day: day(daysAgo), created_at: at(daysAgo) });
			}
		}
		push('step_plan', {
			id: randomUUID(), account_id: personId, step_id: stepIds[i % stepIds.length] ?? 'ask-for-a-tip', planned_day: day(shift + 3),
			done_at: at(shift + 2, 17), how_it_went: 1 + pick(5), note: null, created_at: at(shift + 6)
		});
		push('step_plan', {
			id: randomUUID(), account_id: personId, step_id: stepIds[(i + 1) % stepIds.length] ?? 'ask-how-it-went', planned_day: day(-3 - (i % 5)),
			done_at: null, how_it_went: null, note: null, created_at: at(shift)
		});

		// Health webs: none for one in seven, two for a third, otherwise three; one in six has a drop of 3+ lately.
		const webs = i % 7 === 0 ? 0 : i % 3 === 0 ? 2 : 3;
		/** @type {Record<string, number>} */
		let scores = Object.fromEntries(webDimensions.map((d) => [d, 3 + pick(7)]));
		for (let w = 0; w < webs; w += 1) {
			if (w > 0) {
				scores = Object.fromEntries(webDimensions.map((d) => [d, Math.min(10, Math.max(0, (scores[d] ?? 5) + pick(3) - 1))]));
				if (w === webs - 1 && i % 6 === 1) {
					const d = webDimensions[i % webDimensions.length] ?? 'participation';
					scores[d] = Math.max(0, (scores[d] ?? 5) - 4);
				}
			}
			const low = webDimensions.filter((d) => (scores[d] ?? 10) < 4).slice(0, 2);
			push('health_web', { id: randomUUID(), account_id: personId, scores: JSON.stringify(scores), discuss: JSON.stringify(low), taken_at: at(shift + (webs - 1 - w) * 120 + 1, 15) });
		}

		// Measurement requests: half have an open repeating one, one in five an earlier one that was done.
		if (i % 2 === 0) {
			push('measurement_request', {
				id: randomUUID(), organisation_id: organisationId, professional_id: professionalId, person_id: personId, instrument_id: 'djg-11',
				repeat_weeks: 8, due_day: day(-(i % 30)), ended_at: null, end_reason: null, last_measurement_id: lastMeasurementId, created_at: at(200)
			});
		}
		if (i % 5 === 0) {
			push('measurement_request', {
				id: randomUUID(), organisation_id: organisationId, professional_id: professionalId, person_id: personId, instrument_id: 'djg-11',
				repeat_weeks: null, due_day: day(300), ended_at: at(290), end_reason: 'done', last_measurement_id: null, created_at: at(301)
			});
		}

		// Everyone is in the programme, started by the professional 10 to 70 days ago, with the weeks opened up to where
		// they are and the exercise done; one in four never opened week 1 (the drop-out signal).
		const enrolmentId = randomUUID();
		const startedAgo = 10 + (i % 61);
		push('programme_enrolment', {
			id: enrolmentId, account_id: personId, programme_id: 'eight-weeks', programme_version: 1, created_day: day(startedAgo),
			start_day: day(startedAgo), started_by: 'professional', starter_id: professionalId, organisation_id: organisationId, welcome: null,
			state: 'active', paused_since: null, paused_days: 0, ended_at: null, reminder_choice: 'week_start', reminders_stopped_at: null,
			created_at: at(startedAgo)
		});
		const opened = i % 4 === 0 ? 1 : Math.min(8, Math.floor(startedAgo / 7)) + 1;
		for (let w = 0; w < opened; w += 1) {
			const ago = startedAgo - w * 7;
			push('programme_week', {
				id: randomUUID(), enrolment_id: enrolmentId, week: w, opened_at: at(ago, 10), exercise_done_at: at(Math.max(0, ago - 1), 11),
				step_done_at: w % 2 === 1 ? at(Math.max(0, ago - 2), 16) : null, went_well: null, tried: null, take_away: null, checkin_at: null,
				checkin_shared: 0, discuss_first: 0, discussed_at: null, discussed_by: null
			});
		}
	}
	// Earlier use: caseload reads spread over the last year, as a professional who opens the caseload daily leaves them.
	const clientIds = tables.account?.map((row) => String(row.id)) ?? [];
	for (let e = 0; e < auditHistory && clientIds.length > 0; e += 1) {
		push('audit_event', {
			id: randomUUID(), at: at(1 + (e % 365), 9), actor_id: professionalId, organisation_id: organisationId,
			subject_id: clientIds[e % clientIds.length] ?? null, action: 'client.caseload.read', object: 'measurements,programme,health_web'
		});
	}
	const sessionPages = groups ? groupSeed({ clientIds, professionalId, organisationId, push, at, day, keyring }) : [];
	/** @type {Seed} */
	const seed = Object.entries(tables);
	const rows = Object.fromEntries(seed.map(([table, list]) => [table, list.length]));
	return { seed, facts: { clients, measurements: perClient, severe, rows }, sessionPages };
}

/**
 * With --groups: every client is also in a group training of 12 led by the professional (a `group` grant for the
 * group's leaders beside their guidance grant), eight weekly sessions from five weeks ago, the five past ones held,
 * attendance recorded; one in seven missed the last two (a drop-out signal). Returns, per group, the path of its
 * latest held session's page (the leader's page in the room).
 * @returns {{ path: string, participants: number }[]}
 */
function groupSeed(/** @type {any} */ options) {
	const { clientIds, professionalId, organisationId, push, at, day, keyring } = options;
	const size = 12;
	/** @type {{ path: string, participants: number }[]} */
	const pages = [];
	for (let g = 0; g * size < clientIds.length; g += 1) {
		const groupId = randomUUID();
		push('group_training', {
			id: groupId, organisation_id: organisationId, name: `Samen verder ${g + 1}`, programme_id: null, programme_version: null, capacity: size,
			complete_after: 6, created_by: professionalId, created_at: at(60), archived_at: null
		});
		push('group_leader', { group_id: groupId, account_id: professionalId });
		const sessions = Array.from({ length: 8 }, (_, s) => ({ id: randomUUID(), ago: 35 - 7 * s }));
		for (const session of sessions) {
			push('group_session', {
				id: session.id, group_id: groupId, day: day(session.ago), starts_at: '10:00', ends_at: '12:00', place: 'Buurthuis De Brug', video_url: null,
				status: session.ago > 0 ? 'held' : 'planned', is_return: 0, sequence: 0, held_at: session.ago > 0 ? at(session.ago, 12) : null, updated_at: at(60)
			});
		}
		const members = clientIds.slice(g * size, (g + 1) * size);
		members.forEach((/** @type {string} */ personId, /** @type {number} */ m) => {
			const grantId = randomUUID();
			const participantId = randomUUID();
			push('consent_grant', {
				id: grantId, person_id: personId, professional_id: null, organisation_id: organisationId, group_id: groupId, audience: 'group',
				scopes: JSON.stringify(['group']), person_name: encryptText(keyring, `Deelnemer ${g * size + m + 1}`, `consent_grant.person_name:${grantId}`),
				granted_at: at(40), ended_at: null, end_reason: null, previous_grant_id: null
			});
			push('group_participant', {
				id: participantId, group_id: groupId, account_id: personId, grant_id: grantId, joined_at: at(40), left_at: null,
				share_checkins: m % 2, reminders: 'day_before'
			});
			const slipping = (g * size + m) % 7 === 3;
			sessions.filter((session) => session.ago > 0).forEach((session, index, past) => {
				const status = slipping && index >= past.length - 2 ? 'absent' : m % 5 === 4 && index === 1 ? 'excused' : 'present';
				push('group_attendance', {
					session_id: session.id, participant_id: participantId, status, excused_by_person: status === 'excused' ? 1 : 0,
					recorded_by: professionalId, recorded_at: at(session.ago, 13)
				});
			});
		});
		const latestHeld = sessions.filter((session) => session.ago > 0).at(-1);
		if (latestHeld) pages.push({ path: `/nl/werk/groepen/${groupId}/${latestHeld.id}`, participants: members.length });
	}
	return pages;
}

/**
 * The professional and their organisation, as phase 1 made them.
 * @param {Target} target
 * @param {string} email
 * @returns {Promise<{ professionalId: string, organisationId: string }>}
 */
async function findProfessional(target, email) {
	const query =
		"select m.account_id as professional_id, m.organisation_id as organisation_id from membership m join account a on a.id = m.account_id where a.email = $1 and m.role = 'professional'";
	/** @type {Array<{ professional_id: string, organisation_id: string }>} */
	let rows;
	if (target.kind === 'sqlite') {
		const database = new SQLite(target.file, { readonly: true });
		try {
			rows = /** @type {Array<{ professional_id: string, organisation_id: string }>} */ (database.prepare(query.replace('$1', '?')).all(email));
		} finally {
			database.close();
		}
	} else {
		const client = new pg.Client({ connectionString: target.url });
		await client.connect();
		try {
			rows = (await client.query(query, [email])).rows;
		} finally {
			await client.end();
		}
	}
	const [row] = rows;
	if (rows.length !== 1 || !row) throw new Error(`expected one professional membership for ${email}, found ${rows.length}`);
	return { professionalId: row.professional_id, organisationId: row.organisation_id };
}

/**
 * Writes the seed in one transaction: prepared statements on SQLite, multi-row inserts on PostgreSQL (then ANALYZE).
 * @param {Target} target
 * @param {Seed} seed
 */
async function writeSeed(target, seed) {
	if (target.kind === 'sqlite') {
		const database = new SQLite(target.file);
		try {
			database.pragma('foreign_keys = ON');
			database.transaction(() => {
				for (const [table, rows] of seed) {
					const [first] = rows;
					if (!first) continue;
					const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
					const insert = database.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
					for (const row of rows) insert.run(...columns.map((c) => row[c] ?? null));
				}
			})();
		} finally {
			database.close();
		}
		return;
	}
	const client = new pg.Client({ connectionString: target.url });
	await client.connect();
	try {
		await client.query('begin');
		for (const [table, rows] of seed) {
			const [first] = rows;
			if (!first) continue;
			const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
			// PostgreSQL takes at most 65535 parameters per statement.
			const perStatement = Math.floor(60_000 / columns.length);
			for (let from = 0; from < rows.length; from += perStatement) {
				const chunk = rows.slice(from, from + perStatement);
				const tuples = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
				await client.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, chunk.flatMap((row) => columns.map((c) => row[c] ?? null)));
			}
		}
		await client.query('commit');
		await client.query(`analyze ${seed.map(([table]) => table).join(', ')}`);
	} catch (error) {
		await client.query('rollback').catch(() => undefined);
		throw error;
	} finally {
		await client.end();
	}
}

/**
 * What the caseload page says: the client links in its table and its count line.
 * @param {string} page
 */
function readCaseloadPage(page) {
	const rows = new Set([...page.matchAll(/href="\/nl\/werk\/clienten\/([0-9a-f-]{36})"/g)].map((match) => match[1])).size;
	const filtered = page.match(/(\d+) van (\d+) cliënten\./);
	if (filtered) return { rows, matching: Number(filtered[1]), total: Number(filtered[2]) };
	const all = page.match(/(\d+) cliënten\./);
	return { rows, matching: all ? Number(all[1]) : null, total: all ? Number(all[1]) : null };
}

/**
 * How many caseload GETs the server has logged, once it has logged `expected` of them or 5 s have passed (the log
 * lines may reach this process a little after the responses).
 * @param {Server} server
 * @param {number} expected
 */
async function loggedCaseloadRequests(server, expected) {
	const count = () => server.requestLines.filter((line) => line.method === 'GET' && line.route === caseloadRoute).length;
	const deadline = Date.now() + 5_000;
	while (count() < expected && Date.now() < deadline) await sleep(20);
	return count();
}

/**
 * Sequential GETs of one page; the server's figures are the last `requests` lines it logged for the caseload route.
 * @param {Browser} browser
 * @param {Server} server
 * @param {string} pathname
 * @param {number} requests
 * @param {string[]} problems
 * @returns {Promise<Series>}
 */
async function measure(browser, server, pathname, requests, problems) {
	const caseloadLines = () => server.requestLines.filter((line) => line.method === 'GET' && line.route === caseloadRoute);
	// The lines of earlier requests (checks, warm-up) may still be on their way: count from after the last of them.
	const before = await loggedCaseloadRequests(server, browser.caseloadRequests);
	if (before !== browser.caseloadRequests) problems.push(`the server logged ${before} caseload requests before ${pathname}, expected ${browser.caseloadRequests}`);
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
	const non200 = requests - (statuses[200] ?? 0);
	if (non200 > 0) problems.push(`GET ${pathname}: ${non200} of ${requests} requests were not 200: ${JSON.stringify(statuses)}`);
	// The server logs each request as it answers; the lines may reach this process a little after the responses.
	await loggedCaseloadRequests(server, before + requests);
	const lines = caseloadLines().slice(before, before + requests);
	if (lines.length !== requests) problems.push(`GET ${pathname}: the server logged ${lines.length} caseload requests, expected ${requests} (is LOG_LEVEL=info honoured?)`);
	const serverMs = lines.map((line) => line.ms);
	const quarter = Math.max(1, Math.floor(serverMs.length / 4));
	return {
		path: pathname,
		requests,
		statuses,
		serverMs: serverMs.length ? summarise(serverMs) : null,
		wallMs: wallMs.length ? summarise(wallMs) : null,
		serverTrend: serverMs.length ? { firstQuarterMean: mean(serverMs.slice(0, quarter)), lastQuarterMean: mean(serverMs.slice(-quarter)) } : null
	};
}

const sessionRoute = '/(groups)/werk/groepen/[id]/[sessionId]';

/**
 * The leader's page of one session (participants, attendance, notes, check-ins; one audit event per participant):
 * checks that it lists the group's participants, warms up, then sequential GETs; the server's figures from its log.
 * @param {Browser} browser
 * @param {Server} server
 * @param {{ path: string, participants: number }} room
 * @param {number} requests
 * @param {number} warmup
 * @param {string[]} problems
 * @returns {Promise<Series>}
 */
async function measureSessionPage(browser, server, room, requests, warmup, problems) {
	const first = await browser.get(room.path);
	const page = await first.text();
	if (first.status !== 200) throw new Error(`GET ${room.path} answered ${first.status}: ${snippet(page)}`);
	const listed = new Set([...page.matchAll(/id="p-([0-9a-f-]{36})"/g)].map((match) => match[1])).size;
	if (listed !== room.participants) problems.push(`GET ${room.path} lists ${listed} participants, expected ${room.participants}`);
	for (let i = 0; i < warmup; i += 1) await (await browser.get(room.path)).arrayBuffer();
	const logged = () => server.requestLines.filter((line) => line.method === 'GET' && line.route === sessionRoute);
	await sleep(300);
	const before = logged().length;
	/** @type {number[]} */
	const wallMs = [];
	/** @type {Record<number, number>} */
	const statuses = {};
	for (let i = 0; i < requests; i += 1) {
		const started = performance.now();
		const response = await browser.get(room.path);
		await response.arrayBuffer();
		wallMs.push(performance.now() - started);
		statuses[response.status] = (statuses[response.status] ?? 0) + 1;
	}
	const deadline = Date.now() + 5_000;
	while (logged().length < before + requests && Date.now() < deadline) await sleep(20);
	const serverMs = logged().slice(before, before + requests).map((line) => line.ms);
	if (serverMs.length !== requests) problems.push(`GET ${room.path}: the server logged ${serverMs.length} requests, expected ${requests}`);
	if ((statuses[200] ?? 0) !== requests) problems.push(`GET ${room.path}: not every request was 200: ${JSON.stringify(statuses)}`);
	return { path: room.path, requests, statuses, serverMs: serverMs.length ? summarise(serverMs) : null, wallMs: summarise(wallMs), serverTrend: null };
}

/**
 * GETs the page once and checks what it lists.
 * @param {Browser} browser
 * @param {string} pathname
 * @param {{ rows: number, matching: number, total: number }} expected
 * @param {string[]} problems
 */
async function checkPage(browser, pathname, expected, problems) {
	const response = await browser.get(pathname);
	const page = await response.text();
	if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}: ${snippet(page)}`);
	const seen = readCaseloadPage(page);
	if (seen.rows !== expected.rows || seen.matching !== expected.matching || seen.total !== expected.total) {
		problems.push(
			`GET ${pathname} lists ${seen.rows} clients, ${seen.matching ?? '?'} matching of ${seen.total ?? '?'}; expected ${expected.rows}, ${expected.matching} of ${expected.total}`
		);
	}
	return { ...seen, pageBytes: Buffer.byteLength(page) };
}

async function main() {
	const requests = positiveIntFromEnv('BENCH_CASELOAD_REQUESTS', 200);
	const warmup = positiveIntFromEnv('BENCH_CASELOAD_WARMUP', 20);
	const filteredRequests = positiveIntFromEnv('BENCH_CASELOAD_FILTERED_REQUESTS', 50);
	const clients = positiveIntFromEnv('BENCH_CASELOAD_CLIENTS', 200);
	const perClient = positiveIntFromEnv('BENCH_CASELOAD_MEASUREMENTS', 20);
	const givenUrl = process.env.BENCH_DATABASE_URL?.trim() || undefined;
	const keepData = process.env.BENCH_CASELOAD_KEEP_DATA === '1';
	const auditHistory = process.env.BENCH_CASELOAD_AUDIT_HISTORY?.trim() ? positiveIntFromEnv('BENCH_CASELOAD_AUDIT_HISTORY', 1) : 0;
	if (givenUrl && !/^postgres(ql)?:\/\/.+/.test(givenUrl)) throw new Error('BENCH_DATABASE_URL must start with postgres:// or postgresql://');
	const postgres = Boolean(givenUrl) || process.argv.includes('--postgres');
	const groups = process.argv.includes('--groups');
	const sessionRequests = positiveIntFromEnv('BENCH_CASELOAD_SESSION_REQUESTS', 50);
	ensureBuild(note);

	const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-bench-caseload-'));
	const snapshot = snapshotBuild('bench-caseload');
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
	/** @type {SeedFacts | null} */
	let facts = null;
	/** @type {Record<string, { rows: number, matching: number | null, total: number | null, pageBytes: number }>} */
	const pages = {};
	/** @type {Series | null} */
	let all = null;
	/** @type {Series | null} */
	let filtered = null;
	/** @type {Series | null} */
	let session = null;
	/** @type {Record<string, { code: number | null, signal: string | null, ms: number } | null>} */
	const shutdowns = {};
	let seedMs = 0;
	let database = 'sqlite';

	try {
		/** @type {Target} */
		let target = { kind: 'sqlite', file: path.join(dataDir, 'brug.sqlite') };
		if (postgres) {
			if (givenUrl) {
				target = { kind: 'postgres', url: givenUrl };
			} else {
				cluster = await startCluster();
				target = { kind: 'postgres', url: cluster.url };
				note(`throwaway PostgreSQL cluster in ${cluster.root} on port ${cluster.port}`);
			}
			database = 'postgres';
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
		const { email, secret } = await makeProfessional(server.origin, setupToken, path.join(dataDir, 'outbox'), runId);
		shutdowns.accounts = await stopServer(server.child);
		server = null;
		const stopped = shutdownProblem(shutdowns.accounts ?? null, 'after phase 1');
		if (stopped) throw new Error(stopped);

		const seedStart = performance.now();
		const { professionalId, organisationId } = await findProfessional(target, email);
		// The key the server made in the data dir in phase 1.
		const keyring = loadKeyring({ dataDir, dataKey: undefined });
		const made = caseloadSeed({ clients, perClient, auditHistory, professionalId, organisationId, runId, postgres: target.kind === 'postgres', now: new Date(), keyring, groups });
		await writeSeed(target, made.seed);
		facts = made.facts;
		seedMs = Math.round(performance.now() - seedStart);
		note(`phase 2: seeded ${clients} clients in ${seedMs} ms: ${JSON.stringify(facts.rows)}; ${facts.severe} with a severe latest result`);

		server = await startServer(snapshot, env);
		const browser = await signInWithCode(server.origin, email, secret);
		note(`phase 3: brug restarted on ${server.origin}; the professional signed in with password and code`);

		pages.all = await checkPage(browser, caseloadPath, { rows: Math.min(pageSize, clients), matching: clients, total: clients }, problems);
		pages.filtered = await checkPage(browser, filteredPath, { rows: Math.min(pageSize, facts.severe), matching: facts.severe, total: clients }, problems);

		note(`warming up with ${warmup} requests, then measuring ${requests} of ${caseloadPath} and ${filteredRequests} of ${filteredPath}`);
		for (let i = 0; i < warmup; i += 1) {
			const response = await browser.get(caseloadPath);
			await response.arrayBuffer();
			if (response.status !== 200) throw new Error(`warm-up GET ${caseloadPath} answered ${response.status}`);
		}
		all = await measure(browser, server, caseloadPath, requests, problems);
		filtered = await measure(browser, server, filteredPath, filteredRequests, problems);
		const room = made.sessionPages[0];
		if (room) session = await measureSessionPage(browser, server, room, sessionRequests, warmup, problems);
	} catch (error) {
		problems.push(error instanceof Error ? error.message : String(error));
	} finally {
		if (server) {
			shutdowns.caseload = await stopServer(server.child);
			const stopped = shutdownProblem(shutdowns.caseload ?? null, 'at the end');
			if (stopped) problems.push(stopped);
		}
		if (cluster) stopClusterSync(cluster);
		process.removeListener('SIGINT', abort);
		if (keepData && !cluster) note(`kept the data dir for a look at the database: ${dataDir}`);
		else fs.rmSync(dataDir, { recursive: true, force: true });
		fs.rmSync(snapshot, { recursive: true, force: true });
	}

	for (const series of [all, filtered, session]) {
		if (series?.serverMs && series.serverMs.p95 >= limitMs) {
			problems.push(`GET ${series.path}: p95 server time is ${series.serverMs.p95} ms, the limit is under ${limitMs} ms`);
		}
	}
	if (!all?.serverMs && problems.length === 0) problems.push('no server timings were collected');

	console.log(
		`brug caseload bench: a professional with ${facts?.clients ?? '?'} clients in the programme sharing all four scopes${groups ? ', each also in a group training of 12 they lead' : ''}, ${facts?.measurements ?? '?'} DJG-11 ` +
			`measurements each (${facts?.severe ?? '?'} with a severe latest result), ${facts?.rows.audit_event ?? '?'} audit events before the run; page ${pages.all?.pageBytes ?? '?'} B listing ` +
			`${pages.all?.rows ?? '?'} of ${pages.all?.total ?? '?'}; ${warmup} warm-up + ${requests} sequential requests, then ${filteredRequests} filtered; ` +
			`build/index.js on ${database}, LOG_LEVEL=info; node ${process.version}, ${os.availableParallelism()} CPU core(s) shared by client, server` +
			`${database === 'postgres' ? ' and PostgreSQL' : ''}`
	);
	console.log('');
	printSummaryTable([
		[`server ${caseloadPath}`, all?.serverMs ?? null],
		[`wall   ${caseloadPath}`, all?.wallMs ?? null],
		[`server ${filteredPath}`, filtered?.serverMs ?? null],
		[`wall   ${filteredPath}`, filtered?.wallMs ?? null],
		...(session ? /** @type {const} */ ([[`server ${sessionRoute} (12 people)`, session.serverMs], [`wall   ${sessionRoute} (12 people)`, session.wallMs]]) : [])
	]);
	console.log('');
	if (all?.serverTrend) {
		console.log(`audit log growth: server ms mean ${all.serverTrend.firstQuarterMean} in the first quarter, ${all.serverTrend.lastQuarterMean} in the last`);
	}
	for (const [which, shutdown] of Object.entries(shutdowns)) {
		console.log(shutdown ? `shutdown (${which}): SIGTERM -> brug exited with code ${shutdown.code} in ${shutdown.ms} ms` : `shutdown (${which}): brug did not exit cleanly`);
	}
	console.log(all?.serverMs ? `limit: p95 server time ${all.serverMs.p95} ms ${all.serverMs.p95 < limitMs ? '<' : '>='} ${limitMs} ms` : 'limit: not measured');
	for (const problem of problems) console.log(`PROBLEM: ${problem}`);

	const report = {
		date: new Date().toISOString(),
		node: process.version,
		cpus: os.availableParallelism(),
		database,
		path: caseloadPath,
		requests,
		warmup,
		auditHistory,
		seeded: facts,
		seedMs,
		pages,
		all,
		filtered,
		groups,
		session,
		limitMs,
		shutdowns,
		ok: problems.length === 0,
		problems
	};
	console.log(`BENCH_CASELOAD_JSON ${JSON.stringify(report)}`);
	process.exitCode = problems.length === 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
});
