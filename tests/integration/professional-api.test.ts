/**
 * The professional API (/api/v1/caseload, /api/v1/clients/{personId}/…) through the route files themselves on a real
 * database, on both databases, called with personal API tokens: each endpoint's happy path with its content; the
 * door (no credentials 401; a person, a professional without a grant, two-step sign-in off, a missing scope and a
 * withdrawn consent 403), and a refused call changes nothing; unknown sub-resource ids 404; bad bodies and queries
 * 422 naming the field; reads land in the client's own audit log; the FHIR answer is a valid R4 Bundle.
 *
 * The routes call `db()` and `apiHandler`; here both are pointed at this test's database and sign-in layer.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { createApiToken } from '$lib/features/api-tokens/api-tokens.server';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { createR4Validator, type R4Validator } from '$lib/features/fhir/r4-validator.testing';
import { healthWebDimensions, type HealthWebScores } from '$lib/features/health-web/health-web';
import { saveHealthWeb } from '$lib/features/health-web/health-webs.server';
import { instruments, scoreInstrument, type Answers } from '$lib/features/instruments/instruments';
import { saveMeasurementForAccount } from '$lib/features/measurements/measurements.server';
import { addDays, localDay } from '$lib/time';
import * as caseload from '../../src/routes/api/v1/caseload/+server';
import * as clientItem from '../../src/routes/api/v1/clients/[personId]/+server';
import * as measurements from '../../src/routes/api/v1/clients/[personId]/measurements/+server';
import * as fhir from '../../src/routes/api/v1/clients/[personId]/fhir/+server';
import * as requests from '../../src/routes/api/v1/clients/[personId]/measurement-requests/+server';
import * as requestItem from '../../src/routes/api/v1/clients/[personId]/measurement-requests/[requestId]/+server';
import * as healthWebs from '../../src/routes/api/v1/clients/[personId]/health-webs/+server';
import * as ratings from '../../src/routes/api/v1/clients/[personId]/self-sufficiency-ratings/+server';
import * as notes from '../../src/routes/api/v1/clients/[personId]/notes/+server';
import * as noteItem from '../../src/routes/api/v1/clients/[personId]/notes/[noteId]/+server';
import * as auditEvents from '../../src/routes/api/v1/me/audit-events/+server';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';
import { professionalFixtures, type ProfessionalFixtures, type TestOrganisation } from './professional-fixtures';

// Rating and note texts are encrypted: a data key of this file's own, so no key file is read or written.
const current = vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-professional-api-no-key-file-${Date.now()}`);
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

const origin = 'http://127.0.0.1:4173';
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
	const url = new URL(path, origin);
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

interface Operation {
	route: unknown;
	method: string;
	path: string;
	params: Record<string, string>;
	body?: unknown;
}

const anonymous: Caller = { account: null, headers: {} };
const djg11 = instruments['djg-11'];
const lonelyAnswers = (lonelyItems: number): Answers =>
	Object.fromEntries(djg11.items.map((item, i) => [item.number, (item.direction === 'negative') === i < lonelyItems ? 'yes' : 'no']));
const scores = (value: number) => Object.fromEntries(healthWebDimensions.map((d) => [d, value])) as HealthWebScores;

async function problemOf(response: Response, status: number): Promise<Problem> {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toBe('application/problem+json');
	return response.json();
}
const paramNames = (p: Problem) => p['invalid-params']?.map((param) => param.name);

let validator: R4Validator;
beforeAll(() => {
	validator = createR4Validator();
});

describe.each(testDatabases())('the professional API on $name', (target) => {
	let handle: DatabaseHandle;
	let fixtures: ProfessionalFixtures;
	let noord: TestOrganisation;
	/** Piet, with Anna (measurements and health web) and Bert (programme only) as clients; Kees, his colleague, has none. */
	let piet: Caller, kees: Caller, anna: Caller, bert: Caller;
	let annaGrant: string;

	beforeEach(async () => {
		handle = await target.open();
		current.db = handle.db;
		current.auth = testAuth(handle);
		fixtures = professionalFixtures(handle);
		noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		piet = await caller(await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof'), { twoFactor: true });
		kees = await caller(await fixtures.professional(noord, 'kees@noord.nl', 'Kees Collega'), { twoFactor: true });
		anna = await caller(await fixtures.person('anna@example.nl', 'Anna'));
		bert = await caller(await fixtures.person('bert@example.nl', 'Bert'));
		annaGrant = await fixtures.connect(anna.account!, piet.account!, ['measurements', 'health_web']);
		await fixtures.connect(bert.account!, piet.account!, ['programme']);
	});
	afterEach(async () => {
		current.db = undefined;
		current.auth = undefined;
		await handle.close();
	});

	/** A personal API token for the account; the fixtures mark two-step sign-in on the account only, not in the database. */
	async function caller(account: SignedInAccount, options: { twoFactor?: boolean } = {}): Promise<Caller> {
		if (options.twoFactor) {
			await handle.db.updateTable('account').set({ two_factor_enabled: handle.kind === 'sqlite' ? 1 : true }).where('id', '=', account.id).execute();
		}
		const { token } = await createApiToken(handle.db, { actor: account, label: 'test' });
		return { account, headers: { authorization: `Bearer ${token}` } };
	}

	const idOf = (who: Caller) => who.account!.id;
	const clientPath = (who: Caller, rest = '') => `/api/v1/clients/${idOf(who)}${rest}`;
	const count = async (table: 'measurement_request' | 'self_sufficiency_rating' | 'conversation_note') =>
		Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db)).rows[0]!.n);

	/** What the client sees under "wie heeft mijn gegevens bekeken", through their own API. */
	async function auditSeenBy(who: Caller): Promise<{ action: string; object: string | null; actorName: string | null }[]> {
		const response = await send(auditEvents.GET, 'GET', '/api/v1/me/audit-events', who);
		expect(response.status).toBe(200);
		return (await response.json()).items;
	}

	/** Every client operation, with a valid body, on `client`; ids are Piet's own request and note. */
	function clientOperations(client: Caller, ids: { requestId: string; noteId: string }): Operation[] {
		const personId = idOf(client);
		const at = (rest: string, extra: Record<string, string> = {}) => ({ path: clientPath(client, rest), params: { personId, ...extra } });
		return [
			{ route: clientItem.GET, method: 'GET', ...at('') },
			{ route: measurements.GET, method: 'GET', ...at('/measurements') },
			{ route: fhir.GET, method: 'GET', ...at('/fhir') },
			{ route: requests.GET, method: 'GET', ...at('/measurement-requests') },
			{ route: requests.POST, method: 'POST', ...at('/measurement-requests'), body: { instrument: 'djg-11' } },
			{ route: requestItem.DELETE, method: 'DELETE', ...at(`/measurement-requests/${ids.requestId}`, { requestId: ids.requestId }) },
			{ route: healthWebs.GET, method: 'GET', ...at('/health-webs') },
			{ route: ratings.GET, method: 'GET', ...at('/self-sufficiency-ratings') },
			{ route: ratings.POST, method: 'POST', ...at('/self-sufficiency-ratings'), body: { finances: { level: 3 } } },
			{ route: notes.GET, method: 'GET', ...at('/notes') },
			{ route: notes.POST, method: 'POST', ...at('/notes'), body: { body: 'Gesprek' } },
			{ route: noteItem.GET, method: 'GET', ...at(`/notes/${ids.noteId}`, { noteId: ids.noteId }) },
			{ route: noteItem.PATCH, method: 'PATCH', ...at(`/notes/${ids.noteId}`, { noteId: ids.noteId }), body: { body: 'Anders' } },
			{ route: noteItem.DELETE, method: 'DELETE', ...at(`/notes/${ids.noteId}`, { noteId: ids.noteId }) }
		];
	}

	/** One request and one note of Piet's about Anna, made through the API. */
	async function pietsThings(): Promise<{ requestId: string; noteId: string }> {
		const request = await send(requests.POST, 'POST', clientPath(anna, '/measurement-requests'), piet, { params: { personId: idOf(anna) }, body: { instrument: 'ucla-3' } });
		const note = await send(notes.POST, 'POST', clientPath(anna, '/notes'), piet, { params: { personId: idOf(anna) }, body: { body: 'Eerste gesprek.' } });
		expect([request.status, note.status]).toEqual([201, 201]);
		return { requestId: (await request.json()).id, noteId: (await note.json()).id };
	}

	it('refuses every client operation without credentials (401), to a person, to a professional without a grant and after withdrawal (403), changing nothing', async () => {
		const ids = await pietsThings();
		const before = { requests: await count('measurement_request'), ratings: await count('self_sufficiency_rating'), notes: await count('conversation_note') };
		const operations = clientOperations(anna, ids);
		for (const { route, method, path, params, body } of operations) {
			const name = `${method} ${path}`;
			const none = await send(route, method, path, anonymous, { params, body });
			expect(await problemOf(none, 401), name).toMatchObject({ status: 401 });
			expect(none.headers.get('www-authenticate'), name).toBe('Bearer');
			const badToken = await send(route, method, path, { account: null, headers: { authorization: `Bearer brug_${'A'.repeat(43)}` } }, { params, body });
			expect(badToken.headers.get('www-authenticate'), name).toBe('Bearer error="invalid_token"');
			for (const who of [anna, bert, kees]) {
				expect(await problemOf(await send(route, method, path, who, { params, body }), 403), `${name} by ${who.account!.email}`).toMatchObject({ reason: 'no_access' });
			}
		}
		expect(await withdrawConsent(handle.db, { actor: anna.account, grantId: annaGrant })).toBe(true);
		for (const { route, method, path, params, body } of operations) {
			expect(await problemOf(await send(route, method, path, piet, { params, body }), 403), `${method} ${path} after withdrawal`).toMatchObject({ reason: 'no_access' });
		}
		// Withdrawal ends Piet's open request itself; nothing else changed, and the note is still there.
		expect({ requests: await count('measurement_request'), ratings: await count('self_sufficiency_rating'), notes: await count('conversation_note') }).toEqual(before);
		const reasons = await handle.db.selectFrom('measurement_request').select('end_reason').where('person_id', '=', idOf(anna)).execute();
		expect(reasons.length).toBeGreaterThan(0);
		expect(reasons.every((row) => row.end_reason === 'consent_withdrawn' || row.end_reason === 'cancelled')).toBe(true);
		expect(reasons.some((row) => row.end_reason === 'consent_withdrawn')).toBe(true);
	});

	it('refuses a missing scope, an unknown person and a professional with two-step sign-in off', async () => {
		const bertId = { personId: idOf(bert) };
		for (const [route, rest] of [[measurements.GET, '/measurements'], [fhir.GET, '/fhir'], [requests.GET, '/measurement-requests'], [healthWebs.GET, '/health-webs']] as const) {
			expect(await problemOf(await send(route, 'GET', clientPath(bert, rest), piet, { params: bertId }), 403), rest).toMatchObject({ reason: 'no_access' });
		}
		// A missing scope is refused before the body is read: a wrong body gets the same 403.
		expect(await problemOf(await send(requests.POST, 'POST', clientPath(bert, '/measurement-requests'), piet, { params: bertId, raw: 'not json' }), 403)).toMatchObject({ reason: 'no_access' });
		const nobody = '00000000-0000-4000-8000-00000000e404';
		expect(await problemOf(await send(clientItem.GET, 'GET', `/api/v1/clients/${nobody}`, piet, { params: { personId: nobody } }), 403)).toMatchObject({ reason: 'no_access' });

		const zoe = await caller(await fixtures.professional(noord, 'zoe@noord.nl', 'Zoë'));
		expect(await problemOf(await send(caseload.GET, 'GET', '/api/v1/caseload', zoe), 403)).toMatchObject({ reason: 'two_factor_required' });
		expect(await problemOf(await send(caseload.GET, 'GET', '/api/v1/caseload', anna), 403)).toMatchObject({ reason: 'no_access' });
	});

	it('lists the caseload with signals, filters and pages it, audits each client shown, and names a wrong query', async () => {
		await saveMeasurementForAccount(handle.db, { accountId: idOf(anna), instrument: djg11, answers: lonelyAnswers(10) });
		const response = await send(caseload.GET, 'GET', '/api/v1/caseload', piet);
		expect(response.status).toBe(200);
		const page = await response.json();
		expect(page).toMatchObject({ matching: 2, total: 2, page: 1, pages: 1 });
		const severe = scoreInstrument(djg11, lonelyAnswers(10));
		// Anna's severe result comes first.
		expect(page.items[0]).toMatchObject({
			personId: idOf(anna),
			name: 'Anna',
			scopes: ['measurements', 'health_web'],
			signals: [{ id: 'severe_band' }],
			openRequests: 0,
			lastActivityDay: null,
			latest: { instrument: 'djg-11', total: severe.total, max: 11, band: severe.band, change: null }
		});
		expect(page.items[1]).toMatchObject({ personId: idOf(bert), name: 'Bert', scopes: ['programme'], latest: null });

		const found = await (await send(caseload.GET, 'GET', '/api/v1/caseload?q=bert', piet)).json();
		expect(found.items.map((item: { name: string }) => item.name)).toEqual(['Bert']);
		const filtered = await (await send(caseload.GET, 'GET', '/api/v1/caseload?signal=severe_band&page=7', piet)).json();
		expect(filtered).toMatchObject({ matching: 1, total: 2, page: 1 });

		const wrong = await problemOf(await send(caseload.GET, 'GET', '/api/v1/caseload?signal=loud&band=sad&page=0', piet), 422);
		expect(paramNames(wrong)).toEqual(['signal', 'band', 'page']);
		expect(wrong['invalid-params']![0]!.reason).toContain('severe_band');
		// Anna was on two of the pages (not on Bert's search; the wrong query read nothing).
		expect((await auditSeenBy(anna)).filter((e) => e.action === 'client.caseload.read')).toHaveLength(2);
	});

	it('gives the client summary, measurements newest first and the FHIR Bundle, each audited for the client to see', async () => {
		const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
		const twoWeeksAgo = daysAgo(14);
		const yesterday = daysAgo(1);
		await saveMeasurementForAccount(handle.db, { accountId: idOf(anna), instrument: djg11, answers: lonelyAnswers(2), now: twoWeeksAgo });
		await saveMeasurementForAccount(handle.db, { accountId: idOf(anna), instrument: djg11, answers: lonelyAnswers(8), now: yesterday });
		const params = { personId: idOf(anna) };

		const summary = await send(clientItem.GET, 'GET', clientPath(anna), piet, { params });
		expect(await summary.json()).toEqual({
			personId: idOf(anna),
			name: 'Anna',
			organisationId: noord.id,
			organisationName: 'Buurtteam Noord',
			scopes: ['measurements', 'health_web'],
			since: expect.any(String)
		});

		const list = await (await send(measurements.GET, 'GET', clientPath(anna, '/measurements'), piet, { params })).json();
		const [newer, older] = [scoreInstrument(djg11, lonelyAnswers(8)), scoreInstrument(djg11, lonelyAnswers(2))];
		expect(list.items).toEqual([
			{
				id: expect.any(String),
				instrument: 'djg-11',
				takenAt: yesterday.toISOString(),
				total: newer.total,
				max: 11,
				band: newer.band,
				emotional: newer.subscales!.emotional,
				social: newer.subscales!.social
			},
			expect.objectContaining({ takenAt: twoWeeksAgo.toISOString(), total: older.total, band: older.band })
		]);

		const exported = await send(fhir.GET, 'GET', clientPath(anna, '/fhir?locale=en'), piet, { params });
		expect(exported.status).toBe(200);
		expect(exported.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
		const bundle = await exported.json();
		expect(validator.validate(bundle)).toEqual([]);
		expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
		const responses = bundle.entry.filter((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'QuestionnaireResponse');
		expect(responses).toHaveLength(2);
		expect(await problemOf(await send(fhir.GET, 'GET', clientPath(anna, '/fhir?locale=fr'), piet, { params }), 400)).toMatchObject({ status: 400 });

		const seen = (await auditSeenBy(anna)).map((e) => [e.action, e.object, e.actorName]);
		expect(seen).toEqual(
			expect.arrayContaining([
				['client.record.read', 'measurements,health_web', 'Piet Prof'],
				['client.scope.read', 'measurements', 'Piet Prof']
			])
		);
		// Summary once, measurements once, FHIR once (the refused locale read nothing).
		expect(seen.filter(([action]) => action === 'client.scope.read')).toHaveLength(2);
	});

	it('creates, lists and cancels measurement requests; 404 for an unknown or ended one, 422 naming wrong fields', async () => {
		const params = { personId: idOf(anna) };
		const path = clientPath(anna, '/measurement-requests');
		const startDay = addDays(localDay(), 3);
		const created = await send(requests.POST, 'POST', path, piet, { params, body: { instrument: 'djg-6', startDay, repeatWeeks: 4 } });
		expect(created.status).toBe(201);
		const request = await created.json();
		expect(request).toMatchObject({ personId: idOf(anna), professionalId: idOf(piet), instrument: 'djg-6', repeatWeeks: 4, dueDay: startDay, endedAt: null });

		const once = await (await send(requests.POST, 'POST', path, piet, { params, body: { instrument: 'ucla-3' } })).json();
		expect(once).toMatchObject({ repeatWeeks: null, dueDay: localDay() });
		expect((await (await send(requests.GET, 'GET', path, piet, { params })).json()).items.map((r: { id: string }) => r.id)).toEqual([once.id, request.id]);

		const wrong = await problemOf(await send(requests.POST, 'POST', path, piet, { params, body: { instrument: 'phq-9', startDay: '2020-01-01', repeatWeeks: 3 } }), 422);
		expect(paramNames(wrong)).toEqual(['instrument', 'startDay', 'repeatWeeks']);
		expect(wrong['invalid-params']![2]!.reason).toContain('2, 4, 6, 8, 12');
		expect(await problemOf(await send(requests.POST, 'POST', path, piet, { params, body: ['djg-11'] }), 422)).toMatchObject({ 'invalid-params': [{ name: '(body)', reason: 'must be a JSON object' }] });
		expect((await send(requests.POST, 'POST', path, piet, { params, raw: '{' })).status).toBe(400);

		const item = (id: string) => ({ path: `${path}/${id}`, params: { ...params, requestId: id } });
		expect((await send(requestItem.DELETE, 'DELETE', item(request.id).path, piet, { params: item(request.id).params })).status).toBe(204);
		expect(await problemOf(await send(requestItem.DELETE, 'DELETE', item(request.id).path, piet, { params: item(request.id).params }), 404)).toMatchObject({ status: 404 });
		expect((await send(requestItem.DELETE, 'DELETE', item('no-such-request').path, piet, { params: item('no-such-request').params })).status).toBe(404);
		const after = (await (await send(requests.GET, 'GET', path, piet, { params })).json()).items;
		expect(after.find((r: { id: string }) => r.id === request.id)).toMatchObject({ endReason: 'cancelled', endedAt: expect.any(String) });
	});

	it('lists the health webs newest first, audited', async () => {
		await saveHealthWeb(handle.db, { actor: anna.account, web: { scores: scores(4), discuss: [] }, now: new Date(Date.now() - 86_400_000) });
		await saveHealthWeb(handle.db, { actor: anna.account, web: { scores: scores(7), discuss: ['meaningfulness'] } });
		const response = await send(healthWebs.GET, 'GET', clientPath(anna, '/health-webs'), piet, { params: { personId: idOf(anna) } });
		expect(response.status).toBe(200);
		const { items } = await response.json();
		expect(items).toEqual([
			{ id: expect.any(String), takenAt: expect.any(String), scores: scores(7), discuss: ['meaningfulness'] },
			{ id: expect.any(String), takenAt: expect.any(String), scores: scores(4), discuss: [] }
		]);
		expect(await auditSeenBy(anna)).toEqual([expect.objectContaining({ action: 'client.scope.read', object: 'health_web', actorName: 'Piet Prof' })]);
	});

	it('rates self-sufficiency with any grant, lists the ratings, and names a wrong domain field', async () => {
		const params = { personId: idOf(bert) };
		const path = clientPath(bert, '/self-sufficiency-ratings');
		const created = await send(ratings.POST, 'POST', path, piet, { params, body: { finances: { level: 3, source: 'network', note: 'Schuldhulp loopt.' }, social_network: { level: 2 } } });
		expect(created.status).toBe(201);
		const rating = await created.json();
		expect(rating).toEqual({
			id: expect.any(String),
			ratedAt: expect.any(String),
			professionalName: 'Piet Prof',
			domains: { finances: { level: 3, source: 'network', note: 'Schuldhulp loopt.' }, social_network: { level: 2, source: null, note: null } }
		});
		expect((await (await send(ratings.GET, 'GET', path, piet, { params })).json()).items).toEqual([rating]);

		const empty = await problemOf(await send(ratings.POST, 'POST', path, piet, { params, body: {} }), 422);
		expect(empty['invalid-params']).toEqual([{ name: '(body)', reason: 'must give a level for at least one domain' }]);
		const wrong = await problemOf(await send(ratings.POST, 'POST', path, piet, { params, body: { finances: { level: 9 }, housing: { source: 'own' } } }), 422);
		expect(paramNames(wrong)).toEqual(expect.arrayContaining(['finances.level', 'housing.source']));
		expect(await count('self_sufficiency_rating')).toBe(1);
	});

	it('writes, reads, changes part of and deletes conversation notes; 404 for an unknown note, 422 naming the field', async () => {
		const params = { personId: idOf(anna) };
		const path = clientPath(anna, '/notes');
		const yesterday = addDays(localDay(), -1);
		const created = await send(notes.POST, 'POST', path, piet, { params, body: { day: yesterday, body: ' Gesprek over de buurtkamer. ', summary: 'Dinsdag buurtkamer.', share: true } });
		expect(created.status).toBe(201);
		const note = await created.json();
		expect(note).toMatchObject({ personId: idOf(anna), authorId: idOf(piet), authorName: 'Piet Prof', day: yesterday, body: 'Gesprek over de buurtkamer.', summary: 'Dinsdag buurtkamer.', sharedAt: expect.any(String), seenAt: null });

		const item = { path: `${path}/${note.id}`, params: { ...params, noteId: note.id } };
		expect(await (await send(notes.GET, 'GET', path, piet, { params })).json()).toEqual({ items: [note] });
		expect(await (await send(noteItem.GET, 'GET', item.path, piet, { params: item.params })).json()).toEqual(note);

		// PATCH changes what is sent: the body, the day and the sharing stay.
		const patched = await send(noteItem.PATCH, 'PATCH', item.path, piet, { params: item.params, body: { summary: 'Donderdag buurtkamer.' } });
		expect(patched.status).toBe(200);
		expect(await patched.json()).toMatchObject({ id: note.id, day: yesterday, body: 'Gesprek over de buurtkamer.', summary: 'Donderdag buurtkamer.', sharedAt: note.sharedAt });
		const unshared = await (await send(noteItem.PATCH, 'PATCH', item.path, piet, { params: item.params, body: { share: false } })).json();
		expect(unshared).toMatchObject({ summary: 'Donderdag buurtkamer.', sharedAt: null });
		// A change that starts from an older version (updatedAt as read before the last two changes): 409, nothing changes.
		const stale = await problemOf(await send(noteItem.PATCH, 'PATCH', item.path, piet, { params: item.params, body: { body: 'Oud', updatedAt: note.updatedAt } }), 409);
		expect(stale).toMatchObject({ status: 409 });
		expect(await (await send(noteItem.GET, 'GET', item.path, piet, { params: item.params })).json()).toMatchObject({ body: 'Gesprek over de buurtkamer.' });
		const fresh = await send(noteItem.PATCH, 'PATCH', item.path, piet, { params: item.params, body: { body: 'Nieuw', updatedAt: unshared.updatedAt } });
		expect(await fresh.json()).toMatchObject({ body: 'Nieuw' });

		const unsaid = await problemOf(await send(noteItem.PATCH, 'PATCH', item.path, piet, { params: item.params, body: { summary: null, share: true } }), 422);
		expect(unsaid['invalid-params']).toEqual([{ name: 'summary', reason: expect.stringContaining('share is true') }]);
		const later = await problemOf(await send(noteItem.PATCH, 'PATCH', item.path, piet, { params: item.params, body: { day: addDays(localDay(), 2) } }), 422);
		expect(paramNames(later)).toEqual(['day']);
		expect(await problemOf(await send(notes.POST, 'POST', path, piet, { params, body: { summary: 'Alleen dit' } }), 422)).toMatchObject({ 'invalid-params': [{ name: 'body' }] });
		expect(await problemOf(await send(notes.POST, 'POST', path, piet, { params, body: 'tekst' }), 422)).toMatchObject({ 'invalid-params': [{ name: '(body)' }] });

		const unknown = { path: `${path}/no-such-note`, params: { ...params, noteId: 'no-such-note' } };
		for (const [route, method, body] of [[noteItem.GET, 'GET'], [noteItem.PATCH, 'PATCH', { body: 'x' }], [noteItem.DELETE, 'DELETE']] as const) {
			expect(await problemOf(await send(route, method, unknown.path, piet, { params: unknown.params, body }), 404), method).toMatchObject({ status: 404 });
		}
		expect((await send(noteItem.DELETE, 'DELETE', item.path, piet, { params: item.params })).status).toBe(204);
		expect((await send(noteItem.GET, 'GET', item.path, piet, { params: item.params })).status).toBe(404);
		expect((await auditSeenBy(anna)).some((e) => e.action === 'client.notes.read')).toBe(true);
	});
});
