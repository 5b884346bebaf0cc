/**
 * The health web: a person saves, lists and deletes their own webs; a linked professional sees the two
 * newest only with the `health_web` scope, through `openClientRecord`, which audits that read. Stored rows are read
 * back whole and in range whatever the database holds; the export carries every web, and deleting the account
 * removes them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import { deleteAccount, exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import { openClientRecord } from '$lib/composers/client-record/clients.server';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { healthWebDimensions, type HealthWebDimension, type HealthWebScores } from '$lib/features/health-web/health-web';
import { healthWebSchema } from '$lib/features/health-web/health-web.schema';
import { deleteHealthWeb, listHealthWebs, readHealthWebs, saveHealthWeb, type SavedHealthWeb } from '$lib/features/health-web/health-webs.server';
import { requestMeasurement } from '$lib/features/measurement-requests/measurement-requests.server';
import { measurementRequestSchema } from '$lib/features/measurement-requests/requests';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { HealthWebTable } from '$lib/server/db/schema';
import { testDatabases } from './databases';
import { professionalFixtures, type ProfessionalFixtures, type TestOrganisation } from './professional-fixtures';
import { refusal } from './refusal';

const noAccess = { status: 403, reason: 'no_access' };
const signInRequired = { status: 401, reason: 'sign_in_required' };

/** Scores in web order (bodily functions first, daily functioning last). */
function scores(values: [number, number, number, number, number, number]): HealthWebScores {
	return Object.fromEntries(healthWebDimensions.map((dimension, i) => [dimension, values[i]])) as HealthWebScores;
}

/** What the form posts: one text field per dimension and a repeated `discuss` field, read as the route reads it. */
function formInput(values: [string, string, string, string, string, string], marks: string[] = []) {
	const form = new FormData();
	healthWebDimensions.forEach((dimension, i) => form.set(dimension, values[i]!));
	for (const mark of marks) form.append('discuss', mark);
	const input = Object.fromEntries(healthWebDimensions.map((d) => [d, form.get(d) ?? undefined]));
	return { ...input, discuss: form.getAll('discuss').filter((v): v is string => typeof v === 'string') };
}

const at = (instant: string) => new Date(instant);

describe.each(testDatabases())('health webs on $name', (target) => {
	let handle: DatabaseHandle;
	let fixtures: ProfessionalFixtures;
	/** Buurtteam Noord and its professional Piet. */
	let noord: TestOrganisation;
	let piet: SignedInAccount;
	let anna: SignedInAccount;
	let ben: SignedInAccount;

	beforeEach(async () => {
		handle = await target.open();
		fixtures = professionalFixtures(handle);
		noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		ben = await fixtures.person('ben@example.nl', 'Ben');
	});
	afterEach(() => handle.close());

	/** Saves a web for `actor` through the form's schema, at `instant`. */
	function save(actor: SignedInAccount | null, values: [number, number, number, number, number, number], instant: string, marks: HealthWebDimension[] = []) {
		const web = healthWebSchema.parse(formInput(values.map(String) as [string, string, string, string, string, string], marks));
		return saveHealthWeb(handle.db, { actor, web, now: at(instant) });
	}

	const rows = () => handle.db.selectFrom('health_web').selectAll().orderBy('id').execute();
	const auditRows = (subjectId: string) =>
		handle.db.selectFrom('audit_event').selectAll().where('subject_id', '=', subjectId).orderBy('at').orderBy('action').orderBy('id').execute();
	const healthWebReads = async (subjectId: string) =>
		(await auditRows(subjectId)).filter((e) => e.action === 'client.scope.read' && e.object === 'health_web');

	/** A row written straight into the database, as if someone had tampered with it. */
	async function tampered(accountId: string, stored: { scores: string; discuss: string }, takenAt: string): Promise<string> {
		const row: HealthWebTable = { id: crypto.randomUUID(), account_id: accountId, ...stored, taken_at: takenAt };
		await handle.db.insertInto('health_web').values(row).execute();
		return row.id;
	}

	it('saves a web from the form’s strings and lists the person’s own webs newest first, with exact scores and marks', async () => {
		const web = healthWebSchema.parse(
			formInput([' 7 ', '3', '10', '0', '5,0', '6'], ['participation', 'bodily_functions', 'participation', 'daily_functioning'])
		);
		expect(web).toEqual({ scores: scores([7, 3, 10, 0, 5, 6]), discuss: ['bodily_functions', 'participation', 'daily_functioning'] });

		const march = await saveHealthWeb(handle.db, { actor: anna, web, now: at('2026-03-02T09:00:00Z') });
		expect(march).toEqual({
			id: expect.any(String),
			takenAt: '2026-03-02T09:00:00.000Z',
			scores: scores([7, 3, 10, 0, 5, 6]),
			discuss: ['bodily_functions', 'participation', 'daily_functioning']
		});
		// Saved later, taken earlier: the list goes by when a web was taken, not by when it was saved.
		const january = await save(anna, [2, 2, 2, 2, 2, 2], '2026-01-15T12:00:00Z');
		const april = await save(anna, [8, 9, 7, 8, 6, 9], '2026-04-20T18:30:00Z', ['mental_wellbeing']);
		const bens = await save(ben, [5, 5, 5, 5, 5, 5], '2026-05-01T08:00:00Z', ['meaningfulness']);

		expect(await listHealthWebs(handle.db, { actor: anna })).toEqual([
			{ id: april.id, takenAt: '2026-04-20T18:30:00.000Z', scores: scores([8, 9, 7, 8, 6, 9]), discuss: ['mental_wellbeing'] },
			march,
			{ id: january.id, takenAt: '2026-01-15T12:00:00.000Z', scores: scores([2, 2, 2, 2, 2, 2]), discuss: [] }
		]);
		expect(await listHealthWebs(handle.db, { actor: anna, limit: 2 })).toEqual([
			expect.objectContaining({ id: april.id }),
			expect.objectContaining({ id: march.id })
		]);
		expect(await listHealthWebs(handle.db, { actor: ben })).toEqual([bens]);
		expect(await listHealthWebs(handle.db, { actor: piet })).toEqual([]);

		// Stored as the migration describes: a JSON object of whole numbers and a JSON array in web order.
		const stored = await handle.db.selectFrom('health_web').selectAll().where('id', '=', march.id).executeTakeFirstOrThrow();
		expect(stored).toMatchObject({ account_id: anna.id, taken_at: '2026-03-02T09:00:00.000Z' });
		expect(JSON.parse(stored.scores)).toEqual(scores([7, 3, 10, 0, 5, 6]));
		expect(JSON.parse(stored.discuss)).toEqual(['bodily_functions', 'participation', 'daily_functioning']);
	});

	it('reads a tampered row back whole and in range: out-of-range clamped, a missing dimension at 0, unknown marks dropped', async () => {
		const id = await tampered(
			anna.id,
			{
				// No daily_functioning at all.
				scores: JSON.stringify({ bodily_functions: 14, mental_wellbeing: -3, meaningfulness: 7, quality_of_life: 1000, participation: 0 }),
				discuss: JSON.stringify(['daily_functioning', 'money', 'bodily_functions', 'bodily_functions', '__proto__'])
			},
			'2026-03-02T09:00:00.000Z'
		);
		const expected: SavedHealthWeb = {
			id,
			takenAt: '2026-03-02T09:00:00.000Z',
			scores: scores([10, 0, 7, 10, 0, 0]),
			discuss: ['bodily_functions', 'daily_functioning']
		};
		expect(await listHealthWebs(handle.db, { actor: anna })).toEqual([expected]);
		expect(await readHealthWebs(handle.db, { personId: anna.id })).toEqual([expected]);

		// The professional's view and the export read the same row the same way.
		await fixtures.connect(anna, piet, ['health_web']);
		expect((await openClientRecord(handle.db, { actor: piet, personId: anna.id })).healthWebs).toEqual([expected]);
		expect((await exportPersonalData(handle.db, { account: anna })).healthWebs).toEqual([expected]);
	});

	// "Never throwing" also for JSON of the wrong shape: openHealthWeb trusts that `scores` parses to an object and
	// `discuss` to an array. Otherwise one bad row makes the person's page, their export and the professional's whole
	// client record fail.
	it('reads rows whose JSON has the wrong shape without throwing', async () => {
		const shapes: { scores: string; discuss: string }[] = [
			{ scores: 'null', discuss: '[]' },
			{ scores: '{}', discuss: 'null' },
			{ scores: '[3, 4]', discuss: '{"bodily_functions": true}' },
			{ scores: '"10"', discuss: '7' }
		];
		for (const [i, stored] of shapes.entries()) await tampered(anna.id, stored, `2026-03-0${i + 1}T09:00:00.000Z`);

		const listed = await listHealthWebs(handle.db, { actor: anna });
		expect(listed).toHaveLength(shapes.length);
		for (const web of listed) {
			expect(Object.keys(web.scores).sort()).toEqual([...healthWebDimensions].sort());
			for (const value of Object.values(web.scores)) expect(value).toBe(0);
			expect(web.discuss).toEqual([]);
		}
	});

	it('deletes the person’s own web only; someone else’s or an unknown one is refused with false and nothing changes', async () => {
		const first = await save(anna, [1, 2, 3, 4, 5, 6], '2026-03-01T09:00:00Z');
		const second = await save(anna, [6, 5, 4, 3, 2, 1], '2026-03-08T09:00:00Z', ['quality_of_life']);
		const bens = await save(ben, [5, 5, 5, 5, 5, 5], '2026-03-05T09:00:00Z');

		expect(await deleteHealthWeb(handle.db, { actor: anna, id: first.id })).toBe(true);
		expect(await listHealthWebs(handle.db, { actor: anna })).toEqual([second]);

		const before = await rows();
		expect(await deleteHealthWeb(handle.db, { actor: anna, id: first.id })).toBe(false);
		expect(await deleteHealthWeb(handle.db, { actor: anna, id: bens.id })).toBe(false);
		expect(await deleteHealthWeb(handle.db, { actor: anna, id: crypto.randomUUID() })).toBe(false);
		expect(await deleteHealthWeb(handle.db, { actor: ben, id: second.id })).toBe(false);
		// Even with the health_web scope, a professional only reads.
		await fixtures.connect(anna, piet, ['health_web']);
		expect(await deleteHealthWeb(handle.db, { actor: piet, id: second.id })).toBe(false);
		expect(await rows()).toEqual(before);
		expect(await listHealthWebs(handle.db, { actor: anna })).toEqual([second]);
		expect(await listHealthWebs(handle.db, { actor: ben })).toEqual([bens]);
	});

	it('refuses saving, deleting and listing without a signed-in account (401), and writes nothing', async () => {
		const web = await save(anna, [4, 4, 4, 4, 4, 4], '2026-03-01T09:00:00Z');
		const before = await rows();

		expect(await refusal(save(null, [7, 7, 7, 7, 7, 7], '2026-03-02T09:00:00Z'))).toEqual(signInRequired);
		expect(await refusal(deleteHealthWeb(handle.db, { actor: null, id: web.id }))).toEqual(signInRequired);
		expect(await refusal(listHealthWebs(handle.db, { actor: null }))).toEqual(signInRequired);

		expect(await rows()).toEqual(before);
		expect(await listHealthWebs(handle.db, { actor: anna })).toEqual([web]);
	});

	describe('in the client record', () => {
		it('with the health_web scope, shows every web, newest first, and audits that read in the same call', async () => {
			await fixtures.connect(anna, piet, ['health_web']);
			const oldest = await save(anna, [1, 1, 1, 1, 1, 1], '2026-01-10T09:00:00Z');
			const newest = await save(anna, [9, 8, 7, 6, 5, 4], '2026-03-10T09:00:00Z', ['meaningfulness', 'bodily_functions']);
			const middle = await save(anna, [3, 3, 3, 3, 3, 3], '2026-02-10T09:00:00Z');
			await save(ben, [10, 10, 10, 10, 10, 10], '2026-04-01T09:00:00Z');
			expect(await healthWebReads(anna.id)).toEqual([]);

			const readAt = at('2026-03-11T10:00:00Z');
			const record = await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: readAt });
			expect(record.scopes).toEqual(['health_web']);
			expect(record.healthWebs).toEqual([newest, middle, oldest]);
			expect(record.healthWebs![0]!.discuss).toEqual(['bodily_functions', 'meaningfulness']);

			expect(await healthWebReads(anna.id)).toEqual([
				{
					id: expect.any(String),
					at: readAt.toISOString(),
					actor_id: piet.id,
					organisation_id: noord.id,
					subject_id: anna.id,
					action: 'client.scope.read',
					object: 'health_web'
				}
			]);
			expect((await auditRows(anna.id)).filter((e) => e.at === readAt.toISOString()).map((e) => [e.action, e.object])).toEqual([
				['client.record.read', 'health_web'],
				['client.scope.read', 'health_web']
			]);

			// Every read is audited, not only the first.
			await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: at('2026-03-12T10:00:00Z') });
			expect(await healthWebReads(anna.id)).toHaveLength(2);
		});

		it('without the health_web scope, has no healthWebs and audits no such read', async () => {
			await fixtures.connect(anna, piet, ['measurements', 'programme', 'relationship_summary']);
			const web = await save(anna, [5, 6, 7, 8, 9, 10], '2026-03-01T09:00:00Z', ['participation']);

			const record = await openClientRecord(handle.db, { actor: piet, personId: anna.id });
			expect('healthWebs' in record).toBe(false);
			expect(JSON.stringify(record)).not.toContain(web.id);
			expect(await healthWebReads(anna.id)).toEqual([]);
			expect((await auditRows(anna.id)).some((e) => e.object === 'health_web')).toBe(false);
		});

		it('after consent is withdrawn, refuses the read (403) and audits nothing', async () => {
			const grantId = await fixtures.connect(anna, piet, ['health_web']);
			await save(anna, [5, 5, 5, 5, 5, 5], '2026-03-01T09:00:00Z');
			await openClientRecord(handle.db, { actor: piet, personId: anna.id });
			expect(await healthWebReads(anna.id)).toHaveLength(1);

			expect(await withdrawConsent(handle.db, { actor: anna, grantId })).toBe(true);
			const before = await auditRows(anna.id);
			expect(await refusal(openClientRecord(handle.db, { actor: piet, personId: anna.id }))).toEqual(noAccess);
			expect(await auditRows(anna.id)).toEqual(before);
			expect(await healthWebReads(anna.id)).toHaveLength(1);
		});
	});

	it('exports every web of the person and the measurements asked of her, and nothing of anyone else', async () => {
		await fixtures.connect(anna, piet, ['measurements', 'health_web']);
		await fixtures.connect(ben, piet, ['measurements']);
		const webs = [
			await save(anna, [1, 2, 3, 4, 5, 6], '2026-01-01T09:00:00Z'),
			await save(anna, [2, 3, 4, 5, 6, 7], '2026-02-01T09:00:00Z', ['participation']),
			await save(anna, [3, 4, 5, 6, 7, 8], '2026-03-01T09:00:00Z', ['daily_functioning', 'mental_wellbeing'])
		];
		const bens = await save(ben, [9, 9, 9, 9, 9, 9], '2026-03-01T10:00:00Z');
		const ask = (personId: string, input: Record<string, unknown>) =>
			requestMeasurement(handle.db, {
				actor: piet,
				personId,
				input: measurementRequestSchema('2026-03-02').parse(input),
				now: at('2026-03-02T08:00:00Z')
			});
		const request = await ask(anna.id, { instrument: 'djg-11', repeatWeeks: '4', startDay: '2026-03-09' });
		const forBen = await ask(ben.id, { instrument: 'ucla-3' });

		const data = await exportPersonalData(handle.db, { account: anna });
		expect(data.healthWebs).toEqual([...webs].reverse());
		expect(data.measurementRequests).toEqual([
			{ instrument: 'djg-11', repeatWeeks: 4, dueDay: '2026-03-09', endedAt: null, endReason: null, createdAt: request.createdAt }
		]);
		expect(request.createdAt).toBe('2026-03-02T08:00:00.000Z');
		const text = JSON.stringify(data);
		expect(text).not.toContain(bens.id);
		expect(text).not.toContain('ucla-3');
		expect(forBen.personId).toBe(ben.id);
	});

	it('deleting the account removes the person’s webs, and no one else’s', async () => {
		await fixtures.connect(anna, piet, ['health_web']);
		await save(anna, [1, 2, 3, 4, 5, 6], '2026-01-01T09:00:00Z');
		await save(anna, [6, 5, 4, 3, 2, 1], '2026-02-01T09:00:00Z', ['meaningfulness']);
		await tampered(anna.id, { scores: '{"bodily_functions": 99}', discuss: '["money"]' }, '2026-02-02T09:00:00.000Z');
		const bens = [await save(ben, [7, 7, 7, 7, 7, 7], '2026-01-05T09:00:00Z'), await save(ben, [8, 8, 8, 8, 8, 8], '2026-02-05T09:00:00Z')];

		expect(await deleteAccount(handle.db, { account: anna })).toEqual({ ok: true });
		const left = await rows();
		expect(left.filter((r) => r.account_id === anna.id)).toEqual([]);
		expect(left.map((r) => r.id).sort()).toEqual(bens.map((w) => w.id).sort());
		expect(await readHealthWebs(handle.db, { personId: anna.id })).toEqual([]);
		expect(await listHealthWebs(handle.db, { actor: ben })).toEqual([...bens].reverse());
	});
});
