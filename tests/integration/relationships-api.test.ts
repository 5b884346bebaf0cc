/**
 * The personal API for a person's relationship map (relations, contact moments, planned moments), through the route
 * files themselves on a real database, on both databases: create, list, read, replace, delete; the contact state in
 * the list; "how did it go?" (happened: a contact moment on the planned day; did not happen: none; once only).
 * Another person gets the same 404 as for an unknown id, and a relationId of theirs in a request the same 422 as an
 * unknown one; an anonymous caller gets 401; bad input of any shape gets a problem answer and changes nothing; names,
 * notes and places are stored only as ciphertext.
 *
 * The routes call `db()` and `apiHandler`; here both are pointed at this test's database and sign-in layer.
 */
import { sql, type Kysely } from 'kysely';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/schema';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { createApiToken } from '$lib/features/api-tokens/api-tokens.server';
import { addRelation, logContact } from '$lib/features/relationships/relations.server';
import { planMoment } from '$lib/features/relationships/planned-moments.server';
import { contactBrings, contactCircles, contactKinds, contactRhythms } from '$lib/features/relationships/relationships';
import { addDays, localDay } from '$lib/time';
import * as relationList from '../../src/routes/api/v1/me/relations/+server';
import * as relationItem from '../../src/routes/api/v1/me/relations/[id]/+server';
import * as contactList from '../../src/routes/api/v1/me/relations/[id]/contact-moments/+server';
import * as contactItem from '../../src/routes/api/v1/me/contact-moments/[id]/+server';
import * as plannedList from '../../src/routes/api/v1/me/planned-moments/+server';
import * as plannedItem from '../../src/routes/api/v1/me/planned-moments/[id]/+server';
import * as outcome from '../../src/routes/api/v1/me/planned-moments/[id]/outcome/+server';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';

// A data key of this file's own, from the environment, so no key file is read or written (see crypto/keyring.js).
const current = vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-relationships-api-no-key-file-${Date.now()}`);
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

const password = 'lang genoeg wachtwoord';
const origin = 'http://127.0.0.1:4173';
const tables = ['relation', 'contact_moment', 'planned_moment'] as const;
type Table = (typeof tables)[number];

type Handler = (event: RequestEvent) => Promise<Response>;
const handler = (route: unknown) => route as Handler;

interface Call {
	path: string;
	params?: Record<string, string>;
	/** Sent as JSON. */
	body?: unknown;
	/** Sent as it is, instead of `body`. */
	raw?: string;
	headers?: Record<string, string>;
}

/** Calls a route handler as SvelteKit would; every answer of the personal API must be no-store. */
async function send(route: unknown, method: string, call: Call): Promise<Response> {
	const url = new URL(call.path, origin);
	const headers: Record<string, string> = { ...call.headers };
	let body: string | undefined;
	if (call.raw !== undefined || call.body !== undefined) {
		body = call.raw ?? JSON.stringify(call.body);
		headers['content-type'] ??= 'application/json';
	}
	const event = {
		request: new Request(url, { method, headers, body }),
		url,
		params: call.params ?? {},
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
	const response = await handler(route)(event);
	expect(response.headers.get('cache-control'), `${method} ${call.path}`).toBe('no-store');
	return response;
}

interface ProblemBody {
	title: string;
	status: number;
	detail?: string;
	'invalid-params'?: { name: string; reason: string }[];
}

interface RelationBody {
	id: string;
	nickname: string;
	addedDay: string;
	lastContactDay: string | null;
	due: string | null;
	status: string;
}
interface ContactBody {
	id: string;
	relationId: string;
	kind: string;
	day: string;
	feeling: number;
	plannedMomentId: string | null;
}
interface PlannedBody {
	id: string;
	relationId: string;
	kind: string;
	day: string;
	time: string;
	closedAt: string | null;
	contactMomentId: string | null;
	started: boolean;
}

describe.each(testDatabases())('the relationship API on $name', (target) => {
	let handle: DatabaseHandle;
	let anna: { account: SignedInAccount; bearer: Record<string, string> };
	let ben: { account: SignedInAccount; bearer: Record<string, string> };
	// Computed per test: a suite that runs across midnight must not compare with yesterday.
	let today: string;

	beforeEach(async () => {
		handle = await target.open();
		current.db = handle.db;
		current.auth = testAuth(handle);
		anna = await person('anna@example.nl');
		ben = await person('ben@example.nl');
		today = localDay();
	});
	afterEach(async () => {
		current.db = undefined;
		current.auth = undefined;
		await handle.close();
	});

	async function person(email: string) {
		const created = await createVerifiedAccount(current.auth!, { email, password, name: email.split('@')[0]!, locale: 'nl' });
		if (!created.ok) throw new Error(created.reason);
		const account: SignedInAccount = { id: created.accountId, email, locale: 'nl', twoFactorEnabled: false };
		const { token } = await createApiToken(handle.db, { actor: account, label: 'test' });
		return { account, bearer: { authorization: `Bearer ${token}` } };
	}

	const as = (who: { bearer: Record<string, string> }) => ({
		get: (route: unknown, path: string, params?: Record<string, string>) => send(route, 'GET', { path, params, headers: who.bearer }),
		post: (route: unknown, path: string, body: unknown, params?: Record<string, string>) => send(route, 'POST', { path, params, body, headers: who.bearer }),
		put: (route: unknown, path: string, params: Record<string, string>, body: unknown) => send(route, 'PUT', { path, params, body, headers: who.bearer }),
		delete: (route: unknown, path: string, params: Record<string, string>) => send(route, 'DELETE', { path, params, headers: who.bearer })
	});

	async function rows(table: Table): Promise<Record<string, unknown>[]> {
		return (await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by id`.execute(handle.db)).rows;
	}

	async function allRows(): Promise<Record<Table, Record<string, unknown>[]>> {
		const all = {} as Record<Table, Record<string, unknown>[]>;
		for (const table of tables) all[table] = await rows(table);
		return all;
	}

	/** A relation of Anna's (or another's), made through the API. */
	async function relationOf(who: { bearer: Record<string, string> }, nickname = 'Els'): Promise<RelationBody> {
		const created = await as(who).post(relationList.POST, '/api/v1/me/relations', { nickname, circle: 'friends' });
		expect(created.status).toBe(201);
		return created.json();
	}

	/** Anna's planned call that has started (`daysAgo`), which only the use-case can make: the API plans from today on. */
	async function startedMoment(relationId: string, daysAgo = 3): Promise<string> {
		const planned = await planMoment(handle.db, {
			actor: anna.account,
			relationId,
			input: { kind: 'call', day: addDays(today, -daysAgo), time: '10:00', place: null, note: null }
		});
		if (!planned.ok) throw new Error('not planned');
		return planned.id;
	}

	const relationPath = (id: string) => `/api/v1/me/relations/${id}`;
	const contactsPath = (id: string) => `/api/v1/me/relations/${id}/contact-moments`;
	const plannedPath = (id: string) => `/api/v1/me/planned-moments/${id}`;
	const outcomePath = (id: string) => `/api/v1/me/planned-moments/${id}/outcome`;

	describe('relations', () => {
		it('adds, lists, reads, replaces and deletes a relation, with how contact stands', async () => {
			const api = as(anna);
			const created = await api.post(relationList.POST, '/api/v1/me/relations', {
				nickname: '  Els ',
				circle: 'friends',
				brings: ['deep_talks', 'fun', 'fun'],
				rhythm: 'weekly',
				note: ''
			});
			expect(created.status).toBe(201);
			const relation = await created.json();
			expect(relation).toEqual({
				id: expect.any(String),
				nickname: 'Els',
				circle: 'friends',
				brings: ['fun', 'deep_talks'],
				rhythm: 'weekly',
				note: null,
				addedDay: today,
				createdAt: expect.any(String),
				updatedAt: expect.any(String),
				// No contact yet: the rhythm runs from the day she was added.
				lastContactDay: null,
				due: addDays(today, 7),
				status: 'on_track'
			});

			expect(await (await api.get(relationList.GET, '/api/v1/me/relations')).json()).toEqual({ items: [relation] });
			const params = { id: relation.id };
			const path = relationPath(relation.id);
			expect(await (await api.get(relationItem.GET, path, params)).json()).toEqual(relation);

			const replaced = await api.put(relationItem.PUT, path, params, { nickname: 'Els de buurvrouw', circle: 'intimate', note: 'Houdt van wandelen.' });
			expect(replaced.status).toBe(200);
			expect(await replaced.json()).toMatchObject({
				id: relation.id,
				nickname: 'Els de buurvrouw',
				circle: 'intimate',
				brings: [],
				rhythm: 'no_goal',
				note: 'Houdt van wandelen.',
				addedDay: today,
				due: null,
				status: 'no_goal'
			});

			const deleted = await api.delete(relationItem.DELETE, path, params);
			expect(deleted.status).toBe(204);
			expect(await deleted.text()).toBe('');
			expect((await api.get(relationItem.GET, path, params)).status).toBe(404);
			expect((await api.delete(relationItem.DELETE, path, params)).status).toBe(404);
			expect(await rows('relation')).toEqual([]);
		});

		it('lists by name as Dutch sorts it, each with its last contact, due day and status', async () => {
			const on = (day: string) => new Date(`${day}T12:00:00Z`);
			const add = async (nickname: string, rhythm: (typeof contactRhythms)[number], addedDay: string) =>
				(await addRelation(handle.db, { actor: anna.account, input: { nickname, circle: 'friends', brings: [], rhythm, note: null }, now: on(addedDay) })).id;
			const contact = (relationId: string, day: string) => logContact(handle.db, { actor: anna.account, relationId, input: { kind: 'message', day, feeling: 3 } });

			const zoe = await add('Zoë', 'monthly', addDays(today, -60));
			await contact(zoe, addDays(today, -40));
			await contact(zoe, addDays(today, -5));
			await add('bram', 'weekly', addDays(today, -30));
			const ali = await add('Ali', 'every_two_weeks', addDays(today, -60));
			await contact(ali, addDays(today, -12));
			const cor = await add('Cor', 'no_goal', addDays(today, -60));
			await contact(cor, addDays(today, -100));
			await addRelation(handle.db, { actor: ben.account, input: { nickname: 'Aad', circle: 'friends', brings: [], rhythm: 'weekly', note: null } });

			const list = await (await as(anna).get(relationList.GET, '/api/v1/me/relations')).json();
			expect(list.items.map(({ nickname, lastContactDay, due, status }: RelationBody) => ({ nickname, lastContactDay, due, status }))).toEqual([
				{ nickname: 'Ali', lastContactDay: addDays(today, -12), due: addDays(today, 2), status: 'due_soon' },
				{ nickname: 'bram', lastContactDay: null, due: addDays(today, -23), status: 'overdue' },
				{ nickname: 'Cor', lastContactDay: addDays(today, -100), due: null, status: 'no_goal' },
				{ nickname: 'Zoë', lastContactDay: addDays(today, -5), due: addDays(today, 25), status: 'on_track' }
			]);
			// The same state when asked for one.
			expect(await (await as(anna).get(relationItem.GET, relationPath(ali), { id: ali })).json()).toMatchObject({ due: addDays(today, 2), status: 'due_soon' });
		});

		it('deletes their contact moments and planned moments with them, and nobody else\'s', async () => {
			const els = await relationOf(anna, 'Els');
			const piet = await relationOf(anna, 'Piet');
			for (const relation of [els, piet]) {
				await as(anna).post(contactList.POST, contactsPath(relation.id), { kind: 'call', feeling: 4 }, { id: relation.id });
				await as(anna).post(plannedList.POST, '/api/v1/me/planned-moments', { relationId: relation.id, day: addDays(today, 1), time: '10:00' });
			}
			expect((await as(anna).delete(relationItem.DELETE, relationPath(els.id), { id: els.id })).status).toBe(204);
			const left = await allRows();
			expect(left.relation.map((r) => r.id)).toEqual([piet.id]);
			expect(left.contact_moment.map((r) => r.relation_id)).toEqual([piet.id]);
			expect(left.planned_moment.map((r) => r.relation_id)).toEqual([piet.id]);
		});
	});

	describe('contact moments', () => {
		it('logs, lists, reads and deletes contact moments, and the relation shows the last one', async () => {
			const api = as(anna);
			const els = await relationOf(anna);
			const params = { id: els.id };
			const first = await api.post(contactList.POST, contactsPath(els.id), { kind: 'message', day: addDays(today, -2), feeling: 5 }, params);
			expect(first.status).toBe(201);
			const older: ContactBody = await first.json();
			expect(older).toEqual({
				id: expect.any(String),
				relationId: els.id,
				kind: 'message',
				day: addDays(today, -2),
				feeling: 5,
				plannedMomentId: null,
				createdAt: expect.any(String)
			});
			// Two taps: the day is today when left out.
			const newer: ContactBody = await (await api.post(contactList.POST, contactsPath(els.id), { kind: 'call', feeling: 4 }, params)).json();
			expect(newer).toMatchObject({ kind: 'call', day: today, feeling: 4 });

			expect(await (await api.get(contactList.GET, contactsPath(els.id), params)).json()).toEqual({ items: [newer, older] });
			expect(await (await api.get(contactList.GET, `${contactsPath(els.id)}?limit=1`, params)).json()).toEqual({ items: [newer] });
			expect(await (await api.get(contactList.GET, `${contactsPath(els.id)}?from=${addDays(today, -1)}`, params)).json()).toEqual({ items: [newer] });
			expect(await (await api.get(relationItem.GET, relationPath(els.id), params)).json()).toMatchObject({ lastContactDay: today, due: null });

			const path = `/api/v1/me/contact-moments/${newer.id}`;
			expect(await (await api.get(contactItem.GET, path, { id: newer.id })).json()).toEqual(newer);
			expect((await api.delete(contactItem.DELETE, path, { id: newer.id })).status).toBe(204);
			expect((await api.get(contactItem.GET, path, { id: newer.id })).status).toBe(404);
			expect((await api.delete(contactItem.DELETE, path, { id: newer.id })).status).toBe(404);
			expect((await rows('contact_moment')).map((r) => r.id)).toEqual([older.id]);
			expect(await (await api.get(relationItem.GET, relationPath(els.id), params)).json()).toMatchObject({ lastContactDay: addDays(today, -2) });
		});

		it('refuses a day still to come, and a wrong limit or from, with a 422 that names it', async () => {
			const els = await relationOf(anna);
			const params = { id: els.id };
			const future = await as(anna).post(contactList.POST, contactsPath(els.id), { kind: 'call', day: addDays(today, 1), feeling: 3 }, params);
			expect(future.status).toBe(422);
			expect(((await future.json()) as ProblemBody)['invalid-params']).toEqual([
				{ name: 'day', reason: 'must be today or an earlier day (YYYY-MM-DD, Europe/Amsterdam): a contact still to come is a planned moment' }
			]);
			expect(await rows('contact_moment')).toEqual([]);
			for (const query of ['limit=0', 'limit=101', 'limit=abc', 'from=2026-02-30', 'from=gisteren', 'from=']) {
				const response = await as(anna).get(contactList.GET, `${contactsPath(els.id)}?${query}`, params);
				expect(response.status, query).toBe(422);
				expect(response.headers.get('content-type')).toBe('application/problem+json');
				expect(((await response.json()) as ProblemBody)['invalid-params']?.[0]?.name, query).toBe(query.split('=')[0]);
			}
		});
	});

	describe('planned moments', () => {
		it('plans, lists, reads, moves and deletes a planned moment', async () => {
			const api = as(anna);
			const els = await relationOf(anna);
			const tomorrow = addDays(today, 1);
			const created = await api.post(plannedList.POST, '/api/v1/me/planned-moments', {
				relationId: els.id,
				day: tomorrow,
				time: '15:00',
				place: ' Café de Brug ',
				note: ''
			});
			expect(created.status).toBe(201);
			const moment = await created.json();
			expect(moment).toEqual({
				id: expect.any(String),
				relationId: els.id,
				kind: 'meeting',
				day: tomorrow,
				time: '15:00',
				place: 'Café de Brug',
				note: null,
				closedAt: null,
				happened: null,
				contactMomentId: null,
				started: false,
				createdAt: expect.any(String),
				updatedAt: expect.any(String)
			});

			expect(await (await api.get(plannedList.GET, '/api/v1/me/planned-moments')).json()).toEqual({ items: [moment] });
			expect(await (await api.get(plannedList.GET, `/api/v1/me/planned-moments?relationId=${els.id}&state=open`)).json()).toEqual({ items: [moment] });
			expect(await (await api.get(plannedList.GET, '/api/v1/me/planned-moments?state=closed')).json()).toEqual({ items: [] });
			const params = { id: moment.id };
			expect(await (await api.get(plannedItem.GET, plannedPath(moment.id), params)).json()).toEqual(moment);

			const moved = await api.put(plannedItem.PUT, plannedPath(moment.id), params, { kind: 'call', day: addDays(today, 2), time: '09:30', note: 'Vragen hoe de verhuizing ging.' });
			expect(moved.status).toBe(200);
			expect(await moved.json()).toMatchObject({
				id: moment.id,
				relationId: els.id,
				kind: 'call',
				day: addDays(today, 2),
				time: '09:30',
				place: null,
				note: 'Vragen hoe de verhuizing ging.',
				closedAt: null
			});

			expect((await api.delete(plannedItem.DELETE, plannedPath(moment.id), params)).status).toBe(204);
			expect((await api.get(plannedItem.GET, plannedPath(moment.id), params)).status).toBe(404);
			expect((await api.delete(plannedItem.DELETE, plannedPath(moment.id), params)).status).toBe(404);
			expect(await rows('planned_moment')).toEqual([]);
		});

		it('lists open ones by start and closed ones newest first, and refuses a wrong state or limit', async () => {
			const els = await relationOf(anna, 'Els');
			const piet = await relationOf(anna, 'Piet');
			const plan = async (relationId: string, day: string, time: string) =>
				(await (await as(anna).post(plannedList.POST, '/api/v1/me/planned-moments', { relationId, day, time })).json()).id as string;
			const late = await plan(els.id, addDays(today, 3), '09:00');
			const early = await plan(piet.id, addDays(today, 1), '20:00');
			const earlier = await plan(els.id, addDays(today, 1), '08:00');
			const ids = async (query: string) =>
				((await (await as(anna).get(plannedList.GET, `/api/v1/me/planned-moments${query}`)).json()) as { items: PlannedBody[] }).items.map((m) => m.id);
			expect(await ids('')).toEqual([earlier, early, late]);
			expect(await ids(`?relationId=${els.id}`)).toEqual([earlier, late]);
			expect(await ids('?limit=2')).toEqual([earlier, early]);

			const older = await startedMoment(els.id, 3);
			const newer = await startedMoment(piet.id, 1);
			expect(await ids('')).toEqual([older, newer, earlier, early, late]);
			for (const id of [older, newer]) expect((await as(anna).post(outcome.POST, outcomePath(id), { happened: false }, { id })).status).toBe(200);
			expect(await ids('?state=closed')).toEqual([newer, older]);
			expect(await ids('')).toEqual([earlier, early, late]);

			for (const query of ['state=done', 'state=', 'limit=0', 'limit=1000', `relationId=${'x'.repeat(101)}`]) {
				const response = await as(anna).get(plannedList.GET, `/api/v1/me/planned-moments?${query}`);
				expect(response.status, query).toBe(422);
				expect(((await response.json()) as ProblemBody)['invalid-params']?.[0]?.name, query).toBe(query.split('=')[0]);
			}
		});

		it('turns a moment that happened into a contact moment on the planned day, once', async () => {
			const api = as(anna);
			const els = await relationOf(anna);
			const id = await startedMoment(els.id);
			const params = { id };
			const before: PlannedBody = await (await api.get(plannedItem.GET, plannedPath(id), params)).json();
			expect(before).toMatchObject({ started: true, closedAt: null, contactMomentId: null });

			const answered = await api.post(outcome.POST, outcomePath(id), { happened: true, feeling: 4 }, params);
			expect(answered.status).toBe(200);
			const closed: PlannedBody = await answered.json();
			expect(closed).toMatchObject({ id, closedAt: expect.any(String), contactMomentId: expect.any(String), started: true });
			const contact = await (await api.get(contactItem.GET, `/api/v1/me/contact-moments/${closed.contactMomentId}`, { id: closed.contactMomentId! })).json();
			expect(contact).toMatchObject({ relationId: els.id, kind: 'call', day: addDays(today, -3), feeling: 4, plannedMomentId: id });
			expect(await (await api.get(relationItem.GET, relationPath(els.id), { id: els.id })).json()).toMatchObject({ lastContactDay: addDays(today, -3) });
			expect(await (await api.get(plannedList.GET, '/api/v1/me/planned-moments')).json()).toEqual({ items: [] });
			expect(await (await api.get(plannedList.GET, '/api/v1/me/planned-moments?state=closed')).json()).toEqual({ items: [closed] });

			const settled = await allRows();
			const again = await api.post(outcome.POST, outcomePath(id), { happened: false }, params);
			expect(again.status).toBe(409);
			expect(again.headers.get('content-type')).toBe('application/problem+json');
			expect(((await again.json()) as ProblemBody).title).toBe('This planned moment has been answered already.');
			// History stays as it was, also with a body that would be fine for an open one.
			for (const body of [{ day: addDays(today, -3), time: '10:00' }, { day: addDays(today, 1), time: '10:00' }]) {
				const moved = await api.put(plannedItem.PUT, plannedPath(id), params, body);
				expect(moved.status).toBe(409);
				expect(((await moved.json()) as ProblemBody).title).toBe('This planned moment is closed.');
			}
			expect(await allRows()).toEqual(settled);

			// Deleting the contact does not reopen the question; deleting the plan keeps a contact that happened.
			expect((await api.delete(contactItem.DELETE, `/api/v1/me/contact-moments/${closed.contactMomentId}`, { id: closed.contactMomentId! })).status).toBe(204);
			expect(await (await api.get(plannedItem.GET, plannedPath(id), params)).json()).toMatchObject({ closedAt: closed.closedAt, contactMomentId: null });
			const second = await startedMoment(els.id);
			const secondContact = (await (await api.post(outcome.POST, outcomePath(second), { happened: true, feeling: 2 }, { id: second })).json()).contactMomentId;
			expect((await api.delete(plannedItem.DELETE, plannedPath(second), { id: second })).status).toBe(204);
			expect(await (await api.get(contactItem.GET, `/api/v1/me/contact-moments/${secondContact}`, { id: secondContact })).json()).toMatchObject({
				feeling: 2,
				plannedMomentId: null
			});
		});

		it('closes a moment that did not happen without a contact, and refuses one that has not started', async () => {
			const api = as(anna);
			const els = await relationOf(anna);
			const later = (
				await (await api.post(plannedList.POST, '/api/v1/me/planned-moments', { relationId: els.id, day: addDays(today, 1), time: '18:45' })).json()
			).id as string;
			const early = await api.post(outcome.POST, outcomePath(later), { happened: true, feeling: 5 }, { id: later });
			expect(early.status).toBe(409);
			expect(await early.json()).toMatchObject({
				title: 'This planned moment has not started yet.',
				detail: `It starts on ${addDays(today, 1)} at 18:45 (Europe/Amsterdam); say how it went from then on.`
			});
			expect(await (await api.get(plannedItem.GET, plannedPath(later), { id: later })).json()).toMatchObject({ closedAt: null, started: false });

			const id = await startedMoment(els.id);
			// A feeling belongs to a moment that happened: beside `happened: false` it is a field the body does not take.
			expect((await api.post(outcome.POST, outcomePath(id), { happened: false, feeling: 5 }, { id })).status).toBe(422);
			const answered = await api.post(outcome.POST, outcomePath(id), { happened: false }, { id });
			expect(answered.status).toBe(200);
			expect(await answered.json()).toMatchObject({ id, closedAt: expect.any(String), contactMomentId: null });
			expect(await rows('contact_moment')).toEqual([]);
			expect(await (await api.get(relationItem.GET, relationPath(els.id), { id: els.id })).json()).toMatchObject({ lastContactDay: null });
		});

		it('answers the same question sent twice at once only once', async () => {
			const els = await relationOf(anna);
			const id = await startedMoment(els.id);
			const answers = await Promise.all(
				[{ happened: true, feeling: 4 }, { happened: true, feeling: 2 }].map((body) => as(anna).post(outcome.POST, outcomePath(id), body, { id }))
			);
			expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
			expect(await rows('contact_moment')).toHaveLength(1);
		});

		it('refuses a relationId that is not one of the caller\'s with the same 422 as an unknown one, and makes nothing', async () => {
			const bens = await relationOf(ben, 'Bens vriend');
			const unknownId = crypto.randomUUID();
			const before = await allRows();
			const plan = (relationId: string) =>
				as(anna).post(plannedList.POST, '/api/v1/me/planned-moments', { relationId, day: addDays(today, 1), time: '10:00' });
			const theirs = await plan(bens.id);
			const unknown = await plan(unknownId);
			expect(theirs.status).toBe(422);
			const problem = (await theirs.json()) as ProblemBody;
			expect(problem['invalid-params']).toEqual([
				{ name: 'relationId', reason: 'must be the id of one of your relations (GET /api/v1/me/relations lists them)' }
			]);
			expect(await unknown.json()).toEqual(problem);

			const listTheirs = await as(anna).get(plannedList.GET, `/api/v1/me/planned-moments?relationId=${bens.id}`);
			const listUnknown = await as(anna).get(plannedList.GET, `/api/v1/me/planned-moments?relationId=${unknownId}`);
			expect(listTheirs.status).toBe(422);
			expect(await listTheirs.json()).toEqual(await listUnknown.json());
			expect(await allRows()).toEqual(before);
		});
	});

	it('stores names, notes and places only as ciphertext', async () => {
		const secret = (what: string) => `Geheim ${what} van Anna`;
		const api = as(anna);
		const relation = await (await api.post(relationList.POST, '/api/v1/me/relations', { nickname: 'Geheim Els', circle: 'intimate', note: secret('notitie') })).json();
		const plan = await (
			await api.post(plannedList.POST, '/api/v1/me/planned-moments', {
				relationId: relation.id,
				day: addDays(today, 1),
				time: '10:00',
				place: secret('plek'),
				note: secret('plan')
			})
		).json();
		// Replacing writes new ciphertext, never the words.
		await api.put(relationItem.PUT, relationPath(relation.id), { id: relation.id }, { nickname: 'Geheim Els', circle: 'friends', note: secret('nieuw') });
		await api.put(plannedItem.PUT, plannedPath(plan.id), { id: plan.id }, { day: addDays(today, 2), time: '11:00', place: secret('ander'), note: secret('later') });

		const stored = await allRows();
		expect(JSON.stringify(stored)).not.toContain('Geheim');
		const textColumns: Partial<Record<Table, string[]>> = { relation: ['nickname', 'note'], planned_moment: ['place', 'note'] };
		for (const [table, columns] of Object.entries(textColumns) as [Table, string[]][]) {
			expect(stored[table], table).toHaveLength(1);
			for (const column of columns) expect(stored[table][0]![column], `${table}.${column}`).toMatch(/^v1\.[\w-]+\./);
		}
		// And the API gives the words back.
		expect(await (await api.get(relationList.GET, '/api/v1/me/relations')).json()).toMatchObject({ items: [{ nickname: 'Geheim Els', note: secret('nieuw') }] });
		expect(await (await api.get(plannedItem.GET, plannedPath(plan.id), { id: plan.id })).json()).toMatchObject({ place: secret('ander'), note: secret('later') });
	});

	/** Anna's relation, a contact moment and an open planned moment that has started, with every route on an id. */
	async function annasEntries() {
		const els = await relationOf(anna);
		const contact: ContactBody = await (await as(anna).post(contactList.POST, contactsPath(els.id), { kind: 'call', feeling: 4 }, { id: els.id })).json();
		const planned = await startedMoment(els.id);
		return {
			relationId: els.id,
			contactId: contact.id,
			plannedId: planned,
			targets: [
				{ path: relationPath, id: els.id, route: relationItem, bodies: { PUT: { nickname: 'Van Ben', circle: 'community' } } },
				{ path: contactsPath, id: els.id, route: contactList, bodies: { POST: { kind: 'message', feeling: 1 } } },
				{ path: (id: string) => `/api/v1/me/contact-moments/${id}`, id: contact.id, route: contactItem, bodies: {} },
				{ path: plannedPath, id: planned, route: plannedItem, bodies: { PUT: { day: addDays(today, 1), time: '12:00' } } },
				{ path: outcomePath, id: planned, route: outcome, bodies: { POST: { happened: true, feeling: 1 } } }
			]
		};
	}

	it('answers another person with the same 404 as an unknown id, and changes nothing', async () => {
		const { targets } = await annasEntries();
		const before = await allRows();
		const unknownId = crypto.randomUUID();
		let calls = 0;
		for (const { path, id, route, bodies } of targets) {
			for (const method of Object.keys(route)) {
				const body = (bodies as Record<string, unknown>)[method];
				const handlerOf = (route as Record<string, unknown>)[method];
				const theirs = await send(handlerOf, method, { path: path(id), params: { id }, body, headers: ben.bearer });
				const unknown = await send(handlerOf, method, { path: path(unknownId), params: { id: unknownId }, body, headers: anna.bearer });
				const name = `${method} ${path('{id}')}`;
				expect(theirs.status, name).toBe(404);
				expect(theirs.headers.get('content-type')).toBe('application/problem+json');
				expect(await theirs.json(), name).toEqual(await unknown.json());
				calls += 1;
			}
		}
		expect(calls).toBe(11);
		expect(await allRows()).toEqual(before);
		// Ben's lists hold none of it.
		for (const list of [relationList, plannedList]) {
			const answer = await as(ben).get(list.GET, '/api/v1/me/x');
			expect(((await answer.json()) as { items: unknown[] }).items).toEqual([]);
		}
		expect(await (await as(ben).get(plannedList.GET, '/api/v1/me/planned-moments?state=closed')).json()).toEqual({ items: [] });
	});

	it('answers an anonymous caller 401 on every route and method', async () => {
		const id = crypto.randomUUID();
		const calls: [unknown, string, Call][] = [];
		for (const [route, path] of [
			[relationList, '/api/v1/me/relations'],
			[relationItem, relationPath(id)],
			[contactList, contactsPath(id)],
			[contactItem, `/api/v1/me/contact-moments/${id}`],
			[plannedList, '/api/v1/me/planned-moments'],
			[plannedItem, plannedPath(id)],
			[outcome, outcomePath(id)]
		] as const) {
			for (const [method, handlerOf] of Object.entries(route)) {
				calls.push([handlerOf, method, { path, params: { id }, body: ['POST', 'PUT'].includes(method) ? {} : undefined }]);
			}
		}
		expect(calls).toHaveLength(15);
		for (const [route, method, call] of calls) {
			const response = await send(route, method, call);
			expect(response.status, `${method} ${call.path}`).toBe(401);
			expect(response.headers.get('content-type')).toBe('application/problem+json');
			expect(response.headers.get('www-authenticate')).toBe('Bearer');
		}
	});

	it('refuses a change by session cookie that another site starts', async () => {
		const signedIn = await current.auth!.api.signInEmail({ body: { email: 'anna@example.nl', password }, asResponse: true });
		const cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
		const body = { nickname: 'Els', circle: 'friends' };
		const crossSite = await send(relationList.POST, 'POST', { path: '/api/v1/me/relations', body, headers: { cookie, 'sec-fetch-site': 'cross-site' } });
		expect(crossSite.status).toBe(403);
		expect(await rows('relation')).toEqual([]);
		const ownPage = await send(relationList.POST, 'POST', { path: '/api/v1/me/relations', body, headers: { cookie, 'sec-fetch-site': 'same-origin' } });
		expect(ownPage.status).toBe(201);
	});

	describe('bad input', () => {
		/** Every endpoint that reads a body, on Anna's own rows where it takes an id. */
		async function writers() {
			const { relationId, plannedId } = await annasEntries();
			const item = (route: unknown, method: string, path: string, id: string) => ({ route, method, path, params: { id } });
			return {
				relationCreate: item(relationList.POST, 'POST', '/api/v1/me/relations', ''),
				relationPut: item(relationItem.PUT, 'PUT', relationPath(relationId), relationId),
				contactCreate: item(contactList.POST, 'POST', contactsPath(relationId), relationId),
				plannedCreate: item(plannedList.POST, 'POST', '/api/v1/me/planned-moments', ''),
				plannedPut: item(plannedItem.PUT, 'PUT', plannedPath(plannedId), plannedId),
				outcome: item(outcome.POST, 'POST', outcomePath(plannedId), plannedId),
				relationId
			};
		}

		it('answers 415, 400 and 413 for a body that is not JSON, not valid JSON or too large, and changes nothing', async () => {
			const { relationId: _relationId, ...endpoints } = await writers();
			const before = await allRows();
			for (const { route, method, path, params } of Object.values(endpoints)) {
				const name = `${method} ${path}`;
				const plain = await send(route, method, { path, params, raw: '{"feeling":3}', headers: { ...anna.bearer, 'content-type': 'text/plain' } });
				expect(plain.status, name).toBe(415);
				const broken = await send(route, method, { path, params, raw: '{"feeling":3', headers: anna.bearer });
				expect(broken.status, name).toBe(400);
				const large = await send(route, method, { path, params, body: { note: 'x'.repeat(17 * 1024) }, headers: anna.bearer });
				expect(large.status, name).toBe(413);
				for (const response of [plain, broken, large]) expect(response.headers.get('content-type')).toBe('application/problem+json');
			}
			expect(await allRows()).toEqual(before);
		});

		// Wrong shapes and types, field by field: a missing key is `absent`.
		const absent = Symbol('absent');
		type Field = fc.Arbitrary<unknown>;
		const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }));
		const whitespace = fc.array(fc.constantFrom(' ', '\t', '\n'), { maxLength: 5 }).map((chars) => chars.join(''));
		const blank = (value: unknown) => typeof value === 'string' && value.trim() === '';
		const tooLong = (max: number) => fc.integer({ min: max + 1, max: max + 40 }).map((n) => 'x'.repeat(n));
		const requiredText = (max: number): Field => fc.oneof(fc.constant(absent), fc.constant(null), notAString, whitespace, tooLong(max));
		const optionalText = (max: number): Field => fc.oneof(notAString, tooLong(max));
		/** Not one of `values`; `blankIsMissing`: an empty text counts as left out (a default applies), so it is no mistake. */
		const notOneOf = (values: readonly string[], blankIsMissing = false): Field =>
			fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 12 }).filter((s) => !values.includes(s) && !(blankIsMissing && blank(s))));
		const isWhole = (value: unknown, min: number, max: number) => {
			const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
			return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
		};
		const notWholeIn = (min: number, max: number): Field =>
			fc.oneof(
				fc.integer({ max: min - 1 }),
				fc.integer({ min: max + 1 }),
				fc.double({ noNaN: true, noDefaultInfinity: true, min, max }).filter((n) => !Number.isInteger(n)),
				fc.string({ maxLength: 6 }).filter((s) => !isWhole(s, min, max)),
				fc.boolean(),
				fc.array(fc.integer({ min, max }), { maxLength: 2 }),
				fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 2 })
			);
		const requiredWhole = (min: number, max: number): Field => fc.oneof(fc.constant(absent), fc.constant(null), notWholeIn(min, max));
		const notAnObject = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.array(fc.jsonValue(), { maxLength: 3 }));
		const notADay = fc.oneof(
			fc.constant(null),
			fc.integer(),
			fc.constantFrom('2026-02-30', '2026-5-1', '01-05-2026', 'morgen', '2026-13-01'),
			fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) && !blank(s))
		);
		const notATime = fc.oneof(
			fc.constant(absent),
			fc.constant(null),
			fc.integer(),
			fc.constantFrom('24:00', '7:30', '19:60', '1930', '19.30', ''),
			fc.string({ maxLength: 8 }).filter((s) => !/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(s.trim()))
		);

		/** A body with at least one wrong field (the others right or left out), or no object at all. */
		function invalidBodies(fields: Record<string, { wrong: Field; right: Field }>): fc.Arbitrary<unknown> {
			const names = Object.keys(fields);
			const objects = fc
				.tuple(
					fc.subarray(names, { minLength: 1 }),
					fc.record(Object.fromEntries(names.map((n) => [n, fields[n]!.wrong]))),
					fc.record(Object.fromEntries(names.map((n) => [n, fields[n]!.right])))
				)
				.map(([wrongNames, wrong, right]) => {
					const body: Record<string, unknown> = {};
					for (const name of names) {
						const value = wrongNames.includes(name) ? wrong[name] : right[name];
						if (value !== absent) body[name] = value;
					}
					return body;
				});
			return fc.oneof({ arbitrary: objects, weight: 4 }, { arbitrary: notAnObject, weight: 1 });
		}

		const optional = (value: Field) => fc.oneof(fc.constant(absent), fc.constant(null), value);
		const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');
		const relationBodies = invalidBodies({
			nickname: { wrong: requiredText(40), right: text },
			circle: { wrong: fc.oneof(fc.constant(absent), fc.constant(null), notOneOf(contactCircles)), right: fc.constantFrom(...contactCircles) },
			brings: {
				wrong: fc.oneof(
					fc.integer(),
					fc.boolean(),
					fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 2 }),
					fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !(contactBrings as readonly string[]).includes(s)),
					fc.array(fc.oneof(fc.integer(), fc.string().filter((s) => !(contactBrings as readonly string[]).includes(s))), { minLength: 1, maxLength: 3 })
				),
				right: optional(fc.subarray([...contactBrings]))
			},
			// null, like leaving it out, means no goal.
			rhythm: { wrong: notOneOf(contactRhythms, true), right: fc.oneof(fc.constant(absent), fc.constant(null), fc.constantFrom(...contactRhythms)) },
			note: { wrong: optionalText(1000), right: optional(text) }
		});
		const contactBodies = invalidBodies({
			kind: { wrong: fc.oneof(fc.constant(absent), fc.constant(null), notOneOf(contactKinds)), right: fc.constantFrom(...contactKinds) },
			day: {
				wrong: fc.oneof(notADay.filter((v) => v !== null), fc.integer({ min: 1, max: 400 }).map((n) => addDays(localDay(), n))),
				right: fc.oneof(fc.constant(absent), fc.constant(null), fc.integer({ min: 0, max: 400 }).map((n) => addDays(localDay(), -n)))
			},
			feeling: { wrong: requiredWhole(1, 5), right: fc.integer({ min: 1, max: 5 }) }
		});
		const plannedFields = {
			kind: { wrong: notOneOf(contactKinds, true), right: fc.oneof(fc.constant(absent), fc.constant(null), fc.constantFrom(...contactKinds)) },
			day: {
				wrong: fc.oneof(fc.constant(absent), notADay, fc.integer({ min: 1, max: 400 }).map((n) => addDays(localDay(), -n))),
				right: fc.integer({ min: 1, max: 400 }).map((n) => addDays(localDay(), n))
			},
			time: { wrong: notATime, right: fc.constantFrom('00:00', '09:30', '23:59') },
			place: { wrong: optionalText(80), right: optional(text) },
			note: { wrong: optionalText(1000), right: optional(text) }
		};
		const plannedChangeBodies = invalidBodies(plannedFields);
		const plannedBodies = (relationId: string) =>
			invalidBodies({
				...plannedFields,
				relationId: { wrong: fc.oneof(fc.constant(absent), fc.constant(null), fc.integer(), fc.constant(''), tooLong(100), fc.array(fc.constant(relationId), { maxLength: 2 })), right: fc.constant(relationId) }
			});
		const outcomeBodies = fc.oneof(
			notAnObject,
			fc.record({ happened: fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.boolean(), { maxLength: 2 })), feeling: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: [] }),
			fc.record({ happened: fc.constant(true), feeling: requiredWhole(1, 5) }).map(({ happened, feeling }) => (feeling === absent ? { happened } : { happened, feeling }))
		);

		it('answers any wrongly shaped body with a 422 in words, and changes no row and no ciphertext', async () => {
			const w = await writers();
			const cases: [Exclude<keyof typeof w, 'relationId'>, fc.Arbitrary<unknown>][] = [
				['relationCreate', relationBodies],
				['relationPut', relationBodies],
				['contactCreate', contactBodies],
				['plannedCreate', plannedBodies(w.relationId)],
				['plannedPut', plannedChangeBodies],
				['outcome', outcomeBodies]
			];
			const before = await allRows();
			for (const [name, bodies] of cases) {
				const { route, method, path, params } = w[name];
				await fc.assert(
					fc.asyncProperty(bodies, async (body) => {
						const response = await send(route, method, { path, params, body, headers: anna.bearer });
						expect(response.status, `${name} ${JSON.stringify(body)}`).toBe(422);
						expect(response.headers.get('content-type')).toBe('application/problem+json');
						const problem = (await response.json()) as ProblemBody;
						expect(problem['invalid-params']?.length).toBeGreaterThan(0);
						// Reasons are words for a person writing a client, never the schemas' message ids.
						for (const { reason } of problem['invalid-params']!) expect(reason, `${name} ${JSON.stringify(body)}`).toMatch(/^must /);
					}),
					{ numRuns: 60 }
				);
			}
			expect(await allRows()).toEqual(before);
		});
	});
});
