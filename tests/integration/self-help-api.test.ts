/**
 * The personal API for a person's own self-help entries (journal, thought checks, kind moments, step plans), through
 * the route files themselves on a real database, on both databases: create, list and page, read, replace, mark
 * "bespreek dit", delete. Another person gets the same 404 as for an unknown id; an anonymous caller gets 401; bad
 * input of any shape gets a problem answer and changes nothing; free text is stored only as ciphertext.
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
import { createJournalEntry } from '$lib/features/journal/journal.server';
import { createThoughtRecord } from '$lib/features/journal/thought-records.server';
import { noteKindMoment } from '$lib/features/journal/kind-moments.server';
import * as journalList from '../../src/routes/api/v1/me/journal/+server';
import * as journalItem from '../../src/routes/api/v1/me/journal/[id]/+server';
import * as thoughtList from '../../src/routes/api/v1/me/thought-checks/+server';
import * as thoughtItem from '../../src/routes/api/v1/me/thought-checks/[id]/+server';
import * as kindList from '../../src/routes/api/v1/me/kind-moments/+server';
import * as kindItem from '../../src/routes/api/v1/me/kind-moments/[id]/+server';
import * as stepList from '../../src/routes/api/v1/me/step-plans/+server';
import * as stepItem from '../../src/routes/api/v1/me/step-plans/[id]/+server';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';

// A data key of this file's own, from the environment, so no key file is read or written (see crypto/keyring.js).
const current = vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-self-help-api-no-key-file-${Date.now()}`);
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
const crisisSentence = 'Soms wil ik dood, dan zie ik het niet meer zitten.';
const tables = ['journal_entry', 'thought_record', 'kind_moment', 'step_plan'] as const;
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

describe.each(testDatabases())('the self-help API on $name', (target) => {
	let handle: DatabaseHandle;
	let anna: { account: SignedInAccount; bearer: Record<string, string> };
	let ben: { account: SignedInAccount; bearer: Record<string, string> };

	beforeEach(async () => {
		handle = await target.open();
		current.db = handle.db;
		current.auth = testAuth(handle);
		anna = await person('anna@example.nl');
		ben = await person('ben@example.nl');
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

	/** Calls as Anna (by API token) unless other headers are given. */
	const as = (who: { bearer: Record<string, string> }) => ({
		get: (route: unknown, path: string, params?: Record<string, string>) => send(route, 'GET', { path, params, headers: who.bearer }),
		post: (route: unknown, path: string, body: unknown) => send(route, 'POST', { path, body, headers: who.bearer }),
		put: (route: unknown, path: string, params: Record<string, string>, body: unknown) => send(route, 'PUT', { path, params, body, headers: who.bearer }),
		patch: (route: unknown, path: string, params: Record<string, string>, body: unknown) =>
			send(route, 'PATCH', { path, params, body, headers: who.bearer }),
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

	describe('journal', () => {
		it('creates, lists, reads, replaces, marks to discuss and deletes an entry', async () => {
			const api = as(anna);
			const created = await api.post(journalList.POST, '/api/v1/me/journal', { mood: 4, body: '  Met de buurvrouw gepraat. ', wentWell: '' });
			expect(created.status).toBe(201);
			const entry = await created.json();
			expect(entry).toMatchObject({ mood: 4, body: 'Met de buurvrouw gepraat.', wentWell: null, discuss: false, crisis: false });
			expect(entry.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);

			const list = await api.get(journalList.GET, '/api/v1/me/journal');
			expect(list.status).toBe(200);
			const { crisis: _crisis, ...stored } = entry;
			expect(await list.json()).toEqual({ items: [stored], next: null });

			const params = { id: entry.id };
			const one = await api.get(journalItem.GET, `/api/v1/me/journal/${entry.id}`, params);
			expect(await one.json()).toEqual(stored);

			const replaced = await api.put(journalItem.PUT, `/api/v1/me/journal/${entry.id}`, params, { mood: 1, body: crisisSentence });
			expect(replaced.status).toBe(200);
			expect(await replaced.json()).toMatchObject({ id: entry.id, mood: 1, body: crisisSentence, wentWell: null, crisis: true });

			const marked = await api.patch(journalItem.PATCH, `/api/v1/me/journal/${entry.id}`, params, { discuss: true });
			expect(marked.status).toBe(200);
			expect(await marked.json()).toMatchObject({ id: entry.id, discuss: true, body: crisisSentence });
			expect((await rows('journal_entry'))[0]!.discuss).toBe(1);
			const unmarked = await api.patch(journalItem.PATCH, `/api/v1/me/journal/${entry.id}`, params, { discuss: false });
			expect(await unmarked.json()).toMatchObject({ discuss: false });
			expect((await rows('journal_entry'))[0]!.discuss).toBe(0);

			const deleted = await api.delete(journalItem.DELETE, `/api/v1/me/journal/${entry.id}`, params);
			expect(deleted.status).toBe(204);
			expect(await deleted.text()).toBe('');
			expect((await api.get(journalItem.GET, `/api/v1/me/journal/${entry.id}`, params)).status).toBe(404);
			expect((await api.delete(journalItem.DELETE, `/api/v1/me/journal/${entry.id}`, params)).status).toBe(404);
			expect(await rows('journal_entry')).toEqual([]);
		});

		it('says so when a new entry holds a crisis signal, and saves it all the same', async () => {
			const created = await as(anna).post(journalList.POST, '/api/v1/me/journal', { mood: 1, wentWell: crisisSentence });
			expect(created.status).toBe(201);
			expect(await created.json()).toMatchObject({ crisis: true, wentWell: crisisSentence });
			expect(await rows('journal_entry')).toHaveLength(1);
		});

		it('pages newest first, and never skips entries of the same instant', async () => {
			const at = (iso: string) => new Date(iso);
			const input = { mood: 3, body: null, wentWell: null };
			const made: string[] = [];
			for (const when of ['2026-03-01T10:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-03T10:00:00.000Z']) {
				made.push((await createJournalEntry(handle.db, { actor: anna.account, input, now: at(when) })).id);
			}
			await createJournalEntry(handle.db, { actor: ben.account, input, now: at('2026-03-02T12:00:00.000Z') });

			const seen: { id: string; createdAt: string }[] = [];
			const pages: number[] = [];
			let before: string | null = null;
			for (let page = 0; page < 5; page += 1) {
				const query: string = before ? `?limit=2&before=${encodeURIComponent(before)}` : '?limit=2';
				const response = await as(anna).get(journalList.GET, `/api/v1/me/journal${query}`);
				expect(response.status).toBe(200);
				const body = (await response.json()) as { items: { id: string; createdAt: string }[]; next: string | null };
				seen.push(...body.items);
				pages.push(body.items.length);
				before = body.next;
				if (!before) break;
			}
			expect(pages).toEqual([2, 2]);
			expect(seen.map((e) => e.createdAt.slice(0, 10))).toEqual(['2026-03-03', '2026-03-02', '2026-03-02', '2026-03-01']);
			expect(new Set(seen.map((e) => e.id))).toEqual(new Set(made));

			// A bare instant in another spelling works as a cursor: entries strictly before it.
			const bare = await as(anna).get(journalList.GET, '/api/v1/me/journal?before=2026-03-02T11:00:00%2B01:00');
			expect(((await bare.json()) as { items: { createdAt: string }[] }).items.map((e) => e.createdAt)).toEqual(['2026-03-01T10:00:00.000Z']);
		});

		it('refuses a wrong limit or cursor with a 422 that names it', async () => {
			for (const query of ['limit=0', 'limit=101', 'limit=abc', 'limit=-1', 'before=gisteren', 'before=2026-02-30T10:00:00Z', 'before=1700000000']) {
				const response = await as(anna).get(journalList.GET, `/api/v1/me/journal?${query}`);
				expect(response.status, query).toBe(422);
				expect(response.headers.get('content-type')).toBe('application/problem+json');
				const problem = (await response.json()) as ProblemBody;
				expect(problem['invalid-params']?.[0]?.name, query).toBe(query.split('=')[0]);
			}
		});
	});

	describe('thought checks', () => {
		const check = { situation: 'Niemand reageerde in de groep.', thought: 'Ze vinden me niet leuk.', beliefBefore: 80 };

		it('creates, lists, reads, replaces, marks to discuss and deletes a thought check', async () => {
			const api = as(anna);
			const created = await api.post(thoughtList.POST, '/api/v1/me/thought-checks', { ...check, factsAgainst: 'Els vroeg hoe het ging.' });
			expect(created.status).toBe(201);
			const record = await created.json();
			expect(record).toMatchObject({
				...check,
				factsFor: null,
				factsAgainst: 'Els vroeg hoe het ging.',
				alternative: null,
				beliefAfter: null,
				smallAction: null,
				discuss: false,
				crisis: false
			});
			const { crisis: _crisis, ...stored } = record;
			expect(await (await api.get(thoughtList.GET, '/api/v1/me/thought-checks')).json()).toEqual({ items: [stored], next: null });
			const params = { id: record.id };
			const path = `/api/v1/me/thought-checks/${record.id}`;
			expect(await (await api.get(thoughtItem.GET, path, params)).json()).toEqual(stored);

			const replaced = await api.put(thoughtItem.PUT, path, params, { ...check, thought: crisisSentence, beliefAfter: 20, smallAction: 'Els bellen.' });
			expect(replaced.status).toBe(200);
			expect(await replaced.json()).toMatchObject({ thought: crisisSentence, factsAgainst: null, beliefAfter: 20, smallAction: 'Els bellen.', crisis: true });

			expect(await (await api.patch(thoughtItem.PATCH, path, params, { discuss: true })).json()).toMatchObject({ discuss: true });
			expect((await rows('thought_record'))[0]!.discuss).toBe(1);
			expect(await (await api.patch(thoughtItem.PATCH, path, params, { discuss: false })).json()).toMatchObject({ discuss: false });
			expect((await rows('thought_record'))[0]!.discuss).toBe(0);

			expect((await api.delete(thoughtItem.DELETE, path, params)).status).toBe(204);
			expect((await api.get(thoughtItem.GET, path, params)).status).toBe(404);
			expect(await rows('thought_record')).toEqual([]);
		});

		it('pages newest first', async () => {
			for (const day of ['01', '02', '03']) {
				await createThoughtRecord(handle.db, {
					actor: anna.account,
					input: { ...check, factsFor: null, factsAgainst: null, alternative: null, beliefAfter: null, smallAction: null },
					now: new Date(`2026-03-${day}T10:00:00.000Z`)
				});
			}
			const first = await (await as(anna).get(thoughtList.GET, '/api/v1/me/thought-checks?limit=2')).json();
			expect(first.items.map((r: { day: string }) => r.day)).toEqual(['2026-03-03', '2026-03-02']);
			expect(first.next).toMatch(/^2026-03-02T10:00:00\.000Z\|[0-9a-f-]{36}$/);
			const rest = await (await as(anna).get(thoughtList.GET, `/api/v1/me/thought-checks?limit=2&before=${first.next}`)).json();
			expect(rest.items.map((r: { day: string }) => r.day)).toEqual(['2026-03-01']);
			expect(rest.next).toBeNull();
		});
	});

	describe('kind moments', () => {
		it('notes, lists, reads, replaces and deletes a kind moment', async () => {
			const api = as(anna);
			const created = await api.post(kindList.POST, '/api/v1/me/kind-moments', { body: 'De buurman hield de deur open.' });
			expect(created.status).toBe(201);
			const moment = await created.json();
			expect(moment).toMatchObject({ body: 'De buurman hield de deur open.', crisis: false });
			const { crisis: _crisis, ...stored } = moment;
			expect(await (await api.get(kindList.GET, '/api/v1/me/kind-moments')).json()).toEqual({ items: [stored], next: null });
			const params = { id: moment.id };
			const path = `/api/v1/me/kind-moments/${moment.id}`;
			expect(await (await api.get(kindItem.GET, path, params)).json()).toEqual(stored);

			const replaced = await api.put(kindItem.PUT, path, params, { body: `Een vriendin belde. ${crisisSentence}` });
			expect(replaced.status).toBe(200);
			expect(await replaced.json()).toMatchObject({ id: moment.id, day: moment.day, body: `Een vriendin belde. ${crisisSentence}`, crisis: true });

			expect((await api.delete(kindItem.DELETE, path, params)).status).toBe(204);
			expect((await api.get(kindItem.GET, path, params)).status).toBe(404);
		});

		it('pages newest first', async () => {
			for (const day of ['01', '02', '03']) {
				await noteKindMoment(handle.db, { actor: anna.account, input: { body: `dag ${day}` }, now: new Date(`2026-03-${day}T10:00:00.000Z`) });
			}
			const first = await (await as(anna).get(kindList.GET, '/api/v1/me/kind-moments?limit=1')).json();
			expect(first).toMatchObject({ items: [{ body: 'dag 03' }], next: expect.stringMatching(/^2026-03-03T10:00:00\.000Z\|/) });
			const second = await (await as(anna).get(kindList.GET, `/api/v1/me/kind-moments?limit=1&before=${first.next}`)).json();
			expect(second).toMatchObject({ items: [{ body: 'dag 02' }] });
			const all = await (await as(anna).get(kindList.GET, '/api/v1/me/kind-moments')).json();
			expect(all.items.map((m: { body: string }) => m.body)).toEqual(['dag 03', 'dag 02', 'dag 01']);
		});
	});

	describe('step plans', () => {
		it('plans a step, lists it, marks it done with how it went, and deletes it', async () => {
			const api = as(anna);
			const created = await api.post(stepList.POST, '/api/v1/me/step-plans', { stepId: 'ask-for-a-tip', plannedDay: '2030-05-01' });
			expect(created.status).toBe(201);
			const plan = await created.json();
			expect(plan).toEqual({ id: expect.any(String), stepId: 'ask-for-a-tip', plannedDay: '2030-05-01', doneAt: null, howItWent: null, note: null });
			expect(await (await api.get(stepList.GET, '/api/v1/me/step-plans')).json()).toEqual({ items: [plan] });
			const params = { id: plan.id };
			const path = `/api/v1/me/step-plans/${plan.id}`;
			expect(await (await api.get(stepItem.GET, path, params)).json()).toEqual(plan);

			const done = await api.patch(stepItem.PATCH, path, params, { howItWent: 4, note: 'Ze gaf een goede tip.' });
			expect(done.status).toBe(200);
			expect(await done.json()).toMatchObject({ howItWent: 4, note: 'Ze gaf een goede tip.', doneAt: expect.any(String), crisis: false });
			const again = await api.patch(stepItem.PATCH, path, params, { howItWent: 1, note: crisisSentence });
			expect(await again.json()).toMatchObject({ howItWent: 1, crisis: true });

			expect((await api.delete(stepItem.DELETE, path, params)).status).toBe(204);
			expect((await api.get(stepItem.GET, path, params)).status).toBe(404);
		});

		it('refuses a step that is not in the library, and a wrong limit', async () => {
			const unknown = await as(anna).post(stepList.POST, '/api/v1/me/step-plans', { stepId: 'fly-to-the-moon', plannedDay: '2030-05-01' });
			expect(unknown.status).toBe(422);
			expect(((await unknown.json()) as ProblemBody)['invalid-params']).toEqual([
				{ name: 'stepId', reason: 'must be the id of a small step in the library, e.g. "ask-for-a-tip"' }
			]);
			expect(await rows('step_plan')).toEqual([]);
			expect((await as(anna).get(stepList.GET, '/api/v1/me/step-plans?limit=500')).status).toBe(422);
		});
	});

	it('stores free text only as ciphertext', async () => {
		const secret = (what: string) => `Geheim ${what} van Anna`;
		const api = as(anna);
		await api.post(journalList.POST, '/api/v1/me/journal', { mood: 3, body: secret('dagboek'), wentWell: secret('goed') });
		const thought = await api.post(thoughtList.POST, '/api/v1/me/thought-checks', {
			situation: secret('situatie'),
			thought: secret('gedachte'),
			beliefBefore: 50,
			factsFor: secret('voor'),
			factsAgainst: secret('tegen'),
			alternative: secret('anders'),
			smallAction: secret('actie')
		});
		expect(thought.status).toBe(201);
		await api.post(kindList.POST, '/api/v1/me/kind-moments', { body: secret('moment') });
		const plan = await (await api.post(stepList.POST, '/api/v1/me/step-plans', { stepId: 'ask-for-a-tip', plannedDay: '2030-05-01' })).json();
		await api.patch(stepItem.PATCH, `/api/v1/me/step-plans/${plan.id}`, { id: plan.id }, { howItWent: 3, note: secret('notitie') });

		const stored = await allRows();
		expect(JSON.stringify(stored)).not.toContain('Geheim');
		const textColumns: Record<Table, string[]> = {
			journal_entry: ['body', 'went_well'],
			thought_record: ['situation', 'thought', 'facts_for', 'facts_against', 'alternative', 'small_action'],
			kind_moment: ['body'],
			step_plan: ['note']
		};
		for (const table of tables) {
			expect(stored[table], table).toHaveLength(1);
			for (const column of textColumns[table]) expect(stored[table][0]![column], `${table}.${column}`).toMatch(/^v1\.[\w-]+\./);
		}
		// And the API gives the words back.
		const journal = await (await api.get(journalList.GET, '/api/v1/me/journal')).json();
		expect(journal.items[0]).toMatchObject({ body: secret('dagboek'), wentWell: secret('goed') });
	});

	/** One of each of Anna's entries, made through the API, with every id route and a valid body for each method. */
	async function annasEntries() {
		const api = as(anna);
		const journal = await (await api.post(journalList.POST, '/api/v1/me/journal', { mood: 3, body: 'Van Anna' })).json();
		const thought = await (
			await api.post(thoughtList.POST, '/api/v1/me/thought-checks', { situation: 'Thuis', thought: 'Van Anna', beliefBefore: 60 })
		).json();
		const kind = await (await api.post(kindList.POST, '/api/v1/me/kind-moments', { body: 'Van Anna' })).json();
		const step = await (await api.post(stepList.POST, '/api/v1/me/step-plans', { stepId: 'ask-for-a-tip', plannedDay: '2030-05-01' })).json();
		return [
			{ base: '/api/v1/me/journal', id: journal.id as string, route: journalItem, bodies: { PUT: { mood: 5 }, PATCH: { discuss: true } } },
			{
				base: '/api/v1/me/thought-checks',
				id: thought.id as string,
				route: thoughtItem,
				bodies: { PUT: { situation: 'Buiten', thought: 'Van Ben', beliefBefore: 1 }, PATCH: { discuss: true } }
			},
			{ base: '/api/v1/me/kind-moments', id: kind.id as string, route: kindItem, bodies: { PUT: { body: 'Van Ben' } } },
			{ base: '/api/v1/me/step-plans', id: step.id as string, route: stepItem, bodies: { PATCH: { howItWent: 2 } } }
		];
	}

	it('answers another person with the same 404 as an unknown id, and changes nothing', async () => {
		const targets = await annasEntries();
		const before = await allRows();
		const unknownId = crypto.randomUUID();
		for (const { base, id, route, bodies } of targets) {
			const methods = ['GET', 'DELETE', ...Object.keys(bodies)] as const;
			for (const method of methods) {
				const body = (bodies as Record<string, unknown>)[method];
				const handlerOf = (route as Record<string, unknown>)[method];
				const theirs = await send(handlerOf, method, { path: `${base}/${id}`, params: { id }, body, headers: ben.bearer });
				const unknown = await send(handlerOf, method, { path: `${base}/${unknownId}`, params: { id: unknownId }, body, headers: anna.bearer });
				expect(theirs.status, `${method} ${base}`).toBe(404);
				expect(theirs.headers.get('content-type')).toBe('application/problem+json');
				expect(await theirs.json(), `${method} ${base}`).toEqual(await unknown.json());
			}
		}
		expect(await allRows()).toEqual(before);
		// Ben's lists hold none of it.
		for (const list of [journalList, thoughtList, kindList, stepList]) {
			const answer = await as(ben).get(list.GET, '/api/v1/me/x');
			expect(((await answer.json()) as { items: unknown[] }).items).toEqual([]);
		}
	});

	it('answers an anonymous caller 401 on every route and method', async () => {
		const id = crypto.randomUUID();
		const calls: [unknown, string, Call][] = [];
		for (const [list, item, base] of [
			[journalList, journalItem, '/api/v1/me/journal'],
			[thoughtList, thoughtItem, '/api/v1/me/thought-checks'],
			[kindList, kindItem, '/api/v1/me/kind-moments'],
			[stepList, stepItem, '/api/v1/me/step-plans']
		] as const) {
			for (const [method, route] of Object.entries(list)) calls.push([route, method, { path: base, body: method === 'GET' ? undefined : {} }]);
			for (const [method, route] of Object.entries(item)) {
				calls.push([route, method, { path: `${base}/${id}`, params: { id }, body: ['PUT', 'PATCH'].includes(method) ? {} : undefined }]);
			}
		}
		expect(calls).toHaveLength(22);
		for (const [route, method, call] of calls) {
			const response = await send(route, method, call);
			expect(response.status, `${method} ${call.path}`).toBe(401);
			expect(response.headers.get('content-type')).toBe('application/problem+json');
			expect(response.headers.get('www-authenticate')).toBe('Bearer');
		}
	});

	it('refuses a change by session cookie that another site starts', async () => {
		const auth = current.auth!;
		const signedIn = await auth.api.signInEmail({ body: { email: 'anna@example.nl', password }, asResponse: true });
		const cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
		const crossSite = await send(journalList.POST, 'POST', { path: '/api/v1/me/journal', body: { mood: 3 }, headers: { cookie, 'sec-fetch-site': 'cross-site' } });
		expect(crossSite.status).toBe(403);
		expect(await rows('journal_entry')).toEqual([]);
		const ownPage = await send(journalList.POST, 'POST', { path: '/api/v1/me/journal', body: { mood: 3 }, headers: { cookie, 'sec-fetch-site': 'same-origin' } });
		expect(ownPage.status).toBe(201);
	});

	describe('bad input', () => {
		/** Every endpoint that reads a body, with a path for Anna's existing row where it has one. */
		async function writers() {
			const targets = await annasEntries();
			const byBase = Object.fromEntries(targets.map((t) => [t.base, t]));
			const item = (base: string, method: 'PUT' | 'PATCH') => {
				const t = byBase[base]!;
				return { route: (t.route as Record<string, unknown>)[method], method, path: `${t.base}/${t.id}`, params: { id: t.id } };
			};
			return {
				journalCreate: { route: journalList.POST, method: 'POST', path: '/api/v1/me/journal', params: {} },
				journalPut: item('/api/v1/me/journal', 'PUT'),
				journalDiscuss: item('/api/v1/me/journal', 'PATCH'),
				thoughtCreate: { route: thoughtList.POST, method: 'POST', path: '/api/v1/me/thought-checks', params: {} },
				thoughtPut: item('/api/v1/me/thought-checks', 'PUT'),
				thoughtDiscuss: item('/api/v1/me/thought-checks', 'PATCH'),
				kindCreate: { route: kindList.POST, method: 'POST', path: '/api/v1/me/kind-moments', params: {} },
				kindPut: item('/api/v1/me/kind-moments', 'PUT'),
				stepCreate: { route: stepList.POST, method: 'POST', path: '/api/v1/me/step-plans', params: {} },
				stepDone: item('/api/v1/me/step-plans', 'PATCH')
			};
		}

		it('answers 415, 400 and 413 for a body that is not JSON, not valid JSON or too large, and changes nothing', async () => {
			const endpoints = Object.values(await writers());
			const before = await allRows();
			for (const { route, method, path, params } of endpoints) {
				const name = `${method} ${path}`;
				const plain = await send(route, method, { path, params, raw: '{"mood":3}', headers: { ...anna.bearer, 'content-type': 'text/plain' } });
				expect(plain.status, name).toBe(415);
				const broken = await send(route, method, { path, params, raw: '{"mood":3', headers: anna.bearer });
				expect(broken.status, name).toBe(400);
				const large = await send(route, method, { path, params, body: { body: 'x'.repeat(17 * 1024) }, headers: anna.bearer });
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
		const tooLong = (max: number) => fc.integer({ min: max + 1, max: max + 40 }).map((n) => 'x'.repeat(n));
		const requiredText = (max: number): Field => fc.oneof(fc.constant(absent), fc.constant(null), notAString, whitespace, tooLong(max));
		const optionalText = (max: number): Field => fc.oneof(notAString, tooLong(max));
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

		/** A body with at least one wrong field (the others right or left out), or no object at all. */
		function invalidBodies(fields: Record<string, { wrong: Field; right: Field }>): fc.Arbitrary<unknown> {
			const names = Object.keys(fields);
			const objects = fc
				.tuple(fc.subarray(names, { minLength: 1 }), fc.record(Object.fromEntries(names.map((n) => [n, fields[n]!.wrong]))), fc.record(Object.fromEntries(names.map((n) => [n, fields[n]!.right]))))
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
		const journalBodies = invalidBodies({
			mood: { wrong: requiredWhole(1, 5), right: fc.integer({ min: 1, max: 5 }) },
			body: { wrong: optionalText(5000), right: optional(text) },
			wentWell: { wrong: optionalText(1000), right: optional(text) }
		});
		const thoughtBodies = invalidBodies({
			situation: { wrong: requiredText(2000), right: text },
			thought: { wrong: requiredText(2000), right: text },
			beliefBefore: { wrong: requiredWhole(0, 100), right: fc.integer({ min: 0, max: 100 }) },
			factsFor: { wrong: optionalText(2000), right: optional(text) },
			// An empty string is how a form leaves it out, so it is no mistake.
			beliefAfter: { wrong: notWholeIn(0, 100).filter((v) => v !== ''), right: optional(fc.integer({ min: 0, max: 100 })) },
			smallAction: { wrong: optionalText(1000), right: optional(text) }
		});
		const kindBodies = invalidBodies({ body: { wrong: requiredText(1000), right: text } });
		const discussBodies = invalidBodies({ discuss: { wrong: fc.oneof(fc.constant(absent), fc.constant(null), fc.integer(), fc.string(), fc.array(fc.boolean(), { maxLength: 2 })), right: fc.boolean() } });
		const stepPlanBodies = invalidBodies({
			stepId: { wrong: fc.oneof(fc.constant(absent), fc.constant(null), fc.integer(), fc.string().filter((s) => !/^[a-z0-9-]{1,80}$/.test(s))), right: fc.constant('ask-for-a-tip') },
			plannedDay: {
				wrong: fc.oneof(fc.constant(absent), fc.constant(null), fc.integer(), fc.constantFrom('2026-02-30', '2026-5-1', '01-05-2026', 'morgen', ''), fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s))),
				right: fc.constant('2026-05-01')
			}
		});
		const stepDoneBodies = invalidBodies({
			howItWent: { wrong: requiredWhole(1, 5), right: fc.integer({ min: 1, max: 5 }) },
			note: { wrong: optionalText(1000), right: optional(text) }
		});

		it('answers any wrongly shaped body with a 422 in words, and changes no row and no ciphertext', async () => {
			const w = await writers();
			const cases: [keyof typeof w, fc.Arbitrary<unknown>][] = [
				['journalCreate', journalBodies],
				['journalPut', journalBodies],
				['journalDiscuss', discussBodies],
				['thoughtCreate', thoughtBodies],
				['thoughtPut', thoughtBodies],
				['thoughtDiscuss', discussBodies],
				['kindCreate', kindBodies],
				['kindPut', kindBodies],
				['stepCreate', stepPlanBodies],
				['stepDone', stepDoneBodies]
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
						// Reasons are words for a person writing a client, never the forms' message ids.
						for (const { reason } of problem['invalid-params']!) expect(reason, name).toMatch(/^must /);
					}),
					{ numRuns: 60 }
				);
			}
			expect(await allRows()).toEqual(before);
		});
	});
});
