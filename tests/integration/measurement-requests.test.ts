/**
 * Measurement requests: a professional with the `measurements` scope asks a client to fill in a scale,
 * once or repeating; the client sees it as a task from its due day, fills it in signed in, and the result lands in
 * their own history. Nobody else can ask, see, cancel or complete, and consent ending takes the task away at once.
 */
import { changeConsentScopes, removeMember, withdrawConsent } from '$lib/composers/consent-changes.server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import { deleteAccount } from '$lib/composers/personal-data/personal-data.server';
import { listConsentGrantsForPerson } from '$lib/features/consent/consent.server';
import { getInstrument, instruments, scoreInstrument, type Answers } from '$lib/features/instruments/instruments';
import {
	cancelMeasurementRequest,
	completeMeasurementTask,
	getMeasurementTask,
	listMeasurementTasks,
	listRequestsForClient,
	requestMeasurement,
	type CompleteOutcome,
	type MeasurementRequest
} from '$lib/features/measurement-requests/measurement-requests.server';
import { measurementRequestSchema } from '$lib/features/measurement-requests/requests';
import { getMeasurementForAccount, listMeasurementsForAccount, type StoredMeasurement } from '$lib/features/measurements/measurements.server';
import type { DatabaseHandle } from '$lib/server/db/client';
import { addDays, localInstant } from '$lib/time';
import { testDatabases } from './databases';
import { professionalFixtures, type ProfessionalFixtures, type TestOrganisation } from './professional-fixtures';
import { refusal } from './refusal';

const djg11 = instruments['djg-11'];
// Severely lonely: all emotional items lonely, social items 1, 4, 7 lonely → 6 + 3 = 9 (as in measurements.test.ts).
const answers: Answers = { 1: 'no', 2: 'yes', 3: 'yes', 4: 'more_or_less', 5: 'yes', 6: 'more_or_less', 7: 'no', 8: 'yes', 9: 'yes', 10: 'yes', 11: 'yes' };
// Not lonely at all: yes to every positive item (1, 4, 7, 8, 11), no to every negative one → 0.
const otherAnswers: Answers = { 1: 'yes', 2: 'no', 3: 'no', 4: 'yes', 5: 'no', 6: 'no', 7: 'yes', 8: 'yes', 9: 'no', 10: 'no', 11: 'yes' };

/** A Monday; four weeks after the 5th crosses the change to summer time (29 March). */
const today = '2026-03-02';
/** The instant of a local day and time in brug's time zone. */
const at = (day: string, time = '10:00') => localInstant(day, time);

const noAccess = { status: 403, reason: 'no_access' };
const signInRequired = { status: 401, reason: 'sign_in_required' };
const notFound = { ok: false, reason: 'not_found' };

function measurementOf(outcome: CompleteOutcome): StoredMeasurement {
	if (!outcome.ok) throw new Error(`expected the task to be completed, got ${outcome.reason}`);
	return outcome.measurement;
}

describe.each(testDatabases())('measurement requests on $name', (target) => {
	let handle: DatabaseHandle;

	/** Buurtteam Noord, with its admin Ada. */
	let noord: TestOrganisation;
	let ada: SignedInAccount;
	/** Professional at Noord; Anna and Ben share their measurements with him. */
	let piet: SignedInAccount;
	/** A colleague of Piet's without any client. */
	let kees: SignedInAccount;
	/** A colleague of Piet's with whom Anna shares her programme, not her measurements. */
	let karin: SignedInAccount;
	/** Buurtteam Zuid: its admin Zora and a professional, Olaf, with no client. */
	let zuid: TestOrganisation;
	let zora: SignedInAccount;
	let olaf: SignedInAccount;
	let anna: SignedInAccount;
	let ben: SignedInAccount;
	/** Someone who never connected with anybody. */
	let eva: SignedInAccount;
	/** Anna's consent to Piet (measurements and programme). */
	let annaGrant: string;
	let fixtures: ProfessionalFixtures;

	beforeEach(async () => {
		handle = await target.open();
		fixtures = professionalFixtures(handle);
		noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		ada = noord.admin;
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		kees = await fixtures.professional(noord, 'kees@noord.nl', 'Kees Collega');
		karin = await fixtures.professional(noord, 'karin@noord.nl', 'Karin Collega');
		zuid = await fixtures.organisation('Buurtteam Zuid', { email: 'zora@zuid.nl', name: 'Zora Admin' });
		zora = zuid.admin;
		olaf = await fixtures.professional(zuid, 'olaf@zuid.nl', 'Olaf Zuid');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		ben = await fixtures.person('ben@example.nl', 'Ben');
		eva = await fixtures.person('eva@example.nl', 'Eva');
		annaGrant = await fixtures.connect(anna, piet, ['measurements', 'programme']);
		await fixtures.connect(ben, piet, ['measurements']);
		await fixtures.connect(anna, karin, ['programme']);
	});
	afterEach(() => handle.close());

	/** Piet (unless another actor is given) asks Anna (unless another person is given) on `day`, through the form's schema. */
	function ask(
		input: Record<string, unknown> = {},
		options: { actor?: SignedInAccount | null; personId?: string; day?: string } = {}
	): Promise<MeasurementRequest> {
		const day = options.day ?? today;
		return requestMeasurement(handle.db, {
			actor: options.actor === undefined ? piet : options.actor,
			personId: options.personId ?? anna.id,
			input: measurementRequestSchema(day).parse({ instrument: 'djg-11', ...input }),
			now: at(day, '09:00')
		});
	}

	const tasks = (actor: SignedInAccount | null, day: string) => listMeasurementTasks(handle.db, { actor, today: day });
	const complete = (actor: SignedInAccount | null, id: string, now: Date, given: Answers = answers) =>
		completeMeasurementTask(handle.db, { actor, id, answers: given, now });
	const cancel = (id: string, now?: Date, personId = anna.id) => cancelMeasurementRequest(handle.db, { actor: piet, personId, id, now });
	const requestsOf = async (actor: SignedInAccount | null, personId = anna.id) => (await listRequestsForClient(handle.db, { actor, personId })).own;
	const historyOf = (accountId: string) => listMeasurementsForAccount(handle.db, { accountId, instrumentFor: getInstrument });

	/** Every row the feature writes, to show that a refused or failed call wrote nothing. */
	async function snapshot() {
		return {
			requests: await handle.db.selectFrom('measurement_request').selectAll().orderBy('id').execute(),
			measurements: await handle.db.selectFrom('measurement').selectAll().orderBy('id').execute()
		};
	}

	it('a single DJG-11 request becomes the person’s task; filled in, it is in her own history and has ended', async () => {
		const request = await ask();
		expect(request).toEqual({
			id: expect.any(String),
			personId: anna.id,
			professionalId: piet.id,
			organisationId: noord.id,
			instrument: 'djg-11',
			repeatWeeks: null,
			dueDay: today,
			endedAt: null,
			endReason: null,
			lastMeasurementId: null,
			createdAt: at(today, '09:00').toISOString()
		});
		expect(await tasks(anna, today)).toEqual([{ ...request, professionalName: 'Piet Prof' }]);
		expect(await getMeasurementTask(handle.db, { actor: anna, id: request.id, today })).toEqual({ ...request, professionalName: 'Piet Prof' });
		expect(await tasks(ben, today)).toEqual([]);

		const filledAt = at(today, '14:00');
		const measurement = measurementOf(await complete(anna, request.id, filledAt));
		const score = scoreInstrument(djg11, answers);
		expect(score).toMatchObject({ total: 9, band: 'severely_lonely', subscales: { emotional: 6, social: 3 }, missing: [] });
		expect(measurement).toEqual({ id: expect.any(String), score, answers, takenAt: filledAt });

		// Her own result, in her own history, scored as the scoring rules say.
		expect(await historyOf(anna.id)).toEqual([{ id: measurement.id, score, answers, takenAt: filledAt }]);
		const rows = await handle.db.selectFrom('measurement').selectAll().execute();
		expect(rows).toEqual([
			expect.objectContaining({
				id: measurement.id,
				instrument_id: 'djg-11',
				instrument_version: djg11.version,
				total: 9,
				emotional: 6,
				social: 3,
				band: 'severely_lonely',
				taken_at: filledAt.toISOString(),
				account_id: anna.id,
				access_token_hash: null
			})
		]);
		const own = { id: measurement.id, instrumentFor: getInstrument };
		expect(await getMeasurementForAccount(handle.db, { accountId: anna.id, ...own })).toEqual({ id: measurement.id, score, answers, takenAt: filledAt });
		for (const other of [ben, piet, ada]) {
			expect(await getMeasurementForAccount(handle.db, { accountId: other.id, ...own })).toBeUndefined();
			expect(await historyOf(other.id)).toEqual([]);
		}

		// Made once: it has ended, and the task is gone, today and later.
		expect(await requestsOf(piet)).toEqual([
			{ ...request, endedAt: filledAt.toISOString(), endReason: 'done', lastMeasurementId: measurement.id }
		]);
		expect(await tasks(anna, today)).toEqual([]);
		expect(await tasks(anna, addDays(today, 60))).toEqual([]);
		expect(await getMeasurementTask(handle.db, { actor: anna, id: request.id, today })).toBeUndefined();
	});

	it('a request every 4 weeks comes back 28 days after the day it was filled in, and only then', async () => {
		// As the form sends it: text.
		const request = await ask({ repeatWeeks: '4' });
		expect(request.repeatWeeks).toBe(4);

		// Filled in three days late, late in the evening: the next one counts from that day.
		expect((await tasks(anna, '2026-03-05')).map((t) => t.id)).toEqual([request.id]);
		const first = measurementOf(await complete(anna, request.id, at('2026-03-05', '22:30')));
		const afterFirst = { ...request, dueDay: '2026-04-02', lastMeasurementId: first.id };
		expect(await requestsOf(piet)).toEqual([afterFirst]);

		for (const day of ['2026-03-05', '2026-03-06', '2026-04-01']) expect(await tasks(anna, day), day).toEqual([]);
		const before = await snapshot();
		expect(await complete(anna, request.id, at('2026-04-01', '23:59'))).toEqual(notFound);
		expect(await snapshot()).toEqual(before);

		// Due again on the day itself (after the change to summer time), and still after it.
		expect(await tasks(anna, '2026-04-02')).toEqual([{ ...afterFirst, professionalName: 'Piet Prof' }]);
		expect(await tasks(anna, '2026-04-09')).toHaveLength(1);

		const second = measurementOf(await complete(anna, request.id, at('2026-04-02', '08:00'), otherAnswers));
		expect(await requestsOf(piet)).toEqual([{ ...request, dueDay: '2026-04-30', lastMeasurementId: second.id }]);
		expect(await tasks(anna, '2026-04-29')).toEqual([]);
		expect((await tasks(anna, '2026-04-30')).map((t) => t.id)).toEqual([request.id]);

		// Both results are hers, newest first.
		const history = await historyOf(anna.id);
		expect(history.map((m) => [m.id, m.score.total, m.score.band])).toEqual([
			[second.id, 0, 'not_lonely'],
			[first.id, 9, 'severely_lonely']
		]);
		expect(history.map((m) => m.takenAt.toISOString())).toEqual([at('2026-04-02', '08:00').toISOString(), at('2026-03-05', '22:30').toISOString()]);
	});

	it('a request from a future start day is no task before that (local) day, and one from it on', async () => {
		const request = await ask({ startDay: '2026-03-16' });
		expect(request.dueDay).toBe('2026-03-16');
		for (const day of [today, '2026-03-15']) expect(await tasks(anna, day), day).toEqual([]);
		expect(await getMeasurementTask(handle.db, { actor: anna, id: request.id, today: '2026-03-15' })).toBeUndefined();
		expect((await tasks(anna, '2026-03-16')).map((t) => t.id)).toEqual([request.id]);
		expect((await tasks(anna, '2026-03-20')).map((t) => t.id)).toEqual([request.id]);

		// 23:55 on the 15th in Amsterdam is too early, 00:05 on the 16th is not, though both are the 15th in UTC.
		const before = await snapshot();
		expect(await complete(anna, request.id, new Date('2026-03-15T22:55:00Z'))).toEqual(notFound);
		expect(await snapshot()).toEqual(before);
		const measurement = measurementOf(await complete(anna, request.id, new Date('2026-03-15T23:05:00Z')));
		expect(await requestsOf(piet)).toEqual([
			{ ...request, endedAt: '2026-03-15T23:05:00.000Z', endReason: 'done', lastMeasurementId: measurement.id }
		]);
	});

	it('incomplete answers save nothing and leave the request as it was', async () => {
		const once = await ask();
		const repeating = await ask({ repeatWeeks: 2 });
		const withoutEleven = Object.fromEntries(Object.entries(answers).filter(([item]) => item !== '11')) as Answers;
		const before = await snapshot();

		for (const request of [once, repeating]) {
			for (const given of [{}, withoutEleven, { 1: 'yes' }]) {
				expect(await complete(anna, request.id, at(today, '12:00'), given)).toEqual({ ok: false, reason: 'incomplete' });
			}
		}
		expect(await snapshot()).toEqual(before);
		expect((await tasks(anna, today)).map((t) => t.id).sort()).toEqual([once.id, repeating.id].sort());
	});

	it('two submits at the same moment save one measurement per due day', async () => {
		const once = await ask();
		const repeating = await ask({ repeatWeeks: 2 });
		const filledAt = at(today, '11:00');

		for (const request of [once, repeating]) {
			const outcomes = await Promise.all([complete(anna, request.id, filledAt), complete(anna, request.id, filledAt)]);
			const saved = outcomes.filter((o) => o.ok);
			expect(saved, request.id).toHaveLength(1);
			expect(outcomes.filter((o) => !o.ok), request.id).toEqual([notFound]);
			const row = await handle.db.selectFrom('measurement_request').selectAll().where('id', '=', request.id).executeTakeFirstOrThrow();
			expect(row.last_measurement_id).toBe(measurementOf(saved[0]!).id);
		}

		expect(await historyOf(anna.id)).toHaveLength(2);
		expect(await requestsOf(piet)).toEqual([
			expect.objectContaining({ id: repeating.id, dueDay: addDays(today, 14), endedAt: null }),
			expect.objectContaining({ id: once.id, endReason: 'done' })
		]);
	});

	it('a second submit after the first finds nothing to complete', async () => {
		const once = await ask();
		const repeating = await ask({ repeatWeeks: 2 });

		for (const request of [once, repeating]) {
			measurementOf(await complete(anna, request.id, at(today, '11:00')));
			const before = await snapshot();
			expect(await complete(anna, request.id, at(today, '11:01'))).toEqual(notFound);
			// Nor the next day: the repeat is not due for two weeks.
			expect(await complete(anna, request.id, at(addDays(today, 1), '11:00'))).toEqual(notFound);
			expect(await snapshot()).toEqual(before);
		}
		expect(await historyOf(anna.id)).toHaveLength(2);
	});

	it('cancelling ends open requests only, once; the task is gone and the list says cancelled', async () => {
		const once = await ask();
		const repeating = await ask({ repeatWeeks: 4, startDay: '2026-03-09' });
		const done = await ask({ instrument: 'djg-11' });
		const filled = measurementOf(await complete(anna, done.id, at(today, '10:00')));
		const forBen = await ask({}, { personId: ben.id });

		const cancelledAt = at(today, '15:00');
		expect(await cancel(once.id, cancelledAt)).toBe(true);
		expect(await tasks(anna, today)).toEqual([]);
		expect(await cancel(once.id, at(today, '15:01'))).toBe(false);
		// Not one that was done, not an unknown id, and not Ben's through Anna's page.
		expect(await cancel(done.id)).toBe(false);
		expect(await cancel(crypto.randomUUID())).toBe(false);
		expect(await cancel(forBen.id)).toBe(false);
		expect((await tasks(ben, today)).map((t) => t.id)).toEqual([forBen.id]);

		// The open one first.
		const list = await requestsOf(piet);
		expect(list[0]).toEqual({ ...repeating, endedAt: null });
		expect(list.slice(1).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
			[
				{ ...once, endedAt: cancelledAt.toISOString(), endReason: 'cancelled' },
				{ ...done, endedAt: at(today, '10:00').toISOString(), endReason: 'done', lastMeasurementId: filled.id }
			].sort((a, b) => a.id.localeCompare(b.id))
		);

		// A repeating one, before it is due: it never becomes a task.
		expect((await tasks(anna, '2026-03-09')).map((t) => t.id)).toEqual([repeating.id]);
		expect(await cancel(repeating.id, at(today, '16:00'))).toBe(true);
		expect(await cancel(repeating.id)).toBe(false);
		expect(await tasks(anna, '2026-03-09')).toEqual([]);
		expect(await complete(anna, repeating.id, at('2026-03-09'))).toEqual(notFound);
		expect(await requestsOf(piet)).toContainEqual({ ...repeating, endedAt: at(today, '16:00').toISOString(), endReason: 'cancelled' });
		expect(await historyOf(anna.id)).toHaveLength(1);
	});

	it('only the linked professional with the measurements scope may ask, list or cancel; the rest are refused and nothing is written', async () => {
		const request = await ask();
		const before = await snapshot();

		const refused: [string, SignedInAccount | null, string][] = [
			['a professional of another organisation, without a grant', olaf, anna.id],
			['a colleague in the same organisation, without a grant', kees, anna.id],
			['a colleague whose grant lacks the measurements scope', karin, anna.id],
			['the linked professional, for someone who never connected', piet, eva.id],
			['the organisation’s admin', ada, anna.id],
			['another organisation’s admin', zora, anna.id],
			['another person', ben, anna.id],
			['the person herself', anna, anna.id]
		];
		for (const [who, actor, personId] of refused) {
			expect(await refusal(ask({}, { actor, personId })), who).toEqual(noAccess);
			expect(await refusal(ask({ repeatWeeks: 4 }, { actor, personId })), who).toEqual(noAccess);
			expect(await refusal(requestsOf(actor, personId)), who).toEqual(noAccess);
			expect(await refusal(cancelMeasurementRequest(handle.db, { actor, personId, id: request.id })), who).toEqual(noAccess);
		}
		const withoutTwoFactor = { ...piet, twoFactorEnabled: false };
		const twoFactorRequired = { status: 403, reason: 'two_factor_required' };
		expect(await refusal(ask({}, { actor: withoutTwoFactor }))).toEqual(twoFactorRequired);
		expect(await refusal(requestsOf(withoutTwoFactor))).toEqual(twoFactorRequired);
		expect(await refusal(cancelMeasurementRequest(handle.db, { actor: withoutTwoFactor, personId: anna.id, id: request.id }))).toEqual(twoFactorRequired);

		expect(await refusal(ask({}, { actor: null }))).toEqual(signInRequired);
		expect(await refusal(requestsOf(null))).toEqual(signInRequired);
		expect(await refusal(cancelMeasurementRequest(handle.db, { actor: null, personId: anna.id, id: request.id }))).toEqual(signInRequired);
		expect(await refusal(tasks(null, today))).toEqual(signInRequired);
		expect(await refusal(getMeasurementTask(handle.db, { actor: null, id: request.id, today }))).toEqual(signInRequired);
		expect(await refusal(complete(null, request.id, at(today, '12:00')))).toEqual(signInRequired);

		expect(await snapshot()).toEqual(before);
		expect((await tasks(anna, today)).map((t) => t.id)).toEqual([request.id]);
	});

	it('a person neither sees nor completes someone else’s task', async () => {
		const forAnna = await ask();
		const forBen = await ask({}, { personId: ben.id });
		expect((await tasks(anna, today)).map((t) => t.id)).toEqual([forAnna.id]);
		expect((await tasks(ben, today)).map((t) => t.id)).toEqual([forBen.id]);
		const before = await snapshot();

		// Piet himself, his colleague and admin too: a task belongs to the person asked.
		for (const actor of [ben, eva, piet, kees, ada]) {
			expect(await getMeasurementTask(handle.db, { actor, id: forAnna.id, today }), actor.email).toBeUndefined();
			expect(await complete(actor, forAnna.id, at(today, '12:00')), actor.email).toEqual(notFound);
		}
		expect(await getMeasurementTask(handle.db, { actor: anna, id: forBen.id, today })).toBeUndefined();
		expect(await complete(anna, forBen.id, at(today, '12:00'))).toEqual(notFound);

		expect(await snapshot()).toEqual(before);
		for (const who of [anna, ben, eva, piet]) expect(await historyOf(who.id)).toEqual([]);
	});

	it('withdrawing consent takes the task away at once, and the professional can no longer list or ask', async () => {
		const request = await ask({ repeatWeeks: 4 });
		const forBen = await ask({}, { personId: ben.id });
		expect(await tasks(anna, today)).toHaveLength(1);

		expect(await withdrawConsent(handle.db, { actor: anna, grantId: annaGrant })).toBe(true);
		expect(await tasks(anna, today)).toEqual([]);
		expect(await tasks(anna, addDays(today, 60))).toEqual([]);
		expect(await getMeasurementTask(handle.db, { actor: anna, id: request.id, today })).toBeUndefined();

		const before = await snapshot();
		expect(await complete(anna, request.id, at(today, '12:00'))).toEqual(notFound);
		expect(await refusal(requestsOf(piet))).toEqual(noAccess);
		expect(await refusal(ask())).toEqual(noAccess);
		expect(await refusal(cancel(request.id))).toEqual(noAccess);
		expect(await snapshot()).toEqual(before);
		expect(await historyOf(anna.id)).toEqual([]);

		// Ben still shares with Piet: his task and Piet's access to it stay.
		expect((await tasks(ben, today)).map((t) => t.id)).toEqual([forBen.id]);
		expect((await requestsOf(piet, ben.id)).map((r) => r.id)).toEqual([forBen.id]);
	});

	it('taking the measurements scope out of the consent takes the task away too', async () => {
		const request = await ask();
		const changed = await changeConsentScopes(handle.db, { actor: anna, grantId: annaGrant, scopes: ['programme'] });
		expect(changed).toMatchObject({ ok: true });

		expect(await tasks(anna, today)).toEqual([]);
		const before = await snapshot();
		expect(await complete(anna, request.id, at(today, '12:00'))).toEqual(notFound);
		expect(await refusal(requestsOf(piet))).toEqual(noAccess);
		expect(await refusal(ask())).toEqual(noAccess);
		expect(await snapshot()).toEqual(before);
	});

	it('a professional who leaves the organisation takes the task with him', async () => {
		const request = await ask();
		const membership = await handle.db
			.selectFrom('membership')
			.select('id')
			.where('account_id', '=', piet.id)
			.where('organisation_id', '=', noord.id)
			.executeTakeFirstOrThrow();
		expect(await removeMember(handle.db, { actor: ada, organisationId: noord.id, membershipId: membership.id })).toMatchObject({ ok: true });

		expect(await tasks(anna, today)).toEqual([]);
		expect(await complete(anna, request.id, at(today, '12:00'))).toEqual(notFound);
		expect(await refusal(requestsOf(piet))).toEqual(noAccess);
		expect(await historyOf(anna.id)).toEqual([]);
	});

	it('requests stay within the organisation that made them', async () => {
		await fixtures.connect(anna, olaf, ['measurements']);
		const fromPiet = await ask();
		const fromOlaf = await ask({ instrument: 'djg-6', repeatWeeks: 8 }, { actor: olaf });
		expect(fromOlaf).toMatchObject({ organisationId: zuid.id, professionalId: olaf.id, instrument: 'djg-6', repeatWeeks: 8 });

		expect((await tasks(anna, today)).map((t) => [t.id, t.professionalName]).sort()).toEqual(
			[
				[fromPiet.id, 'Piet Prof'],
				[fromOlaf.id, 'Olaf Zuid']
			].sort()
		);
		expect((await requestsOf(piet)).map((r) => r.id)).toEqual([fromPiet.id]);
		expect((await requestsOf(olaf)).map((r) => r.id)).toEqual([fromOlaf.id]);
		expect(await cancelMeasurementRequest(handle.db, { actor: olaf, personId: anna.id, id: fromPiet.id })).toBe(false);
		expect(await cancel(fromOlaf.id)).toBe(false);
		expect((await tasks(anna, today)).map((t) => t.id).sort()).toEqual([fromPiet.id, fromOlaf.id].sort());
	});

	it('deleting the person’s account removes her requests, and no one else’s', async () => {
		const request = await ask({ repeatWeeks: 4 });
		// Filled in once, so the request points at a measurement that goes too.
		measurementOf(await complete(anna, request.id, at(today, '12:00')));
		await ask({ instrument: 'ucla-3' });
		const forBen = await ask({}, { personId: ben.id });

		expect(await deleteAccount(handle.db, { account: anna })).toEqual({ ok: true });
		const left = await snapshot();
		expect(left.requests.map((r) => r.id)).toEqual([forBen.id]);
		expect(left.measurements).toEqual([]);
		expect((await tasks(ben, today)).map((t) => t.id)).toEqual([forBen.id]);
		expect((await requestsOf(piet, ben.id)).map((r) => r.id)).toEqual([forBen.id]);
	});

	it('deleting the professional’s account leaves no task visible', async () => {
		const request = await ask({ repeatWeeks: 4 });
		const forBen = await ask({}, { personId: ben.id });

		expect(await deleteAccount(handle.db, { account: piet })).toEqual({ ok: true });
		const rows = await handle.db.selectFrom('measurement_request').select(['id', 'professional_id', 'person_id']).orderBy('id').execute();
		expect(rows).toEqual(
			[
				{ id: request.id, professional_id: null, person_id: anna.id },
				{ id: forBen.id, professional_id: null, person_id: ben.id }
			].sort((a, b) => a.id.localeCompare(b.id))
		);

		for (const day of [today, addDays(today, 60)]) {
			expect(await tasks(anna, day)).toEqual([]);
			expect(await tasks(ben, day)).toEqual([]);
		}
		const before = await snapshot();
		expect(await complete(anna, request.id, at(today, '12:00'))).toEqual(notFound);
		expect(await complete(ben, forBen.id, at(today, '12:00'))).toEqual(notFound);
		expect(await snapshot()).toEqual(before);
	});

	// migrations/006-professional-workspace.ts documents professional_id as "null once their account is gone (the
	// request then ends, see the use-cases)". A colleague who also has the measurements scope sees the client's
	// requests of the whole organisation, so a request that never ends shows there as open, "due now", for good.
	it('a colleague who shares the same client never sees another professional’s requests, also not once that account is gone', async () => {
		await fixtures.connect(anna, kees, ['measurements']);
		const request = await ask({ repeatWeeks: 4 });
		// Consent is given to one professional: Kees neither sees nor cancels Piet's request.
		expect(await requestsOf(kees)).toEqual([]);
		expect(await cancelMeasurementRequest(handle.db, { actor: kees, personId: anna.id, id: request.id })).toBe(false);

		expect(await deleteAccount(handle.db, { account: piet })).toEqual({ ok: true });
		expect(await requestsOf(kees)).toEqual([]);
		// The row is kept without its professional (the person's own result may point at it), ended: a task for nobody.
		const row = await handle.db.selectFrom('measurement_request').select(['professional_id', 'end_reason']).where('id', '=', request.id).executeTakeFirstOrThrow();
		expect(row).toEqual({ professional_id: null, end_reason: 'professional_left' });
		expect(await tasks(anna, today)).toEqual([]);
	});

	it('withdrawing consent, or taking the measurements scope away, ends the open requests for good', async () => {
		const request = await ask({ repeatWeeks: 4 });
		const forBen = await ask({ instrument: 'ucla-3' }, { personId: ben.id });
		const activeGrantOf = async (person: SignedInAccount) =>
			(await listConsentGrantsForPerson(handle.db, { actor: person })).find((g) => g.endedAt === null && g.professionalName === 'Piet Prof')!;
		expect(await changeConsentScopes(handle.db, { actor: ben, grantId: (await activeGrantOf(ben)).id, scopes: ['programme'] })).toMatchObject({ ok: true });
		const annasGrant = await activeGrantOf(anna);
		expect(await withdrawConsent(handle.db, { actor: anna, grantId: annasGrant.id })).toBe(true);
		const rows = await handle.db.selectFrom('measurement_request').select(['id', 'end_reason']).where('id', 'in', [request.id, forBen.id]).orderBy('end_reason').execute();
		expect(rows.map((r) => [r.id, r.end_reason])).toEqual([
			[forBen.id, 'consent_changed'],
			[request.id, 'consent_withdrawn']
		]);
		// Connecting again later does not bring the old request back.
		await fixtures.connect(anna, piet, ['measurements']);
		expect(await tasks(anna, today)).toEqual([]);
	});
});
