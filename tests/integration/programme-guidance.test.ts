/**
 * The programme from the professional's side, on both databases: only with the `programme` scope (and never after it
 * was withdrawn), one running enrolment per person even when two starts race, only the check-ins the client chose to
 * share, one audit event per read, a "bespreek eerst" week that opens once the conversation was held, and messages and
 * the welcome line that reach the person.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { DatabaseHandle } from '$lib/server/db/client';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { instruments } from '$lib/features/instruments/instruments';
import { startProgramme } from '$lib/features/programme/enrolment.server';
import { openWeek, programmeView, saveCheckIn, saveProgrammeMeasurement } from '$lib/features/programme/progress.server';
import {
	clientProgramme,
	markConversationHeld,
	sendProgrammeMessage,
	setDiscussFirst,
	startProgrammeForClient
} from '$lib/features/programme/guidance.server';
import { testDatabases } from './databases';
import { professionalFixtures, type ProfessionalFixtures, type TestOrganisation } from './professional-fixtures';
import { refusal } from './refusal';

// Check-ins, welcome lines and messages are encrypted: a data key of this file's own, so no key file is touched.
vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-programme-guidance-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

/** Noon in Amsterdam on a local day (March 2026 is winter time until the 29th). */
const noon = (day: string) => new Date(`${day}T11:00:00Z`);
const noAccess = { status: 403, reason: 'no_access' };
const signInRequired = { status: 401, reason: 'sign_in_required' };
const lonelyAnswers = Object.fromEntries(instruments['djg-11'].items.map((item) => [item.number, item.direction === 'negative' ? 'yes' : 'no']));
const calmerAnswers = Object.fromEntries(instruments['djg-11'].items.map((item, index) => [item.number, (index < 4) === (item.direction === 'negative') ? 'yes' : 'no']));

describe.each(testDatabases())('the professional’s side of the programme on $name', (target) => {
	let handle: DatabaseHandle;
	let fixtures: ProfessionalFixtures;
	let noord: TestOrganisation;
	let piet: SignedInAccount;
	let kees: SignedInAccount;
	let anna: SignedInAccount;
	let annaGrant: string;

	beforeEach(async () => {
		handle = await target.open();
		fixtures = professionalFixtures(handle);
		noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		kees = await fixtures.professional(noord, 'kees@noord.nl', 'Kees Collega');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		annaGrant = await fixtures.connect(anna, piet, ['programme', 'measurements']);
	});
	afterEach(() => handle.close());

	const start = (actor: SignedInAccount | null = piet, personId = anna.id, welcome: string | null = null, day = '2026-03-02') =>
		startProgrammeForClient(handle.db, { actor, personId, input: { welcome }, now: noon(day) });
	const read = (actor: SignedInAccount | null = piet, day = '2026-03-20') => clientProgramme(handle.db, { actor, personId: anna.id, now: noon(day) });
	const enrolments = async (personId = anna.id) => handle.db.selectFrom('programme_enrolment').select(['id', 'state']).where('account_id', '=', personId).execute();
	const programmeReads = () =>
		handle.db.selectFrom('audit_event').select(['actor_id', 'subject_id', 'object', 'organisation_id']).where('action', '=', 'client.programme.read').execute();

	describe('who may', () => {
		it('needs the programme scope: a client who shares only measurements is refused, and nothing is written', async () => {
			const ben = await fixtures.person('ben@example.nl', 'Ben');
			await fixtures.connect(ben, piet, ['measurements']);
			expect(await refusal(start(piet, ben.id))).toEqual(noAccess);
			expect(await refusal(clientProgramme(handle.db, { actor: piet, personId: ben.id }))).toEqual(noAccess);
			expect(await refusal(sendProgrammeMessage(handle.db, { actor: piet, personId: ben.id, input: { body: 'Hoi' } }))).toEqual(noAccess);
			expect(await refusal(setDiscussFirst(handle.db, { actor: piet, personId: ben.id, week: 2, discussFirst: true }))).toEqual(noAccess);
			expect(await refusal(markConversationHeld(handle.db, { actor: piet, personId: ben.id, week: 2 }))).toEqual(noAccess);
			expect(await enrolments(ben.id)).toEqual([]);
			expect(await programmeReads()).toEqual([]);
		});

		it('refuses a colleague without a grant, someone signed out, and the person herself', async () => {
			expect(await refusal(start(kees))).toEqual(noAccess);
			expect(await refusal(start(null))).toEqual(signInRequired);
			expect((await refusal(start(anna))).status).toBe(403);
			expect(await refusal(read(kees))).toEqual(noAccess);
			expect(await enrolments()).toEqual([]);
		});

		it('is refused once the client withdrew consent, also for the programme already running', async () => {
			expect(await start(piet, anna.id, 'Welkom!')).toMatchObject({ ok: true });
			expect(await withdrawConsent(handle.db, { actor: anna, grantId: annaGrant, now: noon('2026-03-03') })).toBe(true);
			expect(await refusal(read())).toEqual(noAccess);
			expect(await refusal(sendProgrammeMessage(handle.db, { actor: piet, personId: anna.id, input: { body: 'Hoi' } }))).toEqual(noAccess);
			expect(await refusal(start())).toEqual(noAccess);
			// The person's own programme stays hers.
			expect((await programmeView(handle.db, { actor: anna, now: noon('2026-03-04') }))?.welcome).toBe('Welkom!');
		});
	});

	describe('one running programme per person', () => {
		it('lets one of two starts at the same moment win, and refuses every later one', async () => {
			await fixtures.connect(anna, kees, ['programme']);
			const results = await Promise.all([start(piet), start(kees), start(piet)]);
			expect(results.filter((result) => result.ok)).toHaveLength(1);
			expect(results.filter((result) => !result.ok)).toEqual([
				{ ok: false, reason: 'already_running' },
				{ ok: false, reason: 'already_running' }
			]);
			expect(await enrolments()).toHaveLength(1);
			expect(await start()).toEqual({ ok: false, reason: 'already_running' });
			// Starting alone is refused as well, and a running programme started alone refuses the professional too.
			expect(await startProgramme(handle.db, { actor: anna, input: { reminders: 'none' } })).toEqual({ ok: false, reason: 'already_running' });
			expect((await read()).canStart).toBe(false);
		});

		it('refuses a start while the person runs one alone, and shows that one', async () => {
			expect(await startProgramme(handle.db, { actor: anna, input: { reminders: 'none' }, now: noon('2026-03-02') })).toMatchObject({ ok: true });
			expect(await start()).toEqual({ ok: false, reason: 'already_running' });
			const { enrolment, canStart } = await read();
			expect(canStart).toBe(false);
			expect(enrolment).toMatchObject({ state: 'active', startedBy: 'person', startDay: null, currentWeek: 0 });
		});
	});

	it('shows the check-ins the client chose to share, and says nothing about the others', async () => {
		await start();
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-02') });
		const secret = { wentWell: 'Alleen voor mij: ik heb gehuild.', tried: 'Niets', takeAway: null, share: false };
		expect(await saveCheckIn(handle.db, { actor: anna, week: 0, input: secret, now: noon('2026-03-03') })).toEqual({ ok: true });
		await openWeek(handle.db, { actor: anna, week: 1, now: noon('2026-03-09') });
		const shared = { wentWell: 'Een praatje met de buurvrouw.', tried: null, takeAway: 'Vaker groeten.', share: true };
		expect(await saveCheckIn(handle.db, { actor: anna, week: 1, input: shared, now: noon('2026-03-10') })).toEqual({ ok: true });

		const { enrolment } = await read(piet, '2026-03-11');
		expect(enrolment!.weeks[0]).toMatchObject({ week: 0, checkIn: null, checkedIn: false });
		expect(enrolment!.weeks[1]).toMatchObject({
			week: 1,
			opened: true,
			checkedIn: true,
			checkIn: { wentWell: 'Een praatje met de buurvrouw.', tried: null, takeAway: 'Vaker groeten.', shared: true }
		});
		expect(JSON.stringify(enrolment)).not.toContain('gehuild');
		expect(JSON.stringify(enrolment)).not.toContain('Niets');

		// Changing her mind: the week-1 check-in saved again without sharing disappears for Piet.
		expect(await saveCheckIn(handle.db, { actor: anna, week: 1, input: { ...shared, share: false }, now: noon('2026-03-11') })).toEqual({ ok: true });
		const after = (await read(piet, '2026-03-12')).enrolment!;
		expect(after.weeks[1]).toMatchObject({ checkIn: null, checkedIn: false });
		expect(JSON.stringify(after)).not.toContain('buurvrouw');
	});

	it('writes one audit event per read, naming the enrolment; a refused read writes none', async () => {
		await read();
		expect(await programmeReads()).toEqual([{ actor_id: piet.id, subject_id: anna.id, object: 'none', organisation_id: noord.id }]);
		const started = await start();
		if (!started.ok) throw new Error(started.reason);
		await read();
		await read();
		expect(await programmeReads()).toHaveLength(3);
		expect((await programmeReads()).filter((event) => event.object === started.id)).toHaveLength(2);
		await refusal(read(kees));
		expect(await programmeReads()).toHaveLength(3);
		// Starting, messages and the week switches are writes, not reads of the programme.
		await sendProgrammeMessage(handle.db, { actor: piet, personId: anna.id, input: { body: 'Tot dinsdag.' } });
		await setDiscussFirst(handle.db, { actor: piet, personId: anna.id, week: 3, discussFirst: true });
		expect(await programmeReads()).toHaveLength(3);
	});

	it('holds a "bespreek eerst" week until the conversation was held, and only that week', async () => {
		await start();
		expect(await setDiscussFirst(handle.db, { actor: piet, personId: anna.id, week: 1, discussFirst: true })).toEqual({ ok: true });
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-02') });
		const person = (day: string) => programmeView(handle.db, { actor: anna, now: noon(day) });

		expect((await person('2026-03-09'))!.weeks[1]).toMatchObject({ state: 'waiting_for_conversation', discussFirst: true });
		expect(await openWeek(handle.db, { actor: anna, week: 1, now: noon('2026-03-09') })).toEqual({ ok: false, reason: 'week_locked' });
		expect((await read(piet, '2026-03-09')).enrolment!.weeks[1]).toMatchObject({ state: 'waiting_for_conversation', discussed: false });
		// Week 2 is not held back by week 1.
		expect((await person('2026-03-16'))!.weeks[2]!.state).toBe('open');

		expect(await markConversationHeld(handle.db, { actor: piet, personId: anna.id, week: 1, now: noon('2026-03-17') })).toEqual({ ok: true });
		expect((await person('2026-03-17'))!.weeks[1]!.state).toBe('open');
		expect(await openWeek(handle.db, { actor: anna, week: 1, now: noon('2026-03-17') })).toEqual({ ok: true });
		expect((await read(piet, '2026-03-17')).enrolment!.weeks[1]).toMatchObject({ state: 'open', discussFirst: true, discussed: true, opened: true });

		// Switched off before the week opens, a week simply opens on its day.
		expect(await setDiscussFirst(handle.db, { actor: piet, personId: anna.id, week: 4, discussFirst: true, now: noon('2026-03-17') })).toEqual({ ok: true });
		expect(await setDiscussFirst(handle.db, { actor: piet, personId: anna.id, week: 4, discussFirst: false, now: noon('2026-03-17') })).toEqual({ ok: true });
		// A week the client can already use is never taken away again.
		expect(await setDiscussFirst(handle.db, { actor: piet, personId: anna.id, week: 2, discussFirst: true, now: noon('2026-03-17') })).toEqual({ ok: false, reason: 'week_open' });
		expect((await person('2026-03-17'))!.weeks[2]!.state).toBe('open');
		expect((await person('2026-03-30'))!.weeks[4]!.state).toBe('open');
	});

	it('refuses week 0 and weeks outside the programme for "bespreek eerst", and weeks without a programme', async () => {
		expect(await setDiscussFirst(handle.db, { actor: piet, personId: anna.id, week: 2, discussFirst: true })).toEqual({ ok: false, reason: 'no_programme' });
		expect(await markConversationHeld(handle.db, { actor: piet, personId: anna.id, week: 2 })).toEqual({ ok: false, reason: 'no_programme' });
		await start();
		for (const week of [0, -1, 10]) {
			expect(await setDiscussFirst(handle.db, { actor: piet, personId: anna.id, week, discussFirst: true })).toEqual({ ok: false, reason: 'week_invalid' });
		}
		expect(await markConversationHeld(handle.db, { actor: piet, personId: anna.id, week: 10 })).toEqual({ ok: false, reason: 'week_invalid' });
	});

	it('brings the welcome line and the messages to the person, newest first', async () => {
		expect(await sendProgrammeMessage(handle.db, { actor: piet, personId: anna.id, input: { body: 'Hoi' } })).toEqual({ ok: false, reason: 'no_programme' });
		await start(piet, anna.id, 'Fijn dat je meedoet, Anna.');
		await sendProgrammeMessage(handle.db, { actor: piet, personId: anna.id, input: { body: 'Ik dacht aan je.' }, now: noon('2026-03-03') });
		await sendProgrammeMessage(handle.db, { actor: piet, personId: anna.id, input: { body: 'Zullen we samen naar week 1 kijken?' }, now: noon('2026-03-04') });

		const view = (await programmeView(handle.db, { actor: anna, now: noon('2026-03-05') }))!;
		expect(view).toMatchObject({ welcome: 'Fijn dat je meedoet, Anna.', startedBy: 'professional', startDay: null });
		expect(view.messages.map((message) => message.body)).toEqual(['Zullen we samen naar week 1 kijken?', 'Ik dacht aan je.']);
		expect((await read(piet, '2026-03-05')).enrolment!.messages.map((message) => message.body)).toEqual(['Zullen we samen naar week 1 kijken?', 'Ik dacht aan je.']);
		// At rest, the welcome line and the messages are ciphertext.
		const stored = await handle.db.selectFrom('programme_message').select('body').execute();
		expect(stored.map((row) => row.body).join(' ')).not.toContain('dacht');
		const enrolment = await handle.db.selectFrom('programme_enrolment').select('welcome').executeTakeFirstOrThrow();
		expect(enrolment.welcome).not.toContain('meedoet');
	});

	it('shows the week the client is in, what was done, and the scores before and after', async () => {
		await start();
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-02') });
		expect(await saveProgrammeMeasurement(handle.db, { actor: anna, week: 0, answers: lonelyAnswers, now: noon('2026-03-02') })).toMatchObject({ ok: true });
		const { enrolment } = await read(piet, '2026-04-27');
		expect(enrolment).toMatchObject({ startDay: '2026-03-02', currentWeek: 8, state: 'active', remindersStopped: false });
		expect(enrolment!.weeks[0]).toMatchObject({ state: 'done', measured: true });
		expect(enrolment!.scores.pre).toMatchObject({ total: 11, band: 'very_severely_lonely' });
		expect(enrolment!.scores.post).toBeUndefined();

		expect(await saveProgrammeMeasurement(handle.db, { actor: anna, week: 8, answers: calmerAnswers, now: noon('2026-04-27') })).toMatchObject({ ok: true });
		const after = (await read(piet, '2026-04-28')).enrolment!;
		expect(after.scores.post).toMatchObject({ total: 4, band: 'moderately_lonely' });
		expect(after.weeks[8]).toMatchObject({ state: 'done', measured: true });
	});
});
