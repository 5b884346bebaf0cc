/**
 * The API refuses what its published document does not allow. For every operation with a JSON body, inputs that
 * break the body's schema are made from /api/openapi.json itself (a wrong type per property, over maxLength,
 * maxItems or maximum, under minimum or minLength, an unknown enum value, a broken pattern or date, a missing required
 * property, a property where additionalProperties is false, a body that is no object) and sent through the route
 * files on a real database: each must get 422 problem+json naming a field, and none may change a row.
 * A body made from the schema's own valid values is sent first and must pass validation (so each violation is the
 * only thing wrong with what is sent). The query parameters of the lists get the same treatment.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/schema';
import { createApiToken } from '$lib/features/api-tokens/api-tokens.server';
import { openApiDocument } from '$lib/composers/api/openapi';
import { localDay } from '$lib/time';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';
import { professionalFixtures } from './professional-fixtures';
import { tablesInDatabase } from './table-scan';
import { groupFixtures, groupNow } from './group-fixtures';
import { bodyViolations, queryViolations, validValue, type Schema } from './api-contract-violations';

const current = vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-api-contract-${Date.now()}`);
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

// A group session moved by a valid body is mailed through the job runner, which these tests do not start.
vi.mock('$lib/server/jobs', async (importOriginal) => ({
	...(await importOriginal<typeof import('$lib/server/jobs')>()),
	jobs: () => ({ enqueue: async () => true })
}));

type Handler = (event: RequestEvent) => Promise<Response>;
const routeFiles = import.meta.glob<Record<string, Handler>>('../../src/routes/api/**/+server.ts');

interface Operation {
	path: string;
	method: string;
	parameters?: { name: string; in: string; schema: Schema }[];
	requestBody?: { content: { 'application/json': { schema: Schema } } };
}

const document = openApiDocument as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
	Object.entries(item)
		.filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
		.map(([method, operation]) => ({ ...operation, path, method: method.toUpperCase() }))
);
const resolve = (schema: Schema): Schema =>
	schema.$ref ? resolve(document.components.schemas[String(schema.$ref).replace('#/components/schemas/', '')]!) : schema;

/** Rows that a call may touch without changing anything: a token's last use. */
const untouched = (table: string) => table !== 'api_token';

const sharedScopes = ['measurements', 'programme', 'health_web', 'relationship_summary'] as const;

describe.each(testDatabases())('the API contract on $name', (target) => {
	let handle: DatabaseHandle;
	/** Path parameter → a real id of the caller's, so a violation meets validation and not a 404. */
	let ids: Record<string, string>;
	let person: Record<string, string>;
	let professional: Record<string, string>;

	beforeEach(async () => {
		handle = await target.open();
		current.db = handle.db;
		current.auth = testAuth(handle);
		const fixtures = professionalFixtures(handle);
		const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		const piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		await handle.db.updateTable('account').set({ two_factor_enabled: handle.kind === 'sqlite' ? 1 : true }).where('id', '=', piet.id).execute();
		const anna = await fixtures.person('anna@example.nl', 'Anna');
		const grant = await fixtures.connect(anna, piet, [...sharedScopes]);
		const bearer = async (account: typeof anna) => ({ authorization: `Bearer ${(await createApiToken(handle.db, { actor: account, label: 'test' })).token}` });
		person = await bearer(anna);
		professional = await bearer(piet);
		// A group Piet leads with Anna in it: its session and her place are ids of both callers.
		const groups = groupFixtures(handle);
		const group = await groups.group(noord, [piet], { days: [localDay()] });
		const place = await groups.join(anna, group, { name: 'Anna', at: groupNow });
		// Programme weeks and items are words, not made rows: week 1 (0 is never "bespreek eerst"), the exercise.
		ids = {
			personId: anna.id,
			organisationId: noord.id,
			grantId: grant,
			id: 'djg-11',
			week: '1',
			item: 'exercise',
			groupId: group.id,
			sessionId: group.sessionIds[0]!,
			participantId: place.id,
			// The filter is read before access is checked, so an unknown report or funder still gets its 422s.
			reportId: 'no-such-report',
			funderId: 'no-such-funder'
		};
	});
	afterEach(async () => {
		current.db = undefined;
		current.auth = undefined;
		await handle.close();
	});

	const callerOf = (path: string) => (/^\/api\/v1\/(clients|invitations|caseload|groups)/.test(path) ? professional : person);

	async function send(operation: Operation, path: string, params: Record<string, string>, options: { body?: unknown; query?: string }) {
		const file = `../../src/routes${operation.path.replace(/\{(\w+)\}/g, '[$1]')}/+server.ts`;
		const handler = (await routeFiles[file]!())[operation.method]!;
		const url = new URL(path + (options.query ?? ''), 'http://127.0.0.1:4173');
		const headers: Record<string, string> = { ...callerOf(operation.path) };
		if (options.body !== undefined) headers['content-type'] = 'application/json';
		const request = new Request(url, { method: operation.method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
		return handler({ request, url, params, getClientAddress: () => '127.0.0.1' } as unknown as RequestEvent);
	}

	/** A real id for every path parameter: made through the API from the schema's own valid bodies. */
	async function pathFor(operation: Operation): Promise<{ path: string; params: Record<string, string> }> {
		const params: Record<string, string> = {};
		for (const name of operation.path.match(/\{(\w+)\}/g)?.map((p) => p.slice(1, -1)) ?? []) {
			const parent = operation.path.slice(0, operation.path.indexOf(`{${name}}`) - 1);
			params[name] = ids[name] && !['id', 'noteId'].includes(name) ? ids[name]! : await made(parent, params);
		}
		return { path: operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!), params };
	}

	const madeIds = new Map<string, string>();
	async function made(listPath: string, params: Record<string, string>): Promise<string> {
		if (listPath === '/api/v1/me/consents') return ids.grantId!;
		if (listPath === '/api/v1/instruments') return 'djg-11';
		const key = listPath.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!);
		if (madeIds.has(key)) return madeIds.get(key)!;
		const create = operations.find((o) => o.path === listPath && o.method === 'POST')!;
		const response = await send(create, key, params, { body: await validBody(create) });
		expect(response.status, `making ${key}`).toBe(201);
		const id = ((await response.json()) as { id: string }).id;
		madeIds.set(key, id);
		return id;
	}

	async function validBody(operation: Operation): Promise<unknown> {
		const body = validValue(resolve(operation.requestBody!.content['application/json'].schema), resolve, localDay()) as Record<string, unknown>;
		if ('relationId' in body) body.relationId = await made('/api/v1/me/relations', {});
		if ('organisationId' in body) body.organisationId = ids.organisationId;
		// A change of scopes keeps all the fixture granted: the client's programme operations come later and need theirs.
		if ('scopes' in body) body.scopes = [...sharedScopes];
		return body;
	}

	async function snapshot(): Promise<Record<string, unknown[]>> {
		const all: Record<string, unknown[]> = {};
		for (const table of (await tablesInDatabase(handle)).filter(untouched)) {
			all[table] = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(handle.db)).rows;
		}
		return all;
	}

	it('refuses with 422 problem+json every body and query that breaks the published schema, and changes nothing', { timeout: 300_000 }, async () => {
		madeIds.clear();
		const cases: { operation: Operation; path: string; params: Record<string, string>; body?: unknown; query?: string; what: string }[] = [];
		for (const operation of operations) {
			if (operation.requestBody) {
				const { path, params } = await pathFor(operation);
				const valid = await validBody(operation);
				const schema = resolve(operation.requestBody.content['application/json'].schema);
				// What the violations start from passes validation.
				const passed = await send(operation, path, params, { body: valid });
				expect(passed.status, `${operation.method} ${operation.path} ${JSON.stringify(valid)}`).not.toBe(422);
				for (const { what, body } of bodyViolations(schema, valid, resolve)) cases.push({ operation, path, params, body, what });
			}
			const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
			if (query.length > 0 && operation.method === 'GET') {
				const { path, params } = await pathFor(operation);
				for (const { what, query: text } of queryViolations(query.map((p) => ({ name: p.name, schema: resolve(p.schema) })))) {
					cases.push({ operation, path, params, query: text, what });
				}
			}
		}
		expect(cases.length).toBeGreaterThan(300);

		const before = await snapshot();
		const accepted: string[] = [];
		for (const { operation, path, params, body, query, what } of cases) {
			const response = await send(operation, path, params, { body, query });
			const name = `${operation.method} ${operation.path} ${what}`;
			// An unknown locale has always been a 400 (as documented), for the pages' sake too.
			if (response.status !== (query !== undefined && what.startsWith('locale:') ? 400 : 422)) {
				accepted.push(`${name} → ${response.status} ${await response.text()}`);
				continue;
			}
			expect(response.headers.get('content-type'), name).toBe('application/problem+json');
			const problem = (await response.json()) as { 'invalid-params'?: { name: string; reason: string }[] };
			expect(problem['invalid-params']?.length, name).toBeGreaterThan(0);
		}
		expect(accepted, `${accepted.length} of ${cases.length} schema violations not refused with 422`).toEqual([]);
		expect(await snapshot()).toEqual(before);
	});

	it("writes no read of a note to the client's access log when a PATCH of it is refused (422) or in conflict (409)", async () => {
		const notes = operations.find((o) => o.path === '/api/v1/clients/{personId}/notes' && o.method === 'POST')!;
		const patch = operations.find((o) => o.path === '/api/v1/clients/{personId}/notes/{noteId}' && o.method === 'PATCH')!;
		const personId = ids.personId!;
		const created = await send(notes, `/api/v1/clients/${personId}/notes`, { personId }, { body: { body: 'Gesprek over de buurtkamer.' } });
		expect(created.status).toBe(201);
		const note = (await created.json()) as { id: string; updatedAt: string };
		const path = `/api/v1/clients/${personId}/notes/${note.id}`;
		const params = { personId, noteId: note.id };
		const reads = async () =>
			Number(
				(await handle.db.selectFrom('audit_event').where('action', '=', 'client.notes.read').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
			);
		const before = await reads();

		// Refused by the contract, refused by the note's own rules after the merge (sharing needs a summary), and a
		// version that is not the note's own.
		expect((await send(patch, path, params, { body: { body: 42 } })).status).toBe(422);
		expect((await send(patch, path, params, { body: { share: true } })).status).toBe(422);
		const conflict = await send(patch, path, params, { body: { body: 'Anders', updatedAt: '2000-01-01T00:00:00.000Z' } });
		expect(conflict.status).toBe(409);
		expect(await conflict.json()).not.toHaveProperty('body');
		expect(await reads()).toBe(before);

		// A saved change answers with the whole note: that is a read, logged once.
		const saved = await send(patch, path, params, { body: { summary: 'Samen naar de buurtkamer.', updatedAt: note.updatedAt } });
		expect(saved.status).toBe(200);
		expect(await saved.json()).toMatchObject({ body: 'Gesprek over de buurtkamer.', summary: 'Samen naar de buurtkamer.' });
		expect(await reads()).toBe(before + 1);
	});
});
