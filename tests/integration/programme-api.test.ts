/**
 * The programme in the JSON API, through the route files themselves on a real database, on both databases, called with
 * personal API tokens: the person's journey (start, weeks, check-in, measurement, reminders, pause, resume, the plan,
 * stop), the professional's operations for a client who shares the programme, and the refusals: no credentials 401,
 * no grant or no programme scope 403 (before the body is read, and nothing changes), bad bodies 422 naming the field,
 * a state that does not allow it 409, an unknown week or item 404. A GET never changes anything.
 *
 * The routes call `db()` and `apiHandler`; here both are pointed at this test's database and sign-in layer.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { createApiToken } from '$lib/features/api-tokens/api-tokens.server';
import { describeAccountForDeletion } from '$lib/composers/personal-data/personal-data.server';
import { instruments } from '$lib/features/instruments/instruments';
import { addDays, localDay } from '$lib/time';
import * as programme from '../../src/routes/api/v1/me/programme/+server';
import * as pause from '../../src/routes/api/v1/me/programme/pause/+server';
import * as resume from '../../src/routes/api/v1/me/programme/resume/+server';
import * as stop from '../../src/routes/api/v1/me/programme/stop/+server';
import * as reminders from '../../src/routes/api/v1/me/programme/reminders/+server';
import * as week from '../../src/routes/api/v1/me/programme/weeks/[week]/+server';
import * as open from '../../src/routes/api/v1/me/programme/weeks/[week]/open/+server';
import * as item from '../../src/routes/api/v1/me/programme/weeks/[week]/items/[item]/+server';
import * as checkIn from '../../src/routes/api/v1/me/programme/weeks/[week]/check-in/+server';
import * as measurement from '../../src/routes/api/v1/me/programme/weeks/[week]/measurement/+server';
import * as plan from '../../src/routes/api/v1/me/programme/plan/+server';
import * as clientProgramme from '../../src/routes/api/v1/clients/[personId]/programme/+server';
import * as messages from '../../src/routes/api/v1/clients/[personId]/programme/messages/+server';
import * as clientWeek from '../../src/routes/api/v1/clients/[personId]/programme/weeks/[week]/+server';
import * as conversationHeld from '../../src/routes/api/v1/clients/[personId]/programme/weeks/[week]/conversation-held/+server';
import * as auditEvents from '../../src/routes/api/v1/me/audit-events/+server';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';
import { professionalFixtures } from './professional-fixtures';

// Check-ins, messages and the plan are encrypted: a data key of this file's own, so no key file is read or written.
const current = vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-programme-api-no-key-file-${Date.now()}`);
	return {} as { db?: Kysely<Database>; auth?: Auth };
});
afterAll(() => vi.unstubAllEnvs());

vi.mock('$lib/server/db', async (importOriginal) => ({
	...(await importOriginal<typeof import('$lib/server/db')>()),
	db: () => current.db!
}));
vi.mock('$lib/composers/api/api-auth', async (importOriginal) => {
	const original = await importOriginal<typeof import('$lib/composers/api/api-auth')>();
	return { ...original, apiHandler: original.createApiHandler(() => ({ db: current.db!, auth: current.auth! })) };
});

type Handler = (event: RequestEvent) => Promise<Response>;
interface Caller {
	account: SignedInAccount | null;
	headers: Record<string, string>;
}
interface Problem {
	status: number;
	reason?: string;
	'invalid-params'?: { name: string; reason: string }[];
}

/** Calls a route handler as SvelteKit would; every answer must be no-store. */
async function send(route: unknown, method: string, path: string, who: Caller, options: { params?: Record<string, string>; body?: unknown; raw?: string } = {}) {
	const url = new URL(path, 'http://127.0.0.1:4173');
	const headers = { ...who.headers };
	let body: string | undefined;
	if (options.raw !== undefined || options.body !== undefined) {
		body = options.raw ?? JSON.stringify(options.body);
		headers['content-type'] ??= 'application/json';
	}
	const event = { request: new Request(url, { method, headers, body }), url, params: options.params ?? {}, getClientAddress: () => '127.0.0.1' };
	const response = await (route as Handler)(event as unknown as RequestEvent);
	expect(response.headers.get('cache-control'), `${method} ${path}`).toBe('no-store');
	return response;
}

async function problemOf(response: Response, status: number): Promise<Problem> {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toBe('application/problem+json');
	return response.json();
}
const paramNames = (p: Problem) => p['invalid-params']?.map((param) => param.name);

const anonymous: Caller = { account: null, headers: {} };
const djg11 = instruments['djg-11'];
const answers = Object.fromEntries(djg11.items.map((i) => [String(i.number), 'more_or_less']));
const me = '/api/v1/me/programme';

describe.each(testDatabases())('the programme API on $name', (target) => {
	let handle: DatabaseHandle;
	/** Piet, with Bert (programme) and Anna (measurements only) as clients; Kees, his colleague, has none. */
	let piet: Caller, kees: Caller, anna: Caller, bert: Caller;

	beforeEach(async () => {
		handle = await target.open();
		current.db = handle.db;
		current.auth = testAuth(handle);
		const fixtures = professionalFixtures(handle);
		const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		piet = await caller(await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof'), true);
		kees = await caller(await fixtures.professional(noord, 'kees@noord.nl', 'Kees Collega'), true);
		anna = await caller(await fixtures.person('anna@example.nl', 'Anna'));
		bert = await caller(await fixtures.person('bert@example.nl', 'Bert'));
		await fixtures.connect(anna.account!, piet.account!, ['measurements']);
		await fixtures.connect(bert.account!, piet.account!, ['programme']);
	});
	afterEach(async () => {
		current.db = undefined;
		current.auth = undefined;
		await handle.close();
	});

	async function caller(account: SignedInAccount, twoFactor = false): Promise<Caller> {
		if (twoFactor) await handle.db.updateTable('account').set({ two_factor_enabled: handle.kind === 'sqlite' ? 1 : true }).where('id', '=', account.id).execute();
		const { token } = await createApiToken(handle.db, { actor: account, label: 'test' });
		return { account, headers: { authorization: `Bearer ${token}` } };
	}
	const count = async (table: 'programme_enrolment' | 'programme_message' | 'programme_week') =>
		Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db)).rows[0]!.n);
	const weekPath = (n: number | string, rest = '') => ({ path: `${me}/weeks/${n}${rest}`, params: { week: String(n) } });
	const getWeek = async (who: Caller, n: number) => {
		const { path, params } = weekPath(n);
		const response = await send(week.GET, 'GET', path, who, { params });
		expect(response.status).toBe(200);
		return response.json();
	};
	const view = async (who: Caller) => (await send(programme.GET, 'GET', me, who)).json();

	it("takes a person through the programme: start, open a week, do and check in, measure, choose reminders, pause, resume, plan, stop", async () => {
		expect(await problemOf(await send(programme.GET, 'GET', me, anna), 404)).toMatchObject({ status: 404 });
		await problemOf(await send(plan.GET, 'GET', `${me}/plan`, anna), 404);

		expect(paramNames(await problemOf(await send(programme.POST, 'POST', me, anna, { body: { reminders: 'daily' } }), 422))).toEqual(['reminders']);
		const started = await send(programme.POST, 'POST', me, anna, { body: {} });
		expect(started.status).toBe(201);
		const fresh = await started.json();
		expect(fresh).toMatchObject({ state: 'active', startedBy: 'person', startDay: null, reminders: 'week_start', currentWeek: 0 });
		expect(fresh.weeks.map((w: { state: string }) => w.state)).toEqual(['open', ...Array(9).fill('locked')]);
		await problemOf(await send(programme.POST, 'POST', me, anna, { body: {} }), 409);

		// A GET shows the week and changes nothing: it is still not opened, and no week row was made.
		const before = await getWeek(anna, 0);
		expect(before).toMatchObject({ week: 0, state: 'open', opened: false, checkIn: null, content: { measurement: 'djg-11' } });
		expect(before.content.title.length).toBeGreaterThan(0);
		expect((await getWeek(anna, 0)).opened).toBe(false);
		expect(await count('programme_week')).toBe(0);
		expect((await getWeek(anna, 1)).content).toBeNull();
		for (const wrong of ['10', 'abc', '-1']) {
			const { path, params } = weekPath(wrong);
			await problemOf(await send(week.GET, 'GET', path, anna, { params }), 404);
		}

		await problemOf(await send(open.POST, 'POST', weekPath(1, '/open').path, anna, { params: { week: '1' } }), 409);
		const opened = await send(open.POST, 'POST', weekPath(0, '/open').path, anna, { params: { week: '0' } });
		expect(opened.status).toBe(200);
		expect(await opened.json()).toMatchObject({ week: 0, opened: true });
		expect((await view(anna)).startDay).toBe(localDay());

		const exercise = { path: `${me}/weeks/0/items/exercise`, params: { week: '0', item: 'exercise' } };
		expect(paramNames(await problemOf(await send(item.PUT, 'PUT', exercise.path, anna, { params: exercise.params, body: { done: 'yes' } }), 422))).toEqual(['done']);
		await problemOf(await send(item.PUT, 'PUT', `${me}/weeks/0/items/walk`, anna, { params: { week: '0', item: 'walk' }, body: { done: true } }), 404);
		const done = await send(item.PUT, 'PUT', exercise.path, anna, { params: exercise.params, body: { done: true } });
		expect(await done.json()).toMatchObject({ exerciseDone: true, stepDone: false });

		const checkInAt = weekPath(0, '/check-in');
		expect(paramNames(await problemOf(await send(checkIn.PUT, 'PUT', checkInAt.path, anna, { params: checkInAt.params, body: { wentWell: '   ' } }), 422))).toEqual(['wentWell']);
		expect(paramNames(await problemOf(await send(checkIn.PUT, 'PUT', checkInAt.path, anna, { params: checkInAt.params, body: { tried: 'x'.repeat(1001) } }), 422))).toEqual(['tried']);
		const saved = await send(checkIn.PUT, 'PUT', checkInAt.path, anna, { params: checkInAt.params, body: { wentWell: 'Ik wandelde.', share: true } });
		expect((await saved.json()).checkIn).toMatchObject({ wentWell: 'Ik wandelde.', tried: null, takeAway: null, shared: true });

		const measure = (n: number, body: unknown) => send(measurement.POST, 'POST', weekPath(n, '/measurement').path, anna, { params: { week: String(n) }, body });
		const { ['11']: _left, ...incomplete } = answers;
		expect(paramNames(await problemOf(await measure(0, { answers: incomplete }), 422))).toEqual(['answers.11']);
		await problemOf(await measure(1, { answers }), 409);
		const measured = await measure(0, { answers });
		expect(measured.status).toBe(201);
		expect(await measured.json()).toMatchObject({ moment: 'pre', score: { instrument: 'djg-11', answered: 11 } });
		await problemOf(await measure(0, { answers }), 409);
		expect((await view(anna)).weeks[0]).toMatchObject({ state: 'done', measured: true });

		// A week later (whole local days from the start) week 1 is open; week 0 stays done.
		await handle.db.updateTable('programme_enrolment').set({ start_day: addDays(localDay(), -7) }).where('account_id', '=', anna.account!.id).execute();
		expect((await getWeek(anna, 1)).state).toBe('open');
		expect((await view(anna)).currentWeek).toBe(1);

		expect(paramNames(await problemOf(await send(reminders.PUT, 'PUT', `${me}/reminders`, anna, { body: {} }), 422))).toEqual(['reminders']);
		expect(await (await send(reminders.PUT, 'PUT', `${me}/reminders`, anna, { body: { reminders: 'none' } })).json()).toMatchObject({ reminders: 'none' });

		expect(await (await send(pause.POST, 'POST', `${me}/pause`, anna)).json()).toMatchObject({ state: 'paused', pausedSince: localDay() });
		// Pausing twice is what was asked: the same answer, nothing changes.
		expect(await (await send(pause.POST, 'POST', `${me}/pause`, anna)).json()).toMatchObject({ state: 'paused', pausedSince: localDay() });
		const week1 = weekPath(1, '/check-in');
		await problemOf(await send(checkIn.PUT, 'PUT', week1.path, anna, { params: week1.params, body: { wentWell: 'Even niets.' } }), 409);
		expect(await (await send(resume.POST, 'POST', `${me}/resume`, anna)).json()).toMatchObject({ state: 'active', pausedSince: null });
		expect(await (await send(resume.POST, 'POST', `${me}/resume`, anna)).json()).toMatchObject({ state: 'active', pausedSince: null });

		expect(paramNames(await problemOf(await send(plan.PUT, 'PUT', `${me}/plan`, anna, { body: { restartSteps: ['no-such-step'] } }), 422))).toEqual(['restartSteps']);
		const written = await send(plan.PUT, 'PUT', `${me}/plan`, anna, { body: { whatHelps: 'Een wandeling.', restartSteps: ['ask-for-a-tip'] } });
		expect(await written.json()).toMatchObject({ earlySigns: null, whatHelps: 'Een wandeling.', restartSteps: ['ask-for-a-tip'] });
		expect(await (await send(plan.GET, 'GET', `${me}/plan`, anna)).json()).toMatchObject({ whatHelps: 'Een wandeling.' });

		expect(await (await send(stop.POST, 'POST', `${me}/stop`, anna)).json()).toMatchObject({ state: 'stopped' });
		await problemOf(await send(stop.POST, 'POST', `${me}/stop`, anna), 409);
		// Stopped: the data stays, and so does the plan, until the person deletes it.
		expect((await view(anna)).weeks[0].state).toBe('done');
		expect((await send(plan.DELETE, 'DELETE', `${me}/plan`, anna)).status).toBe(204);
		await problemOf(await send(plan.DELETE, 'DELETE', `${me}/plan`, anna), 404);
		// Somebody else's programme is never reached: Bert has none.
		await problemOf(await send(programme.GET, 'GET', me, bert), 404);
		// The deletion page names the programme for Anna only.
		expect((await describeAccountForDeletion(handle.db, { account: anna.account! })).programme).toBe(true);
		expect((await describeAccountForDeletion(handle.db, { account: bert.account! })).programme).toBe(false);
	});

	it('refuses a caller without credentials and a body that is not JSON', async () => {
		for (const [route, method, path] of [
			[programme.GET, 'GET', me],
			[programme.POST, 'POST', me],
			[plan.GET, 'GET', `${me}/plan`],
			[stop.POST, 'POST', `${me}/stop`]
		] as const) {
			await problemOf(await send(route, method, path, anonymous, method === 'POST' ? { body: {} } : {}), 401);
		}
		await problemOf(await send(programme.POST, 'POST', me, anna, { raw: 'reminders=none', body: undefined }), 400);
		expect(await count('programme_enrolment')).toBe(0);
	});

	it("lets the professional with the programme scope start, read, message and hold back a client's week, audited", async () => {
		const personId = bert.account!.id;
		const at = (rest = '', extra: Record<string, string> = {}) => ({ path: `/api/v1/clients/${personId}/programme${rest}`, params: { personId, ...extra } });
		const read = async () => {
			const response = await send(clientProgramme.GET, 'GET', at().path, piet, { params: at().params });
			expect(response.status).toBe(200);
			return response.json();
		};
		expect(await read()).toEqual({ enrolment: null, canStart: true });

		expect(paramNames(await problemOf(await send(clientProgramme.POST, 'POST', at().path, piet, { params: at().params, body: { welcome: 'x'.repeat(501) } }), 422))).toEqual(['welcome']);
		const started = await send(clientProgramme.POST, 'POST', at().path, piet, { params: at().params, body: { welcome: 'Fijn dat je meedoet.' } });
		expect(started.status).toBe(201);
		const { id } = await started.json();
		await problemOf(await send(clientProgramme.POST, 'POST', at().path, piet, { params: at().params, body: {} }), 409);
		expect(await view(bert)).toMatchObject({ id, startedBy: 'professional', welcome: 'Fijn dat je meedoet.', startDay: null });

		expect(paramNames(await problemOf(await send(messages.POST, 'POST', at('/messages').path, piet, { params: at().params, body: { body: '  ' } }), 422))).toEqual(['body']);
		expect((await send(messages.POST, 'POST', at('/messages').path, piet, { params: at().params, body: { body: 'Goed bezig!' } })).status).toBe(201);
		expect((await view(bert)).messages.map((message: { body: string }) => message.body)).toEqual(['Goed bezig!']);

		const week2 = at('/weeks/2', { week: '2' });
		await problemOf(await send(clientWeek.PUT, 'PUT', at('/weeks/0').path, piet, { params: { personId, week: '0' }, body: { discussFirst: true } }), 409);
		await problemOf(await send(clientWeek.PUT, 'PUT', at('/weeks/12').path, piet, { params: { personId, week: '12' }, body: { discussFirst: true } }), 404);
		expect(paramNames(await problemOf(await send(clientWeek.PUT, 'PUT', week2.path, piet, { params: week2.params, body: { discussFirst: 'on' } }), 422))).toEqual(['discussFirst']);
		expect(await (await send(clientWeek.PUT, 'PUT', week2.path, piet, { params: week2.params, body: { discussFirst: true } })).json()).toEqual({ week: 2, discussFirst: true });
		const held = at('/weeks/2/conversation-held', { week: '2' });
		expect(await (await send(conversationHeld.POST, 'POST', held.path, piet, { params: held.params })).json()).toEqual({ week: 2, discussed: true });

		// Only the check-in the client chose to share reaches the professional.
		await send(open.POST, 'POST', weekPath(0, '/open').path, bert, { params: { week: '0' } });
		const bertCheckIn = weekPath(0, '/check-in');
		await send(checkIn.PUT, 'PUT', bertCheckIn.path, bert, { params: bertCheckIn.params, body: { takeAway: 'Rustig aan.', share: false } });
		let seen = (await read()).enrolment;
		expect(seen.weeks[0]).toMatchObject({ opened: true, checkedIn: false, checkIn: null });
		expect(seen.weeks[2]).toMatchObject({ discussFirst: true, discussed: true });
		await send(checkIn.PUT, 'PUT', bertCheckIn.path, bert, { params: bertCheckIn.params, body: { takeAway: 'Rustig aan.', share: true } });
		seen = (await read()).enrolment;
		expect(seen.weeks[0].checkIn).toMatchObject({ takeAway: 'Rustig aan.', shared: true });
		expect(seen.startDay).toBe(localDay());

		const audit = await send(auditEvents.GET, 'GET', '/api/v1/me/audit-events', bert);
		const actions = (await audit.json()).items.map((event: { action: string }) => event.action);
		expect(actions.filter((action: string) => action === 'client.programme.read')).toHaveLength(3);
	});

	it("refuses a client's programme to everyone else before reading the body, and changes nothing", async () => {
		const on = (who: Caller): { route: unknown; method: string; path: string; params: Record<string, string>; body?: unknown }[] => {
			const personId = who.account!.id;
			const base = `/api/v1/clients/${personId}/programme`;
			return [
				{ route: clientProgramme.GET, method: 'GET', path: base, params: { personId } },
				{ route: clientProgramme.POST, method: 'POST', path: base, params: { personId }, body: { welcome: 42 } },
				{ route: messages.POST, method: 'POST', path: `${base}/messages`, params: { personId }, body: { body: 'Hallo' } },
				{ route: clientWeek.PUT, method: 'PUT', path: `${base}/weeks/3`, params: { personId, week: '3' }, body: { discussFirst: 'nonsense' } },
				{ route: conversationHeld.POST, method: 'POST', path: `${base}/weeks/99/conversation-held`, params: { personId, week: '99' } }
			];
		};
		const refusals: [Caller, Caller, number, string | undefined][] = [
			[piet, anna, 403, 'no_access'], // a client who does not share the programme
			[kees, bert, 403, 'no_access'], // a colleague without a grant
			[anna, bert, 403, undefined], // a person is no professional
			[anonymous, bert, 401, undefined]
		];
		for (const [who, client, status, reason] of refusals) {
			for (const operation of on(client)) {
				const answer = await problemOf(await send(operation.route, operation.method, operation.path, who, { params: operation.params, body: operation.body }), status);
				if (reason) expect(answer.reason, `${operation.method} ${operation.path}`).toBe(reason);
			}
		}
		expect(await count('programme_enrolment')).toBe(0);
		expect(await count('programme_message')).toBe(0);
		expect(await count('programme_week')).toBe(0);
		const audit = await send(auditEvents.GET, 'GET', '/api/v1/me/audit-events', bert);
		expect((await audit.json()).items.filter((event: { action: string }) => event.action === 'client.programme.read')).toEqual([]);
	});
});
