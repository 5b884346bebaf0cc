/**
 * The personal calendar feed with the programme in it, on both databases: the day each programme week opens and each
 * planned small step are all-day events without an alarm, next to the planned moments of connection; the titles say
 * "week 3", never what the programme is about; a pause moves the weeks still to come; another person's programme
 * and steps never show.
 */
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { DatabaseHandle } from '$lib/server/db/client';
import { calendarFeedByToken } from '$lib/composers/calendar-feed.server';
import { startCalendarFeed } from '$lib/features/relationships/calendar-feed.server';
import { planMoment } from '$lib/features/relationships/planned-moments.server';
import { addRelation } from '$lib/features/relationships/relations.server';
import { plannedMomentSchema, relationSchema } from '$lib/features/relationships/relationships.schema';
import { pauseProgramme, resumeProgramme, startProgramme } from '$lib/features/programme/enrolment.server';
import { openWeek } from '$lib/features/programme/progress.server';
import { planStep } from '$lib/features/small-steps/step-plans.server';
import { joinGroupSchema } from '$lib/features/groups/participation.schema';
import { joinGroup, myGroups } from '$lib/features/groups/participation.server';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { testDatabases } from './databases';
import { groupFixtures } from './group-fixtures';
import { cancelSession, moveSession } from '$lib/features/groups/sessions.server';
import { sessionChangeSchema } from '$lib/features/groups/group.schema';
import { professionalFixtures } from './professional-fixtures';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-calendar-feed-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const noon = (day: string) => new Date(`${day}T11:00:00Z`);

interface Event {
	uid: string;
	summary: string;
	start: string;
	isDate: boolean;
	end: string;
	alarm: boolean;
}

function events(text: string): Event[] {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return calendar.getAllSubcomponents('vevent').map((vevent) => {
		const event = new ICAL.Event(vevent);
		return {
			uid: event.uid,
			summary: event.summary,
			start: event.startDate.toString(),
			isDate: event.startDate.isDate,
			end: event.endDate.toString(),
			alarm: vevent.getFirstSubcomponent('valarm') !== null
		};
	});
}

describe.each(testDatabases())('the calendar feed with the programme on $name', (target) => {
	let handle: DatabaseHandle;
	let anna: SignedInAccount;
	let ben: SignedInAccount;

	beforeEach(async () => {
		handle = await target.open();
		const fixtures = professionalFixtures(handle);
		anna = await fixtures.person('anna@example.nl', 'Anna');
		ben = await fixtures.person('ben@example.nl', 'Ben');
	});
	afterEach(() => handle.close());

	const feedOf = async (actor: SignedInAccount, locale: 'nl' | 'en', now: Date) => {
		const { token } = await startCalendarFeed(handle.db, { actor, locale, now });
		return events((await calendarFeedByToken(handle.db, { token, now }))!);
	};

	it('shows the day each week opens and the planned small steps as all-day events, beside the planned moments', async () => {
		// Started on Monday 2 March 2026; week 1 opens on the 9th, week 8 on 27 April, the follow-up on 20 July.
		await startProgramme(handle.db, { actor: anna, input: { reminders: 'week_start' }, now: noon('2026-03-02') });
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-02') });
		const step = await planStep(handle.db, { actor: anna, input: { stepId: 'ask-for-a-tip', plannedDay: '2026-03-12' }, now: noon('2026-03-02') });
		expect(step.ok).toBe(true);
		const relation = await addRelation(handle.db, { actor: anna, input: relationSchema.parse({ nickname: 'Anoek', circle: 'friends' }), now: noon('2026-03-02') });
		const moment = await planMoment(handle.db, { actor: anna, relationId: relation.id, input: plannedMomentSchema('2026-03-02').parse({ day: '2026-03-10', time: '14:30' }), now: noon('2026-03-02') });
		expect(moment.ok).toBe(true);
		// Ben's programme and steps are his own.
		await startProgramme(handle.db, { actor: ben, input: { reminders: 'none' }, now: noon('2026-03-02') });
		await openWeek(handle.db, { actor: ben, week: 0, now: noon('2026-03-02') });
		await planStep(handle.db, { actor: ben, input: { stepId: 'ask-for-a-tip', plannedDay: '2026-03-13' }, now: noon('2026-03-02') });

		const feed = await feedOf(anna, 'nl', noon('2026-03-03'));
		const weeks = feed.filter((event) => event.summary.includes('programma'));
		expect(weeks.map((event) => [event.summary, event.start])).toEqual([
			['Week 1 van je programma', '2026-03-09'],
			['Week 2 van je programma', '2026-03-16'],
			['Week 3 van je programma', '2026-03-23'],
			['Week 4 van je programma', '2026-03-30'],
			['Week 5 van je programma', '2026-04-06'],
			['Week 6 van je programma', '2026-04-13'],
			['Week 7 van je programma', '2026-04-20'],
			['Week 8 van je programma', '2026-04-27'],
			['Terugkijken met je programma', '2026-07-20']
		]);
		expect(weeks.every((event) => event.isDate && !event.alarm)).toBe(true);
		expect(weeks[0]!.end).toBe('2026-03-10');
		const steps = feed.filter((event) => event.summary.startsWith('Kleine stap'));
		expect(steps).toEqual([expect.objectContaining({ summary: 'Kleine stap: Vraag iemand in je buurt om een tip', start: '2026-03-12', isDate: true, alarm: false })]);
		// The moment of connection keeps its time and its reminder.
		expect(feed.filter((event) => !event.isDate)).toEqual([expect.objectContaining({ summary: expect.stringContaining('Anoek'), alarm: true })]);
		expect(feed).toHaveLength(11);

		const english = await feedOf(anna, 'en', noon('2026-03-03'));
		expect(english.map((event) => event.summary)).toContain('Week 3 of your programme');
		expect(english.map((event) => event.summary)).toContain('Small step: Ask someone in your neighbourhood for a tip');
	});

	it('moves the weeks still to come after a pause, and shows nothing before week 0 is opened', async () => {
		await startProgramme(handle.db, { actor: anna, input: { reminders: 'week_start' }, now: noon('2026-03-02') });
		expect((await feedOf(anna, 'nl', noon('2026-03-03'))).filter((event) => event.isDate)).toEqual([]);
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-02') });
		await pauseProgramme(handle.db, { actor: anna, now: noon('2026-03-10') });
		// While paused, the days of weeks still to come are not known: only week 1, which opened, stays.
		const paused = await feedOf(anna, 'nl', noon('2026-03-12'));
		expect(paused.map((event) => [event.summary, event.start])).toEqual([['Week 1 van je programma', '2026-03-09']]);
		await resumeProgramme(handle.db, { actor: anna, now: noon('2026-03-15') });
		const resumed = await feedOf(anna, 'nl', noon('2026-03-15'));
		// Five days paused: week 2 opens on the 21st; the event keeps its UID, so a calendar moves it.
		const week2 = resumed.find((event) => event.summary === 'Week 2 van je programma')!;
		expect(week2.start).toBe('2026-03-21');
		expect(week2.uid).toMatch(/^programme-.+-week-2@brug$/);
	});
});

describe.each(testDatabases())('the calendar feed with group sessions on $name', (target) => {
	let handle: DatabaseHandle;
	let anna: SignedInAccount;
	let ben: SignedInAccount;
	let leader: SignedInAccount;
	let organisationId: string;

	beforeEach(async () => {
		handle = await target.open();
		const fixtures = professionalFixtures(handle);
		const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		organisationId = noord.id;
		leader = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		ben = await fixtures.person('ben@example.nl', 'Ben');
	});
	afterEach(() => handle.close());

	/** Each group session with what a calendar app reads of it, the time in Amsterdam. */
	const sessionsIn = async (actor: SignedInAccount, now: Date) => {
		const { token } = await startCalendarFeed(handle.db, { actor, locale: 'nl', now });
		const calendar = new ICAL.Component(ICAL.parse((await calendarFeedByToken(handle.db, { token, now }))!));
		return calendar
			.getAllSubcomponents('vevent')
			.filter((vevent) => String(vevent.getFirstPropertyValue('uid')).startsWith('group-session-'))
			.map((vevent) => {
				const event = new ICAL.Event(vevent);
				const amsterdam = (time: ICAL.Time) => new Date(time.toUnixTime() * 1000).toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' }).slice(0, 16);
				return {
					uid: event.uid,
					summary: event.summary,
					start: amsterdam(event.startDate),
					end: amsterdam(event.endDate),
					location: event.location,
					sequence: event.sequence,
					status: vevent.getFirstPropertyValue('status') ?? null
				};
			});
	};

	it('shows the sessions of the groups the person is in, follows a move and a cancellation, and drops them after leaving', async () => {
		const group = await groupFixtures(handle).group({ id: organisationId }, [leader], { days: ['2026-03-24', '2026-03-31', '2026-04-07'], now: noon('2026-03-01') });
		expect(await joinGroup(handle.db, { actor: anna, input: joinGroupSchema.parse({ code: group.code, personName: 'Anna' }), now: noon('2026-03-02') })).toMatchObject({ ok: true });

		const before = await sessionsIn(anna, noon('2026-03-03'));
		// 14:00 in Amsterdam, in winter time and (from 29 March) in summer time alike.
		expect(before.map((e) => [e.start, e.end, e.sequence, e.status])).toEqual([
			['2026-03-24 14:00', '2026-03-24 16:00', 0, null],
			['2026-03-31 14:00', '2026-03-31 16:00', 0, null],
			['2026-04-07 14:00', '2026-04-07 16:00', 0, null]
		]);
		expect(before[0]).toMatchObject({ uid: `group-session-${group.sessionIds[0]}@brug`, summary: 'Groep: Samen op dinsdag', location: 'Buurthuis De Brug, zaal 2' });
		expect(await sessionsIn(ben, noon('2026-03-03'))).toEqual([]);

		// The leader moves one session and cancels another (the mails they start are the job runner's, tested apart).
		const enqueued: string[] = [];
		const enqueue = async (_kind: string, key: string) => (enqueued.push(key), true);
		const change = sessionChangeSchema.parse({ day: '2026-04-01', startsAt: '10:00', endsAt: '11:30', place: 'Buurthuis De Brug, zaal 2' });
		expect(await moveSession(handle.db, { actor: leader, groupId: group.id, sessionId: group.sessionIds[1]!, input: change, now: noon('2026-03-05'), enqueue })).toBe('changed');
		expect(await cancelSession(handle.db, { actor: leader, groupId: group.id, sessionId: group.sessionIds[2]!, now: noon('2026-03-05'), enqueue })).toBe('changed');
		expect(enqueued).toHaveLength(2);
		const after = await sessionsIn(anna, noon('2026-03-06'));
		const moved = after.find((e) => e.uid === `group-session-${group.sessionIds[1]}@brug`)!;
		expect(moved).toMatchObject({ start: '2026-04-01 10:00', end: '2026-04-01 11:30', sequence: 1, status: null });
		expect(after.find((e) => e.uid === `group-session-${group.sessionIds[2]}@brug`)).toMatchObject({ sequence: 1, status: 'CANCELLED' });

		const [mine] = await myGroups(handle.db, { actor: anna });
		await withdrawConsent(handle.db, { actor: anna, grantId: mine!.grantId, now: noon('2026-03-07') });
		expect(await sessionsIn(anna, noon('2026-03-07'))).toEqual([]);
	});
});
