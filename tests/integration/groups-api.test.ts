/**
 * Group trainings in the JSON API, through the route files themselves on a real database, on both databases, called
 * with personal API tokens: a person joins by code, changes their settings, excuses a session and takes it back,
 * checks in, and leaves (the leader's access ends at once); a leader reads the group and a session (audited per
 * participant), moves, cancels and holds sessions and records attendance; an admin manages but reads nobody. And the
 * refusals: no credentials 401, not a leader 403 (before the body is read), bad bodies 422 naming the field, an
 * unknown group or session 404, a state that does not allow it 409.
 *
 * The routes call `db()` and `apiHandler`; here both are pointed at this test's database and sign-in layer.
 */
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { createApiToken } from '$lib/features/api-tokens/api-tokens.server';
import { addDays, localDay } from '$lib/time';
import * as myGroups from '../../src/routes/api/v1/me/groups/+server';
import * as myGroup from '../../src/routes/api/v1/me/groups/[groupId]/+server';
import * as excuse from '../../src/routes/api/v1/me/groups/[groupId]/sessions/[sessionId]/excuse/+server';
import * as checkIn from '../../src/routes/api/v1/me/groups/[groupId]/sessions/[sessionId]/check-in/+server';
import * as ledGroups from '../../src/routes/api/v1/groups/+server';
import * as ledGroup from '../../src/routes/api/v1/groups/[groupId]/+server';
import * as ledSession from '../../src/routes/api/v1/groups/[groupId]/sessions/[sessionId]/+server';
import * as attendance from '../../src/routes/api/v1/groups/[groupId]/sessions/[sessionId]/attendance/[participantId]/+server';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';
import { professionalFixtures } from './professional-fixtures';
import { groupFixtures, type TestGroup } from './group-fixtures';

// Names and check-in lines are encrypted: a data key of this file's own, so no key file is read or written.
const current = vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-groups-api-no-key-file-${Date.now()}`);
	return { enqueued: [] as string[] } as { db?: Kysely<Database>; auth?: Auth; enqueued: string[] };
});
afterAll(() => vi.unstubAllEnvs());

vi.mock('$lib/server/db', async (importOriginal) => ({
	...(await importOriginal<typeof import('$lib/server/db')>()),
	db: () => current.db!
}));
vi.mock('$lib/composers/api/api-auth', async (importOriginal) => {
	const original = await importOriginal<typeof import('$lib/composers/api/api-auth')>();
	// The code attempts are counted by the abuse-limits tests; here every attempt may go ahead.
	return { ...original, apiHandler: original.createApiHandler(() => ({ db: current.db!, auth: current.auth! })), limitApiAttempt: async () => null };
});
// A moved or cancelled session is mailed by a job; its key says which change (the mails are tested with the job).
vi.mock('$lib/server/jobs', async (importOriginal) => ({
	...(await importOriginal<typeof import('$lib/server/jobs')>()),
	jobs: () => ({ enqueue: async (_kind: string, key: string) => (current.enqueued.push(key), true) })
}));

type Handler = (event: RequestEvent) => Promise<Response>;
interface Caller {
	account: SignedInAccount | null;
	headers: Record<string, string>;
}
interface Problem {
	status: number;
	'invalid-params'?: { name: string; reason: string }[];
}

async function send(route: unknown, method: string, path: string, who: Caller, options: { params?: Record<string, string>; body?: unknown } = {}) {
	const url = new URL(path, 'http://127.0.0.1:4173');
	const headers = { ...who.headers, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) };
	const body = options.body === undefined ? undefined : JSON.stringify(options.body);
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

describe.each(testDatabases())('the groups API on $name', (target) => {
	let handle: DatabaseHandle;
	/** Lotte leads the group; Piet, her colleague, leads nothing; Ada is their admin; Anna and Bert are people. */
	let lotte: Caller, piet: Caller, ada: Caller, anna: Caller, bert: Caller;
	let group: TestGroup;
	const today = localDay();

	beforeEach(async () => {
		handle = await target.open();
		current.db = handle.db;
		current.auth = testAuth(handle);
		current.enqueued = [];
		const fixtures = professionalFixtures(handle);
		const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		const lotteAccount = await fixtures.professional(noord, 'lotte@noord.nl', 'Lotte Leider');
		lotte = await caller(lotteAccount, true);
		piet = await caller(await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof'), true);
		ada = await caller(noord.admin, true);
		anna = await caller(await fixtures.person('anna@example.nl', 'Anna'));
		bert = await caller(await fixtures.person('bert@example.nl', 'Bert'));
		// Today and weekly on: a check-in opens once today's session is held; the later ones can be excused.
		group = await groupFixtures(handle).group(noord, [lotteAccount], { days: [today, addDays(today, 7), addDays(today, 14)] });
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
	const mine = (rest = '') => ({ path: `/api/v1/me/groups/${group.id}${rest}`, params: { groupId: group.id } });
	const session = (index: number, rest = '') => ({
		path: `/api/v1/me/groups/${group.id}/sessions/${group.sessionIds[index]}${rest}`,
		params: { groupId: group.id, sessionId: group.sessionIds[index]! }
	});
	const led = (index: number) => ({ path: `/api/v1/groups/${group.id}/sessions/${group.sessionIds[index]}`, params: { groupId: group.id, sessionId: group.sessionIds[index]! } });
	const join = (who: Caller, body: unknown) => send(myGroups.POST, 'POST', '/api/v1/me/groups', who, { body });
	const groupReads = async () =>
		Number((await handle.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'client.group.read').executeTakeFirstOrThrow()).n);

	it('lets a person join by code, change settings, excuse, check in and leave', async () => {
		expect((await (await send(myGroups.GET, 'GET', '/api/v1/me/groups', anna)).json()).items).toEqual([]);
		expect(paramNames(await problemOf(await join(anna, { code: group.code, reminders: 'weekly' }), 422))).toEqual(['personName', 'reminders']);
		expect(paramNames(await problemOf(await join(anna, { code: group.code, personName: 'Anna', extra: 1 }), 422))).toEqual(['(body)']);
		await problemOf(await join(anna, { code: 'AAAA-BBBB', personName: 'Anna' }), 404);

		const joined = await join(anna, { code: group.code.toLowerCase(), personName: ' Anna B. ', shareCheckIns: true });
		expect(joined.status).toBe(201);
		expect(await joined.json()).toMatchObject({ id: group.id, leaders: ['Lotte Leider'], shareCheckIns: true, reminders: 'day_before' });
		await problemOf(await join(anna, { code: group.code, personName: 'Anna' }), 409);
		const list = (await (await send(myGroups.GET, 'GET', '/api/v1/me/groups', anna)).json()).items;
		expect(list.map((g: { id: string }) => g.id)).toEqual([group.id]);
		await problemOf(await send(myGroup.GET, 'GET', mine().path, bert, { params: mine().params }), 404);

		// A partial change keeps the rest; a wrong field changes nothing.
		const changed = await (await send(myGroup.PATCH, 'PATCH', mine().path, anna, { params: mine().params, body: { reminders: 'none' } })).json();
		expect(changed).toMatchObject({ reminders: 'none', shareCheckIns: true });
		expect(paramNames(await problemOf(await send(myGroup.PATCH, 'PATCH', mine().path, anna, { params: mine().params, body: { shareCheckIns: 'ja' } }), 422))).toEqual(['shareCheckIns']);
		await problemOf(await send(myGroup.PATCH, 'PATCH', mine().path, bert, { params: mine().params, body: {} }), 404);

		// Next week's session: excused, again the same, taken back.
		const excused = await send(excuse.PUT, 'PUT', session(1, '/excuse').path, anna, { params: session(1).params });
		expect(await excused.json()).toMatchObject({ id: group.sessionIds[1], own: 'excused', canTakeBack: true });
		expect((await send(excuse.PUT, 'PUT', session(1, '/excuse').path, anna, { params: session(1).params })).status).toBe(200);
		expect(await (await send(excuse.DELETE, 'DELETE', session(1, '/excuse').path, anna, { params: session(1).params })).json()).toMatchObject({ own: null });
		await problemOf(await send(excuse.PUT, 'PUT', session(1, '/excuse').path, bert, { params: session(1).params }), 404);

		// Today's check-in opens once the session is held and Anna was there.
		const answers = { welcome: 4, enjoyed: 5, come_again: 5, line: 'Fijn!' };
		await problemOf(await send(checkIn.PUT, 'PUT', session(0, '/check-in').path, anna, { params: session(0).params, body: answers }), 409);
		expect((await send(ledSession.PATCH, 'PATCH', led(0).path, lotte, { params: led(0).params, body: { status: 'held' } })).status).toBe(200);
		expect(paramNames(await problemOf(await send(checkIn.PUT, 'PUT', session(0, '/check-in').path, anna, { params: session(0).params, body: { ...answers, welcome: 6 } }), 422))).toEqual(['welcome']);
		expect(await (await send(checkIn.PUT, 'PUT', session(0, '/check-in').path, anna, { params: session(0).params, body: answers })).json()).toMatchObject({ checkIn: 'done' });
		await problemOf(await send(checkIn.PUT, 'PUT', session(0, '/check-in').path, anna, { params: session(0).params, body: answers }), 409);
		const overview = await (await send(ledGroup.GET, 'GET', `/api/v1/groups/${group.id}`, lotte, { params: { groupId: group.id } })).json();
		expect(overview.participants).toMatchObject([{ name: 'Anna B.', checkIns: [{ welcome: 4, line: 'Fijn!' }] }]);

		// Leaving ends the leader's access at once.
		await problemOf(await send(myGroup.DELETE, 'DELETE', mine().path, bert, { params: mine().params }), 404);
		expect((await send(myGroup.DELETE, 'DELETE', mine().path, anna, { params: mine().params })).status).toBe(204);
		await problemOf(await send(myGroup.GET, 'GET', mine().path, anna, { params: mine().params }), 404);
		expect((await (await send(ledGroup.GET, 'GET', `/api/v1/groups/${group.id}`, lotte, { params: { groupId: group.id } })).json()).participants).toEqual([]);
	});

	it('lets the leader read (audited), move, cancel, hold and record attendance; an admin manages but reads nobody', async () => {
		expect((await join(anna, { code: group.code, personName: 'Anna' })).status).toBe(201);
		const participantId = (await handle.db.selectFrom('group_participant').select('id').where('group_id', '=', group.id).executeTakeFirstOrThrow()).id;

		await problemOf(await send(ledGroups.GET, 'GET', '/api/v1/groups', anonymous), 401);
		await problemOf(await send(ledGroups.GET, 'GET', '/api/v1/groups', anna), 403);
		expect((await (await send(ledGroups.GET, 'GET', '/api/v1/groups', lotte)).json()).items).toMatchObject([{ id: group.id, participants: 1 }]);
		for (const who of [piet, ada, anna]) await problemOf(await send(ledGroup.GET, 'GET', `/api/v1/groups/${group.id}`, who, { params: { groupId: group.id } }), 403);

		const before = await groupReads();
		const read = await (await send(ledSession.GET, 'GET', led(0).path, lotte, { params: led(0).params })).json();
		expect(read.participants).toMatchObject([{ participantId, name: 'Anna', status: 'expected' }]);
		expect(await groupReads()).toBe(before + 1);
		await problemOf(await send(ledSession.GET, 'GET', led(0).path, lotte, { params: { groupId: group.id, sessionId: crypto.randomUUID() } }), 404);

		// Attendance: refused before the body is read, then checked.
		const at = (who: Caller, body: unknown, id = participantId) =>
			send(attendance.PUT, 'PUT', `${led(0).path}/attendance/${id}`, who, { params: { ...led(0).params, participantId: id }, body });
		await problemOf(await at(piet, { status: 'nonsense' }), 403);
		expect(paramNames(await problemOf(await at(lotte, { status: 'here' }), 422))).toEqual(['status']);
		await problemOf(await at(lotte, { status: 'present' }, crypto.randomUUID()), 404);
		expect(await (await at(lotte, { status: 'present' })).json()).toEqual({ sessionId: group.sessionIds[0], participantId, status: 'present' });

		// Moving: on top of the session as it is; a bad combination names the field.
		const moved = await send(ledSession.PATCH, 'PATCH', led(1).path, lotte, { params: led(1).params, body: { day: addDays(today, 8), place: 'Bibliotheek' } });
		expect(await moved.json()).toMatchObject({ day: addDays(today, 8), startsAt: '14:00', place: 'Bibliotheek', changed: true });
		expect(paramNames(await problemOf(await send(ledSession.PATCH, 'PATCH', led(1).path, lotte, { params: led(1).params, body: { endsAt: '09:00' } }), 422))).toEqual(['endsAt']);
		expect(paramNames(await problemOf(await send(ledSession.PATCH, 'PATCH', led(1).path, lotte, { params: led(1).params, body: { day: '2026-13-01' } }), 422))).toEqual(['day']);
		expect(paramNames(await problemOf(await send(ledSession.PATCH, 'PATCH', led(1).path, lotte, { params: led(1).params, body: { videoUrl: 'http://x' } }), 422))).toEqual(['videoUrl']);
		await problemOf(await send(ledSession.PATCH, 'PATCH', led(1).path, piet, { params: led(1).params, body: { status: 'cancelled' } }), 403);

		// The admin manages sessions, without reading anyone.
		const cancelled = await send(ledSession.PATCH, 'PATCH', led(2).path, ada, { params: led(2).params, body: { status: 'cancelled' } });
		expect(await cancelled.json()).toMatchObject({ status: 'cancelled', attended: 0 });
		await problemOf(await send(ledSession.PATCH, 'PATCH', led(2).path, ada, { params: led(2).params, body: { status: 'cancelled' } }), 409);
		await problemOf(await send(ledSession.PATCH, 'PATCH', led(2).path, lotte, { params: led(2).params, body: { status: 'held' } }), 409);
		await problemOf(await send(ledSession.PATCH, 'PATCH', led(0).path, ada, { params: led(0).params, body: { status: 'held' } }), 403);
		await problemOf(await send(ledSession.PATCH, 'PATCH', led(0).path, lotte, { params: { groupId: group.id, sessionId: crypto.randomUUID() }, body: { status: 'held' } }), 404);
		expect(await (await send(ledSession.PATCH, 'PATCH', led(0).path, lotte, { params: led(0).params, body: { status: 'held' } })).json()).toMatchObject({ status: 'held', attended: 1 });
		// One mail job per change: the move and the cancellation; holding a session is not mailed.
		expect(current.enqueued).toEqual([`session:${group.sessionIds[1]}:1`, `session:${group.sessionIds[2]}:1`]);
	});
});
