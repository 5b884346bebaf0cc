/**
 * What the person's overview shows of the programme, on both databases: an invitation before any start, this week
 * while it runs, and after the end the plan for next time, which comes back to the top once a later DJG-11 is two or
 * more points worse than the programme's post measurement.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { DatabaseHandle } from '$lib/server/db/client';
import { instruments, itemPoints, type Answers } from '$lib/features/instruments/instruments';
import { saveMeasurementForAccount } from '$lib/features/measurements/measurements.server';
import { pauseProgramme, startProgramme, stopProgramme } from '$lib/features/programme/enrolment.server';
import { openWeek, saveProgrammeMeasurement } from '$lib/features/programme/progress.server';
import { savePlan } from '$lib/features/programme/plan.server';
import { programmeOverview } from '$lib/features/programme/programme-overview.server';
import { getProgrammeWeek } from '$lib/features/programme/programme.content';
import { testDatabases } from './databases';
import { professionalFixtures } from './professional-fixtures';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-programme-overview-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const djg11 = instruments['djg-11'];
/** Every item answered with the option that gives `points` (0 or 1): a total of 0 or 11. */
const answersScoring = (points: 0 | 1): Answers =>
	Object.fromEntries(djg11.items.map((item) => [item.number, djg11.options.find((o) => itemPoints(djg11, item, o.id) === points)!.id]));
/** The first `total` items answered the lonely way, the rest not: a DJG-11 total of `total`. */
const answersWithTotal = (total: number): Answers =>
	Object.fromEntries(djg11.items.map((item, index) => [item.number, djg11.options.find((o) => itemPoints(djg11, item, o.id) === (index < total ? 1 : 0))!.id]));
const noon = (day: string) => new Date(`${day}T10:30:00Z`);

describe.each(testDatabases())('the programme on the overview, on $name', (target) => {
	let handle: DatabaseHandle;
	let anna: SignedInAccount;

	beforeEach(async () => {
		handle = await target.open();
		anna = await professionalFixtures(handle).person('anna@example.nl', 'Anna');
	});
	afterEach(() => handle.close());

	const overview = (day: string) => programmeOverview(handle.db, { actor: anna, locale: 'nl', now: noon(day) });

	it('invites before a start, shows this week while it runs, and says when it is paused', async () => {
		expect(await overview('2026-03-02')).toEqual({ kind: 'none' });
		await startProgramme(handle.db, { actor: anna, input: { reminders: 'week_start' }, now: noon('2026-03-02') });
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-02') });
		const week1 = getProgrammeWeek('nl', 'eight-weeks', 1, 1)!;
		expect(await overview('2026-03-09')).toEqual({ kind: 'running', paused: false, week: 1, title: week1.title, message: null, hasPlan: false });
		await pauseProgramme(handle.db, { actor: anna, now: noon('2026-03-10') });
		expect(await overview('2026-03-11')).toMatchObject({ kind: 'running', paused: true, week: 1 });
	});

	it('keeps the plan after the end, and brings it to the top when a later measurement is two points worse', async () => {
		await startProgramme(handle.db, { actor: anna, input: { reminders: 'none' }, now: noon('2026-01-05') });
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-01-05') });
		expect(await saveProgrammeMeasurement(handle.db, { actor: anna, week: 0, answers: answersScoring(1), now: noon('2026-01-05') })).toMatchObject({ ok: true });
		expect(await saveProgrammeMeasurement(handle.db, { actor: anna, week: 8, answers: answersWithTotal(3), now: noon('2026-03-02') })).toMatchObject({ ok: true });
		await stopProgramme(handle.db, { actor: anna, now: noon('2026-03-03') });
		// Ended without a plan: the way to make one.
		expect(await overview('2026-03-04')).toEqual({ kind: 'ended', hasPlan: false, planOnTop: false });
		await savePlan(handle.db, { actor: anna, input: { earlySigns: 'Binnen blijven.', whatHelps: null, whomToContact: null, restartSteps: ['daily-walk'] }, now: noon('2026-03-04') });
		expect(await overview('2026-03-04')).toEqual({ kind: 'ended', hasPlan: true, planOnTop: false });

		// One point worse is a different day; two points worse brings the plan back.
		const accountId = anna.id;
		await saveMeasurementForAccount(handle.db, { accountId, instrument: djg11, answers: answersWithTotal(4), now: noon('2026-04-01') });
		expect(await overview('2026-04-01')).toMatchObject({ planOnTop: false });
		await saveMeasurementForAccount(handle.db, { accountId, instrument: djg11, answers: answersWithTotal(5), now: noon('2026-05-01') });
		expect(await overview('2026-05-01')).toMatchObject({ kind: 'ended', planOnTop: true });
		// Better again: the plan goes back to its own place.
		await saveMeasurementForAccount(handle.db, { accountId, instrument: djg11, answers: answersScoring(0), now: noon('2026-06-01') });
		expect(await overview('2026-06-01')).toMatchObject({ planOnTop: false });
	});
});
