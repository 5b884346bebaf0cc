/**
 * Two instances of the built app on one database, with requests alternating between them, as behind a reverse proxy:
 * the setup token creates exactly one organisation, a session from one works on the other, consent given and
 * withdrawn on one is seen at once by a professional on the other, the abuse limits count across both, and the
 * scheduled housekeeping runs once for both, also after a restart, and a programme reminder that both could send is
 * sent exactly once, with a one-click stop link that works without a session.
 * Both instances share what docs say they must: the database, BRUG_AUTH_SECRET, BRUG_DATA_KEY and ADDRESS_HEADER.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/client';
import { openJobRunner } from '$lib/server/jobs';
import { programmeReminderJob, programmeRemindersJob } from '$lib/features/programme/reminder-jobs.server';
import { addDays, localDay } from '$lib/time';
import { ensureFreshBuild, startAppServer, type AppServer } from './app-server';
import { testDatabases, type EmptyDatabase } from './databases';
import { seedRoles, serverAuth, type Seed } from './role-fixtures';

const authSecret = 'two-instances-auth-secret-'.padEnd(48, 'x');
const dataKey = randomBytes(32).toString('base64');
// Reminders may go out at any hour here, so the test does not depend on the time of day it runs.
const env = { BRUG_DATA_KEY: dataKey, ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', BRUG_REMINDER_HOURS: '0-24' };
const stranger = '203.0.113.7';
const owner = '198.51.100.20';

interface Sent {
	status: number;
	/** The form action's result type (redirect, failure, success) or the API's JSON body. */
	body: { type?: string; status?: number; location?: string; items?: { personId?: string; id?: string; endedAt?: string | null }[]; code?: string };
	cookie: string;
}

/** A request as a browser on brug's own page sends it, from `client` (the address the proxy passes on). */
async function send(
	server: AppServer,
	request: { path: string; method?: string; form?: Record<string, string>; json?: unknown; cookie?: string; client?: string }
): Promise<Sent> {
	const method = request.method ?? (request.form || request.json ? 'POST' : 'GET');
	const headers = new Headers({ accept: 'application/json', 'x-forwarded-for': request.client ?? owner });
	if (request.cookie) headers.set('cookie', request.cookie);
	if (method !== 'GET') {
		headers.set('origin', server.origin);
		headers.set('sec-fetch-site', 'same-origin');
	}
	let body: string | undefined;
	if (request.form) {
		headers.set('x-sveltekit-action', 'true');
		headers.set('content-type', 'application/x-www-form-urlencoded');
		body = new URLSearchParams(request.form).toString();
	} else if (request.json !== undefined) {
		headers.set('content-type', 'application/json');
		body = JSON.stringify(request.json);
	}
	const response = await fetch(`${server.origin}${request.path}`, { method, headers, body, redirect: 'manual' });
	const text = await response.text();
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.filter((pair) => pair.startsWith('brug.session_token=') && pair !== 'brug.session_token=')
		.join('; ');
	return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : {}, cookie };
}

/** The setup tokens an instance announced in its log. */
function announcedTokens(server: AppServer): string[] {
	return [...server.output().matchAll(/"setupToken":"([\w-]+)"/g)].map((match) => match[1]!);
}

beforeAll(() => ensureFreshBuild(), 300_000);

/** Several instances are a PostgreSQL set-up; without a PostgreSQL server the same run goes on one SQLite file. */
const targets = testDatabases();
const target = targets.find((candidate) => candidate.name === 'postgres') ?? targets[0]!;

describe(`two instances on one ${target.name} database`, () => {
	let dataDir: string;
	let empty: EmptyDatabase | undefined;
	let servers: AppServer[] = [];
	let handle: DatabaseHandle | undefined;
	let seed: Seed;
	let turn = 0;
	/** The instance for the next request: they take turns, as a round-robin proxy does. */
	const next = () => servers[turn++ % servers.length]!;

	beforeAll(async () => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-two-'));
		// The seed below writes encrypted rows (the names in consent grants) that the instances read: one data key.
		vi.stubEnv('BRUG_DATA_KEY', dataKey);
		vi.stubEnv('BRUG_DATA_DIR', path.join(dataDir, 'test-process'));
		empty = await target.createEmpty?.();
		// Both start at once on the empty database: both migrate it, both look for an organisation.
		const started = await Promise.allSettled(
			[0, 1].map(() => startAppServer({ dataDir, databaseUrl: empty?.url ?? '', authSecret, setupToken: '', env }))
		);
		servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
		const failed = started.find((s) => s.status === 'rejected');
		if (failed) throw failed.reason;
		handle = empty
			? openDatabase({ kind: 'postgres', url: empty.url, maxConnections: 3 })
			: openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'brug.sqlite') });
	}, 120_000);

	afterAll(async () => {
		vi.unstubAllEnvs();
		await Promise.all(servers.map((server) => server.stop()));
		await handle?.close();
		await empty?.drop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}, 60_000);

	it('creates exactly one organisation with the setup token, whichever instance receives it', async () => {
		// The log line may reach this process a moment after the instance answered /healthz.
		for (const waitUntil = Date.now() + 10_000; Date.now() < waitUntil && !servers.every((s) => announcedTokens(s).length > 0); ) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		const tokens = [...new Set(servers.flatMap(announcedTokens))];
		expect(tokens.length, servers.map((s) => s.output()).join('\n')).toBeGreaterThan(0);
		const setup = (server: AppServer, token: string, email: string) =>
			send(server, {
				path: '/nl/installatie',
				form: { token, organisationName: `Team ${email}`, kind: 'welfare', name: 'Ada Admin', email, password: 'Vuurtoren-Klaproos-9!', repeat: 'Vuurtoren-Klaproos-9!' }
			});
		// Every announced token, on both instances at once.
		const outcomes = await Promise.all(tokens.flatMap((token, t) => servers.map((server, s) => setup(server, token, `admin${t}-${s}@noord.nl`))));
		expect(outcomes.filter((o) => o.body.type === 'redirect')).toHaveLength(1);
		expect(await handle!.db.selectFrom('organisation').select('id').execute()).toHaveLength(1);
		// Used is used, on either instance.
		for (const server of servers) {
			expect((await setup(server, tokens[0]!, 'late@noord.nl')).body).toMatchObject({ type: 'failure', status: 400 });
		}
		expect(await handle!.db.selectFrom('organisation').select('id').execute()).toHaveLength(1);
	}, 60_000);

	it('signs in on one instance and is signed in on the other', async () => {
		seed = await seedRoles(handle!, serverAuth(handle!, { secret: authSecret, origin: servers[0]!.origin }));
		const signedIn = await send(next(), {
			path: '/nl/account/inloggen',
			form: { email: seed.accounts.person.email, password: 'lang genoeg wachtwoord' }
		});
		expect(signedIn.body).toMatchObject({ type: 'redirect' });
		const consents = await send(next(), { path: '/api/v1/me/consents', cookie: signedIn.cookie });
		expect(consents.status).toBe(200);
		expect(consents.body.items?.some((grant) => grant.id === seed.activeGrantId && !grant.endedAt)).toBe(true);
	}, 60_000);

	it('shows consent given and withdrawn on one instance to a professional on the other at once', async () => {
		const person = seed.cookie('person');
		const professional = seed.cookie('linkedProfessional');
		const personId = seed.accounts.person.id;
		const seesPerson = async () => {
			const caseload = await send(next(), { path: '/api/v1/caseload', cookie: professional });
			expect(caseload.status).toBe(200);
			return caseload.body.items!.some((entry) => entry.personId === personId);
		};
		expect(await seesPerson()).toBe(true);

		const withdrawn = await send(next(), { path: `/api/v1/me/consents/${seed.activeGrantId}`, method: 'DELETE', cookie: person });
		expect(withdrawn.status).toBe(204);
		expect(await seesPerson()).toBe(false);
		expect(await seesPerson()).toBe(false);

		const invitation = await send(next(), { path: '/api/v1/invitations', json: {}, cookie: professional });
		expect(invitation.status).toBe(201);
		const given = await send(next(), {
			path: '/api/v1/me/consents',
			json: { code: invitation.body.code, scopes: ['measurements'], personName: 'Pim' },
			cookie: person
		});
		expect(given.status).toBe(201);
		expect(await seesPerson()).toBe(true);
		expect(await seesPerson()).toBe(true);
	}, 60_000);

	it("refuses the 11th wrong password for an address across both instances, and not the owner's own sign-in", async () => {
		const email = seed.accounts.otherPerson.email;
		const wrong = () => send(next(), { path: '/nl/account/inloggen', form: { email, password: 'niet het wachtwoord' }, client: stranger });
		for (let attempt = 1; attempt <= 10; attempt++) {
			expect((await wrong()).body, `attempt ${attempt}`).toMatchObject({ type: 'failure', status: 400 });
		}
		expect((await wrong()).body).toMatchObject({ type: 'failure', status: 429 });
		expect((await wrong()).body).toMatchObject({ type: 'failure', status: 429 });
		// The owner, on their own phone, is not locked out by the stranger.
		const own = await send(next(), { path: '/nl/account/inloggen', form: { email, password: 'lang genoeg wachtwoord' }, client: owner });
		expect(own.body).toMatchObject({ type: 'redirect' });
	}, 60_000);

	it('runs the scheduled housekeeping once for both instances, also after one restarts', async () => {
		const sixHours = 6 * 60 * 60 * 1000;
		const runs = () => handle!.db.selectFrom('job').select(['state', 'attempts']).where('kind', '=', 'housekeeping').execute();
		for (const waitUntil = Date.now() + 20_000; Date.now() < waitUntil; ) {
			const rows = await runs();
			if (rows.length > 0 && rows.every((row) => row.state === 'done')) break;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		const first = await runs();
		expect(first.length).toBeGreaterThan(0);
		expect(first.every((row) => row.state === 'done' && row.attempts === 1), JSON.stringify(first)).toBe(true);

		// A restarted instance enqueues the same period again, which must not run a second time.
		const periodsBefore = Math.floor(Date.now() / sixHours);
		await servers[1]!.stop();
		servers[1] = await startAppServer({ dataDir, databaseUrl: empty?.url ?? '', authSecret, setupToken: '', env });
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		const after = await runs();
		// One run per six-hour period; a period that began during the test adds one.
		expect(after).toHaveLength(first.length + Math.floor(Date.now() / sixHours) - periodsBefore);
		expect(after.every((row) => row.attempts === 1), JSON.stringify(after)).toBe(true);
	}, 60_000);

	it('sends a reminder that is due exactly once, whichever instance runs the hourly job, and stops it in one click', async () => {
		// Two runs of the hourly job for this moment, as two instances' schedules would make them when their periods
		// overlap (the instances send at any hour: BRUG_REMINDER_HOURS=0-24 above). Their own run of the current hour
		// may have come before the person below existed; these come after.
		const scanAt = new Date();
		const periods = [`test-a:${scanAt.getTime()}`, `test-b:${scanAt.getTime()}`];
		const day = localDay(scanAt);
		const person = seed.accounts.person;
		// Started eight days before: week 1 is open and not yet opened, so a week-start reminder is due.
		const enrolmentId = crypto.randomUUID();
		await handle!.db
			.insertInto('programme_enrolment')
			.values({
				id: enrolmentId,
				account_id: person.id,
				programme_id: 'eight-weeks',
				programme_version: 1,
				created_day: addDays(day, -8),
				start_day: addDays(day, -8),
				started_by: 'person',
				starter_id: null,
				organisation_id: null,
				welcome: null,
				state: 'active',
				paused_since: null,
				paused_days: 0,
				ended_at: null,
				reminder_choice: 'week_start',
				reminders_stopped_at: null,
				created_at: new Date().toISOString()
			})
			.execute();

		// The hourly job for those periods, put on the shared queue as an instance's own schedule does; the instances'
		// workers take it from there (and, inside those hours, their own schedule enqueues the current period too).
		const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
		const enqueuer = openJobRunner(empty ? { kind: 'postgres', db: handle!.db, url: empty.url } : { kind: 'sqlite', db: handle!.db }, { logger });
		await enqueuer.start();
		for (const key of periods) await enqueuer.enqueue(programmeRemindersJob, key, { periodStart: scanAt.toISOString() }, { runAt: scanAt });
		await enqueuer.stop();

		const outbox = path.join(dataDir, 'outbox');
		const reminderMails = () =>
			(fs.existsSync(outbox) ? fs.readdirSync(outbox) : [])
				.map((name) => fs.readFileSync(path.join(outbox, name), 'utf8').replace(/\r?\n[ \t]+/g, ' '))
				.filter((text) => /^List-Unsubscribe:/im.test(text) && text.includes(person.email));
		const jobsOf = (kind: string) => handle!.db.selectFrom('job').select(['state', 'attempts']).where('kind', '=', kind).execute();
		for (const waitUntil = Date.now() + 30_000; Date.now() < waitUntil; ) {
			const scans = await jobsOf(programmeRemindersJob);
			if (reminderMails().length > 0 && scans.length >= periods.length && scans.every((row) => row.state === 'done')) break;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		// Time for a second mail, if either instance were to send one.
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		const mails = reminderMails();
		expect(mails, servers.map((server) => server.output()).join('\n').slice(-4000)).toHaveLength(1);
		expect(await handle!.db.selectFrom('programme_reminder').select(['day', 'kind', 'week']).where('enrolment_id', '=', enrolmentId).execute()).toEqual([
			{ day, kind: 'week_start', week: 1 }
		]);
		const sends = await jobsOf(programmeReminderJob);
		expect(sends).toHaveLength(1);
		expect(sends[0]).toMatchObject({ state: 'done', attempts: 1 });
		expect(mails[0]).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);

		// The stop link: a GET (a mail scanner) changes nothing; a mail app's one-click POST, without a session, an
		// Origin or Sec-Fetch-Site, stops the reminders.
		const stopPath = new URL(/^List-Unsubscribe: <([^>]+)>/m.exec(mails[0]!)![1]!).pathname;
		expect(stopPath).toMatch(/^\/nl\/programma\/herinneringen\/[\w-]+\.[\w-]{32}$/);
		const choice = async () => (await handle!.db.selectFrom('programme_enrolment').select('reminder_choice').where('id', '=', enrolmentId).executeTakeFirstOrThrow()).reminder_choice;
		expect((await fetch(`${next().origin}${stopPath}`)).status).toBe(200);
		expect(await choice()).toBe('week_start');
		const oneClick = (where: string, headers: Record<string, string> = {}) =>
			fetch(`${next().origin}${where}`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
				body: 'List-Unsubscribe=One-Click',
				redirect: 'manual'
			});
		// Only this route is let through the cross-site check: the same request elsewhere is refused.
		expect((await oneClick('/nl/account/inloggen', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
		expect((await oneClick('/nl/programma/herinneringen/geen-token', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
		expect((await oneClick(stopPath.replace(/.{4}$/, 'AAAA'))).status).toBe(404);
		expect(await choice()).toBe('week_start');
		expect((await oneClick(stopPath)).status).toBe(200);
		expect(await choice()).toBe('none');
	}, 90_000);
});
