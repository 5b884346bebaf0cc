/**
 * The programme from the person's side, on both databases: starting alone, weeks that open on whole local days
 * (also across the daylight-saving change), pause and resume, what a week asks, the check-in encrypted at rest, the
 * DJG-11 before, after and at the follow-up stored as ordinary measurements linked to the enrolment, the plan for next
 * time, the export, and deletion that leaves no trace of the person or of the professional who guided them.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { DatabaseHandle } from '$lib/server/db/client';
import { instruments } from '$lib/features/instruments/instruments';
import { deleteAccount, exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import { pauseProgramme, resumeProgramme, setReminderChoice, startProgramme, stopProgramme } from '$lib/features/programme/enrolment.server';
import { markWeekItem, myCheckIn, openWeek, programmeView, saveCheckIn, saveProgrammeMeasurement } from '$lib/features/programme/progress.server';
import { getPlan, savePlan } from '$lib/features/programme/plan.server';
import { sendProgrammeMessage, setDiscussFirst, startProgrammeForClient } from '$lib/features/programme/guidance.server';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { planSchema } from '$lib/features/programme/programme-input.schema';
import { testDatabases } from './databases';
import { professionalFixtures, type ProfessionalFixtures } from './professional-fixtures';
import { refusal } from './refusal';
import { tracesOf } from './table-scan';

// Check-ins, plans and messages are encrypted: a data key of this file's own, so no key file is read or written.
vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-programme-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const answers = Object.fromEntries(instruments['djg-11'].items.map((item) => [item.number, 'more_or_less']));
const at = (instant: string) => new Date(instant);
/** Noon in Amsterdam on a local day, in winter or summer time alike. */
const noon = (day: string) => at(`${day}T10:30:00Z`);

describe.each(testDatabases())('the programme on $name', (target) => {
	let handle: DatabaseHandle;
	let fixtures: ProfessionalFixtures;
	let anna: SignedInAccount;
	let ben: SignedInAccount;

	beforeEach(async () => {
		handle = await target.open();
		fixtures = professionalFixtures(handle);
		anna = await fixtures.person('anna@example.nl', 'Anna');
		ben = await fixtures.person('ben@example.nl', 'Ben');
	});
	afterEach(() => handle.close());

	const view = (now: Date, actor = anna) => programmeView(handle.db, { actor, now });
	const stateOf = async (week: number, now: Date) => (await view(now))!.weeks.find((w) => w.week === week)!;
	const start = async (now: Date, actor = anna) => {
		const started = await startProgramme(handle.db, { actor, input: { reminders: 'week_start' }, now });
		expect(started.ok).toBe(true);
	};

	it('starts alone with week 0 open and nothing else until week 0 is opened; only one runs at a time', async () => {
		expect(await view(noon('2026-03-02'))).toBeUndefined();
		await start(noon('2026-03-02'));
		const fresh = (await view(noon('2026-03-20')))!;
		expect(fresh).toMatchObject({ state: 'active', startedBy: 'person', startDay: null, createdDay: '2026-03-02', version: 1, currentWeek: 0 });
		expect(fresh.weeks.map((w) => w.state)).toEqual(['open', ...Array(9).fill('locked')]);
		expect(await startProgramme(handle.db, { actor: anna, input: { reminders: 'none' }, now: noon('2026-03-03') })).toEqual({ ok: false, reason: 'already_running' });
		expect(await openWeek(handle.db, { actor: anna, week: 1, now: noon('2026-03-20') })).toEqual({ ok: false, reason: 'week_locked' });

		// A late start of week 0: the clock starts on the day it is opened, not the day the enrolment was made.
		expect(await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-20') })).toEqual({ ok: true });
		expect((await view(noon('2026-03-26')))!.weeks[1]!.state).toBe('locked');
		expect((await view(noon('2026-03-27')))!).toMatchObject({ startDay: '2026-03-20', currentWeek: 1 });
		// Ben's programme is his own.
		expect(await view(noon('2026-03-27'), ben)).toBeUndefined();
		expect(await openWeek(handle.db, { actor: ben, week: 0, now: noon('2026-03-27') })).toEqual({ ok: false, reason: 'no_programme' });
	});

	it('opens a week at local midnight in Amsterdam, in winter and in summer time', async () => {
		// Sunday 22 March 2026, winter time; summer time starts on Sunday 29 March at 02:00.
		await start(at('2026-03-22T12:00:00Z'));
		await openWeek(handle.db, { actor: anna, week: 0, now: at('2026-03-22T12:00:00Z') });
		expect((await stateOf(1, at('2026-03-28T22:59:59Z'))).state).toBe('locked');
		expect((await stateOf(1, at('2026-03-28T23:00:00Z'))).state).toBe('open');
		expect((await stateOf(1, at('2026-03-28T23:00:00Z'))).opensOn).toBe('2026-03-29');
		// Week 2 opens at midnight summer time: 22:00 UTC.
		expect((await stateOf(2, at('2026-04-04T21:59:59Z'))).state).toBe('locked');
		expect((await stateOf(2, at('2026-04-04T22:00:00Z'))).state).toBe('open');
	});

	it('does not count paused days, and never closes a week that had opened', async () => {
		await start(noon('2026-03-02'));
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-02') });
		expect(await pauseProgramme(handle.db, { actor: anna, now: noon('2026-03-10') })).toEqual({ ok: true });
		// A second tap changes nothing, and is not an error.
		expect(await pauseProgramme(handle.db, { actor: anna, now: noon('2026-03-11') })).toEqual({ ok: true });
		expect(await pauseProgramme(handle.db, { actor: ben, now: noon('2026-03-11') })).toEqual({ ok: false, reason: 'not_active' });
		// Paused: the person reads, but does not act in the weeks.
		expect((await view(noon('2026-03-12')))!).toMatchObject({ state: 'paused', pausedSince: '2026-03-10' });
		expect((await stateOf(1, noon('2026-03-12'))).state).toBe('open');
		expect(await markWeekItem(handle.db, { actor: anna, week: 1, input: { item: 'step', done: true }, now: noon('2026-03-12') })).toEqual({ ok: false, reason: 'no_programme' });
		expect(await resumeProgramme(handle.db, { actor: anna, now: noon('2026-03-15') })).toEqual({ ok: true });
		expect(await resumeProgramme(handle.db, { actor: anna, now: noon('2026-03-16') })).toEqual({ ok: true });
		expect(await resumeProgramme(handle.db, { actor: ben, now: noon('2026-03-16') })).toEqual({ ok: false, reason: 'not_paused' });
		// Five days paused: week 2 opens on 21 March instead of 16 March.
		expect((await stateOf(2, noon('2026-03-20'))).state).toBe('locked');
		expect((await stateOf(2, noon('2026-03-21'))).state).toBe('open');
	});

	it('records what was done in a week, with the check-in as ciphertext that only the person reads back', async () => {
		await start(noon('2026-03-02'));
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-02') });
		const now = noon('2026-03-09');
		expect(await markWeekItem(handle.db, { actor: anna, week: 1, input: { item: 'exercise', done: true }, now })).toEqual({ ok: true });
		expect((await stateOf(1, now))).toMatchObject({ state: 'open', opened: true, exerciseDone: true, stepDone: false });
		await markWeekItem(handle.db, { actor: anna, week: 1, input: { item: 'step', done: true }, now });
		expect((await stateOf(1, now)).state).toBe('done');
		await markWeekItem(handle.db, { actor: anna, week: 1, input: { item: 'step', done: false }, now });
		expect((await stateOf(1, now)).state).toBe('open');

		const words = { wentWell: 'De buurvrouw Gerritdina zwaaide terug.', tried: 'Ademen bij het raam.', takeAway: null, share: true };
		expect(await saveCheckIn(handle.db, { actor: anna, week: 1, input: words, now })).toEqual({ ok: true });
		expect((await stateOf(1, now)).state).toBe('done');
		const enrolmentId = (await view(now))!.id;
		expect(await myCheckIn(handle.db, { actor: anna, enrolmentId, week: 1 })).toEqual({ wentWell: words.wentWell, tried: words.tried, takeAway: null, shared: true, at: now.toISOString() });
		expect(await myCheckIn(handle.db, { actor: ben, enrolmentId, week: 1 })).toBeNull();
		expect(await tracesOf(handle, 'Gerritdina', 'Ademen bij het raam')).toEqual([]);
		// A week not open yet takes nothing.
		expect(await saveCheckIn(handle.db, { actor: anna, week: 2, input: words, now })).toEqual({ ok: false, reason: 'week_locked' });
	});

	it('stores the DJG-11 of week 0, week 8 and the follow-up as ordinary measurements, once each; the follow-up completes it', async () => {
		await start(noon('2026-01-05'));
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-01-05') });
		const pre = await saveProgrammeMeasurement(handle.db, { actor: anna, week: 0, answers, now: noon('2026-01-05') });
		expect(pre).toMatchObject({ ok: true, moment: 'pre' });
		expect(await saveProgrammeMeasurement(handle.db, { actor: anna, week: 0, answers, now: noon('2026-01-06') })).toEqual({ ok: false, reason: 'already_measured' });
		expect(await saveProgrammeMeasurement(handle.db, { actor: anna, week: 3, answers, now: noon('2026-02-01') })).toEqual({ ok: false, reason: 'no_measurement' });
		expect(await saveProgrammeMeasurement(handle.db, { actor: anna, week: 8, answers: { 1: 'yes' }, now: noon('2026-03-02') })).toEqual({ ok: false, reason: 'incomplete' });
		expect(await saveProgrammeMeasurement(handle.db, { actor: anna, week: 8, answers, now: noon('2026-02-28') })).toEqual({ ok: false, reason: 'week_locked' });
		const post = await saveProgrammeMeasurement(handle.db, { actor: anna, week: 8, answers, now: noon('2026-03-02') });
		expect(post).toMatchObject({ ok: true, moment: 'post' });
		// Day 140 after the start: 25 May.
		expect(await saveProgrammeMeasurement(handle.db, { actor: anna, week: 9, answers, now: noon('2026-05-24') })).toEqual({ ok: false, reason: 'week_locked' });
		const followUp = await saveProgrammeMeasurement(handle.db, { actor: anna, week: 9, answers, now: noon('2026-05-25') });
		expect(followUp).toMatchObject({ ok: true, moment: 'follow_up' });

		const measurements = await handle.db.selectFrom('measurement').select(['id', 'account_id', 'instrument_id', 'total']).where('account_id', '=', anna.id).orderBy('taken_at').execute();
		expect(measurements).toHaveLength(3);
		expect(measurements.every((m) => m.instrument_id === 'djg-11')).toBe(true);
		const links = await handle.db.selectFrom('programme_measurement').selectAll().orderBy('moment').execute();
		expect(links.map((l) => [l.moment, l.measurement_id])).toEqual([
			['follow_up', measurements[2]!.id],
			['post', measurements[1]!.id],
			['pre', measurements[0]!.id]
		]);
		const done = (await view(noon('2026-05-26')))!;
		expect(done.state).toBe('completed');
		expect(done.measurements).toEqual({ pre: measurements[0]!.id, post: measurements[1]!.id, follow_up: measurements[2]!.id });
		// Completed: a new programme may start.
		await start(noon('2026-05-27'));
	});

	it('stops at any moment, keeps the data, and starts again fresh', async () => {
		await start(noon('2026-03-02'));
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-02') });
		await saveCheckIn(handle.db, { actor: anna, week: 0, input: { wentWell: 'Koffie op het bankje.', tried: null, takeAway: null, share: false }, now: noon('2026-03-02') });
		expect(await stopProgramme(handle.db, { actor: anna, now: noon('2026-03-05') })).toEqual({ ok: true });
		expect(await stopProgramme(handle.db, { actor: anna, now: noon('2026-03-05') })).toEqual({ ok: false, reason: 'not_running' });
		const stopped = (await view(noon('2026-04-30')))!;
		// Stopped on day 3: nothing opens after that.
		expect(stopped).toMatchObject({ state: 'stopped', currentWeek: 0 });
		expect(await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-04-30') })).toEqual({ ok: false, reason: 'no_programme' });
		expect(await handle.db.selectFrom('programme_week').select('id').execute()).toHaveLength(1);
		await start(noon('2026-05-01'));
		expect((await view(noon('2026-05-01')))!).toMatchObject({ state: 'active', startDay: null });
		expect(await handle.db.selectFrom('programme_enrolment').select('id').execute()).toHaveLength(2);
	});

	it('keeps reminders to the person’s choice; choosing again, or opening a week, counts as coming back', async () => {
		await start(noon('2026-03-02'));
		const { id } = (await view(noon('2026-03-02')))!;
		const remind = (day: string) =>
			handle.db
				.insertInto('programme_reminder')
				.values({ id: crypto.randomUUID(), enrolment_id: id, day, kind: 'week_start', week: 1, sent_at: noon(day).toISOString(), acted_at: null })
				.execute();
		const actedAt = async (day: string) => (await handle.db.selectFrom('programme_reminder').select('acted_at').where('day', '=', day).executeTakeFirstOrThrow()).acted_at;
		await remind('2026-03-09');
		await handle.db.updateTable('programme_enrolment').set({ reminders_stopped_at: noon('2026-03-20').toISOString() }).execute();
		expect((await view(noon('2026-03-21')))!).toMatchObject({ reminders: 'week_start', remindersStopped: true });
		expect(await setReminderChoice(handle.db, { actor: anna, choice: 'open_steps', now: noon('2026-03-21') })).toEqual({ ok: true });
		expect((await view(noon('2026-03-21')))!).toMatchObject({ reminders: 'open_steps', remindersStopped: false });
		expect(await actedAt('2026-03-09')).toBe(noon('2026-03-21').toISOString());
		expect(await setReminderChoice(handle.db, { actor: ben, choice: 'none' })).toEqual({ ok: false });

		await remind('2026-03-23');
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-24') });
		expect(await actedAt('2026-03-23')).toBe(noon('2026-03-24').toISOString());
	});

	it('keeps the plan for next time encrypted, with steps from the library only', async () => {
		const input = planSchema.parse({
			earlySigns: 'Ik blijf in mijn ochtendjas tot Hendrikus belt.',
			whatHelps: 'Wandelen langs de Vecht.',
			whomToContact: '',
			restartSteps: ['daily-walk', 'same-cafe', 'daily-walk']
		});
		expect(input.restartSteps).toEqual(['daily-walk', 'same-cafe']);
		expect(await savePlan(handle.db, { actor: anna, input, now: noon('2026-03-02') })).toEqual({ ok: true });
		expect(await getPlan(handle.db, { actor: anna })).toEqual({
			earlySigns: 'Ik blijf in mijn ochtendjas tot Hendrikus belt.',
			whatHelps: 'Wandelen langs de Vecht.',
			whomToContact: null,
			restartSteps: ['daily-walk', 'same-cafe'],
			updatedAt: noon('2026-03-02').toISOString()
		});
		expect(await savePlan(handle.db, { actor: anna, input: { ...input, restartSteps: ['no-such-step'] } })).toEqual({ ok: false, reason: 'step_unknown' });
		await savePlan(handle.db, { actor: anna, input: { ...input, whomToContact: 'Mijn zus.' }, now: noon('2026-03-03') });
		expect((await getPlan(handle.db, { actor: anna }))!.whomToContact).toBe('Mijn zus.');
		expect(await handle.db.selectFrom('programme_plan').select('id').execute()).toHaveLength(1);
		expect(await getPlan(handle.db, { actor: ben })).toBeUndefined();
		expect(await tracesOf(handle, 'Hendrikus', 'Vecht', 'Mijn zus')).toEqual([]);
		expect(await refusal(getPlan(handle.db, { actor: null }))).toEqual({ status: 401, reason: 'sign_in_required' });
	});

	it('opens a week that waits for a conversation once nobody guides the person any more', async () => {
		const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		const piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		const grantId = await fixtures.connect(anna, piet, ['programme']);
		await start(noon('2026-03-02'));
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-02') });
		expect(await setDiscussFirst(handle.db, { actor: piet, personId: anna.id, week: 1, discussFirst: true, now: noon('2026-03-03') })).toEqual({ ok: true });
		expect(await setDiscussFirst(handle.db, { actor: piet, personId: anna.id, week: 0, discussFirst: true, now: noon('2026-03-03') })).toEqual({ ok: false, reason: 'week_invalid' });
		expect((await stateOf(1, noon('2026-03-10'))).state).toBe('waiting_for_conversation');
		expect(await withdrawConsent(handle.db, { actor: anna, grantId })).toBe(true);
		expect((await stateOf(1, noon('2026-03-10'))).state).toBe('open');
	});

	it('exports the programme in words, and deletion leaves no trace of the person or of the professional', async () => {
		const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		const piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		await fixtures.connect(anna, piet, ['programme']);
		const started = await startProgrammeForClient(handle.db, { actor: piet, personId: anna.id, input: { welcome: 'Fijn dat je meedoet, Anna.' }, now: noon('2026-03-02') });
		expect(started.ok).toBe(true);
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-03') });
		await saveProgrammeMeasurement(handle.db, { actor: anna, week: 0, answers, now: noon('2026-03-03') });
		await saveCheckIn(handle.db, { actor: anna, week: 0, input: { wentWell: 'Een praatje bij de bakker.', tried: null, takeAway: null, share: true }, now: noon('2026-03-03') });
		expect(await sendProgrammeMessage(handle.db, { actor: piet, personId: anna.id, input: { body: 'Tot dinsdag!' }, now: noon('2026-03-04') })).toMatchObject({ ok: true });
		await savePlan(handle.db, { actor: anna, input: planSchema.parse({ earlySigns: 'Minder bellen.', restartSteps: ['daily-walk'] }) });

		const exported = await exportPersonalData(handle.db, { account: anna, now: noon('2026-03-05') });
		const part = (exported as unknown as { programme: { enrolments: Record<string, unknown>[]; planForNextTime: Record<string, unknown> } }).programme;
		expect(part.enrolments).toHaveLength(1);
		expect(part.enrolments[0]).toMatchObject({ state: 'active', startedBy: 'professional', startDay: '2026-03-03', welcome: 'Fijn dat je meedoet, Anna.' });
		expect(part.enrolments[0]!.messages).toEqual([{ body: 'Tot dinsdag!', createdAt: noon('2026-03-04').toISOString() }]);
		expect(JSON.stringify(part.enrolments[0]!.weeks)).toContain('Een praatje bij de bakker.');
		expect(part.planForNextTime).toMatchObject({ earlySigns: 'Minder bellen.', restartSteps: ['daily-walk'] });
		expect(JSON.stringify(exported)).not.toContain(piet.id);

		await deleteAccount(handle.db, { account: piet });
		expect(await tracesOf(handle, piet.id, piet.email)).toEqual([]);
		expect((await view(noon('2026-03-05')))!.messages).toHaveLength(1);

		await deleteAccount(handle.db, { account: anna });
		expect(await tracesOf(handle, anna.id, anna.email)).toEqual([]);
		for (const table of ['programme_enrolment', 'programme_week', 'programme_measurement', 'programme_plan', 'programme_message', 'programme_reminder'] as const) {
			expect(await handle.db.selectFrom(table).selectAll().execute(), table).toEqual([]);
		}
	});
});
