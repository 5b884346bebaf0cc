/**
 * Outcome reports in the JSON API, through the route files on a real database, on both databases, with personal API
 * tokens: an organisation's reader lists and reads its reports (with a filter, and a malformed one refused with 422
 * naming the field); a funder's reader sees only what was shared with the funder, one by one and pooled; nobody
 * else gets in. No answer holds a person's id.
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
import * as organisationReports from '../../src/routes/api/v1/organisations/[organisationId]/reports/+server';
import * as oneReport from '../../src/routes/api/v1/reports/[reportId]/+server';
import * as funderReports from '../../src/routes/api/v1/funders/[funderId]/reports/+server';
import * as combined from '../../src/routes/api/v1/funders/[funderId]/combined/+server';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';
import { seeder } from './report-data-seed';

const current = vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-reports-api-no-key-file-${Date.now()}`);
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
type Headers = Record<string, string>;

async function get(route: unknown, path: string, headers: Headers, params: Record<string, string>) {
	const url = new URL(path, 'http://127.0.0.1:4173');
	const event = { request: new Request(url, { headers }), url, params, getClientAddress: () => '127.0.0.1' };
	const response = await (route as Handler)(event as unknown as RequestEvent);
	expect(response.headers.get('cache-control'), path).toBe('no-store');
	return response;
}

describe.each(testDatabases())('the reports API on $name', (target) => {
	let handle: DatabaseHandle;
	let noord: string, gemeente: string, shared: string, unshared: string;
	let reader: Headers, funderReader: Headers, professional: Headers;
	let people: string[];

	beforeEach(async () => {
		handle = await target.open();
		current.db = handle.db;
		current.auth = testAuth(handle);
		const seed = seeder(handle);
		noord = await seed.organisation('Welzijn Noord');
		gemeente = await seed.organisation('Gemeente Noord', 'funder');
		const bearer = async (account: SignedInAccount) => ({ authorization: `Bearer ${(await createApiToken(handle.db, { actor: account, label: 'test' })).token}` });
		reader = await bearer(await seed.member(noord, 'report_reader'));
		funderReader = await bearer(await seed.member(gemeente, 'report_reader'));
		professional = await bearer(await seed.member(noord, 'professional'));
		people = [];
		for (let i = 0; i < 12; i++) people.push(await seed.programmeUnit(noord, { pre: [3 + (i % 3), 3], post: [1 + (i % 2), 2] }));
		shared = await seed.report(noord, { kind: 'programme' });
		unshared = await seed.report(noord, { kind: 'period', from: '2025-01-01', to: '2025-12-31' });
		await seed.share(shared, gemeente);
	});
	afterEach(async () => {
		current.db = undefined;
		current.auth = undefined;
		await handle.close();
	});

	const read = (id: string, who: Headers, query = '') => get(oneReport.GET, `/api/v1/reports/${id}${query}`, who, { reportId: id });
	const noPerson = (text: string) => {
		for (const person of people) expect(text).not.toContain(person);
	};

	it('gives the organisation its reports and their figures, filtered on request, and nobody by name', async () => {
		const list = await get(organisationReports.GET, `/api/v1/organisations/${noord}/reports`, reader, { organisationId: noord });
		expect(list.status).toBe(200);
		expect(((await list.json()) as { items: { id: string }[] }).items.map((r) => r.id).sort()).toEqual([shared, unshared].sort());

		const response = await read(shared, reader);
		expect(response.status).toBe(200);
		const text = await response.text();
		noPerson(text);
		const body = JSON.parse(text) as { definition: { id: string }; report: { countsOnly: boolean; funnel: { completePairs: number }; change: { total: { meanChange: number } } } };
		expect(body.definition.id).toBe(shared);
		expect(body.report.countsOnly).toBe(false);
		expect(body.report.funnel.completePairs).toBe(12);
		expect(body.report.change.total.meanChange).toBeLessThan(0);

		// Everyone is "alone": leaving out the group side would leave nobody there, so the filter is refused.
		const filtered = (await (await read(shared, reader, '?setting=alone')).json()) as { report: { filter: { applied: boolean; refusal: string | null } } };
		expect(filtered.report.filter).toMatchObject({ applied: false, refusal: 'narrows_below_minimum' });
	});

	it('refuses a malformed filter with 422 naming the field', async () => {
		for (const [query, field] of [['?from=2025', 'from'], ['?setting=sometimes', 'setting'], ['?from=2025-Q3&to=2025-Q1', 'to']] as const) {
			const response = await read(shared, reader, query);
			expect(response.status, query).toBe(422);
			expect(((await response.json()) as { 'invalid-params': { name: string }[] })['invalid-params'].map((p) => p.name), query).toEqual([field]);
		}
	});

	it('shows a funder only what was shared with it, one by one and pooled', async () => {
		const overview = await get(funderReports.GET, `/api/v1/funders/${gemeente}/reports`, funderReader, { funderId: gemeente });
		expect(overview.status).toBe(200);
		const body = (await overview.json()) as { organisations: { organisationName: string; reports: { id: string }[] }[] };
		expect(body.organisations).toEqual([expect.objectContaining({ organisationName: 'Welzijn Noord', reports: [expect.objectContaining({ id: shared })] })]);

		expect((await read(shared, funderReader)).status).toBe(200);
		expect([403, 404]).toContain((await read(unshared, funderReader)).status);
		expect((await get(organisationReports.GET, `/api/v1/organisations/${noord}/reports`, funderReader, { organisationId: noord })).status).toBe(403);

		const pooled = await get(combined.GET, `/api/v1/funders/${gemeente}/combined`, funderReader, { funderId: gemeente });
		expect(pooled.status).toBe(200);
		const pooledText = await pooled.text();
		noPerson(pooledText);
		expect((JSON.parse(pooledText) as { report: { funnel: { completePairs: number } } }).report.funnel.completePairs).toBe(12);
	});

	it('lets nobody else in: no credentials 401, a professional or the organisation reader at a funder 403 or 404', async () => {
		expect((await read(shared, {})).status).toBe(401);
		// The use-cases answer an unknown id and someone else's alike (403 or 404, never the report).
		expect([403, 404]).toContain((await read(shared, professional)).status);
		expect((await get(funderReports.GET, `/api/v1/funders/${gemeente}/reports`, reader, { funderId: gemeente })).status).toBe(404);
		expect([403, 404]).toContain((await get(combined.GET, `/api/v1/funders/${gemeente}/combined`, reader, { funderId: gemeente })).status);
	});
});
