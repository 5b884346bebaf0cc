import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '$lib/time';
import {
	ignoredInARow,
	maxRemindersPerWeek,
	reminderDue,
	reminderKeyParts,
	reminderKinds,
	stopAfterIgnored,
	type ReminderInput,
	type ReminderKind,
	type ReminderWeekFacts,
	type SentReminder
} from './reminders';

const start = '2026-09-07';
const day = (n: number) => addDays(start, n);
const week = (number: number, facts: Partial<ReminderWeekFacts> = {}): ReminderWeekFacts => ({
	week: number,
	opened: false,
	stepDone: false,
	exerciseDone: false,
	discussFirst: false,
	discussed: false,
	...facts
});
const sent = (onDay: number, kind: ReminderKind, forWeek: number, acted = false): SentReminder => ({ day: day(onDay), kind, week: forWeek, acted });

/** An active enrolment started on `start`, week 0 opened, on day `today` of the clock. */
function input(today: number, overrides: Partial<ReminderInput> = {}): ReminderInput {
	return {
		choice: 'week_start',
		state: 'active',
		remindersStopped: false,
		today: day(today),
		clock: { startDay: start, pausedSince: null, pausedDays: 0 },
		weeks: [week(0, { opened: true })],
		followUpMeasured: false,
		sent: [],
		...overrides
	};
}

describe('week_start', () => {
	it('reminds once when the current week opened and the person has not looked yet', () => {
		expect(reminderDue(input(7))).toEqual({ kind: 'week_start', week: 1 });
		expect(reminderDue(input(9, { choice: 'open_steps' }))).toEqual({ kind: 'week_start', week: 1 });
		expect(reminderDue(input(9, { sent: [sent(7, 'week_start', 1, true)] }))).toBeNull();
	});
	it('sends nothing once the week is opened', () => {
		expect(reminderDue(input(8, { weeks: [week(0, { opened: true }), week(1, { opened: true })] }))).toBeNull();
	});
	it('points only at the current week, never at a missed one', () => {
		expect(reminderDue(input(15, { sent: [sent(7, 'week_start', 1, true)] }))).toEqual({ kind: 'week_start', week: 2 });
		expect(reminderDue(input(30))).toEqual({ kind: 'week_start', week: 4 });
	});
});

describe('only when something is open', () => {
	it('sends nothing about week 0, before the start or before week 1 opens', () => {
		expect(reminderDue(input(0))).toBeNull();
		expect(reminderDue(input(6, { choice: 'open_steps' }))).toBeNull();
		expect(reminderDue(input(3, { clock: { startDay: null, pausedSince: null, pausedDays: 0 }, weeks: [] }))).toBeNull();
	});
	it('sends nothing about a week waiting for a conversation', () => {
		const waiting = [week(0, { opened: true }), week(1, { discussFirst: true })];
		expect(reminderDue(input(8, { weeks: waiting }))).toBeNull();
		const held = [week(0, { opened: true }), week(1, { discussFirst: true, discussed: true })];
		expect(reminderDue(input(8, { weeks: held }))).toEqual({ kind: 'week_start', week: 1 });
	});
	it('sends nothing while paused, stopped or completed, with the choice none, or after a stop', () => {
		for (const state of ['paused', 'stopped', 'completed'] as const) expect(reminderDue(input(8, { state }))).toBeNull();
		expect(reminderDue(input(8, { choice: 'none' }))).toBeNull();
		expect(reminderDue(input(8, { remindersStopped: true }))).toBeNull();
	});
	it('counts no paused days: after a five-day pause week 1 is due five days later', () => {
		const clock = { startDay: start, pausedSince: null, pausedDays: 5 };
		expect(reminderDue(input(11, { clock }))).toBeNull();
		expect(reminderDue(input(12, { clock }))).toEqual({ kind: 'week_start', week: 1 });
	});
});

describe('open_step', () => {
	const opened = (facts: Partial<ReminderWeekFacts> = {}) => [week(0, { opened: true }), week(1, { opened: true, ...facts })];

	it('mentions an open step from three days after the week opened, once', () => {
		expect(reminderDue(input(9, { choice: 'open_steps', weeks: opened() }))).toBeNull();
		expect(reminderDue(input(10, { choice: 'open_steps', weeks: opened() }))).toEqual({ kind: 'open_step', week: 1 });
		expect(reminderDue(input(12, { choice: 'open_steps', weeks: opened(), sent: [sent(10, 'open_step', 1, true)] }))).toBeNull();
	});
	it('stays quiet for the choice week_start, or when the step is done', () => {
		expect(reminderDue(input(10, { weeks: opened() }))).toBeNull();
		expect(reminderDue(input(10, { choice: 'open_steps', weeks: opened({ stepDone: true }) }))).toBeNull();
	});
	it('counts the three days on the clock, without paused days', () => {
		const clock = { startDay: start, pausedSince: null, pausedDays: 2 };
		expect(reminderDue(input(11, { choice: 'open_steps', clock, weeks: opened() }))).toBeNull();
		expect(reminderDue(input(12, { choice: 'open_steps', clock, weeks: opened() }))).toEqual({ kind: 'open_step', week: 1 });
	});
	it('comes after the week start of a newer week', () => {
		const weeks = [...opened(), week(2)];
		expect(reminderDue(input(14, { choice: 'open_steps', weeks, sent: [sent(10, 'open_step', 1, true)] }))).toEqual({ kind: 'week_start', week: 2 });
	});
});

describe('follow_up', () => {
	const allOpened = Array.from({ length: 9 }, (_, n) => week(n, { opened: true, stepDone: true }));

	it('asks for the follow-up measurement once it is open, before anything else', () => {
		expect(reminderDue(input(139, { weeks: allOpened }))).toBeNull();
		expect(reminderDue(input(140, { weeks: allOpened }))).toEqual({ kind: 'follow_up', week: 9 });
		expect(reminderDue(input(140, { weeks: allOpened, followUpMeasured: true }))).toBeNull();
	});
	it('asks again a week later at the soonest, and twice at most', () => {
		const once = [sent(140, 'follow_up', 9, true)];
		expect(reminderDue(input(146, { weeks: allOpened, sent: once }))).toBeNull();
		expect(reminderDue(input(147, { weeks: allOpened, sent: once }))).toEqual({ kind: 'follow_up', week: 9 });
		const twice = [...once, sent(147, 'follow_up', 9, true)];
		expect(reminderDue(input(160, { weeks: allOpened, sent: twice }))).toBeNull();
	});
	it('waits for a conversation when the follow-up is "bespreek eerst"', () => {
		const weeks = [...allOpened, week(9, { discussFirst: true })];
		expect(reminderDue(input(150, { weeks }))).toBeNull();
	});
});

describe('caps', () => {
	it('sends at most one a day', () => {
		expect(reminderDue(input(7, { sent: [sent(7, 'follow_up', 9, true)] }))).toBeNull();
	});
	it('sends at most three in the seven days ending today', () => {
		const three = [sent(2, 'week_start', 1, true), sent(4, 'week_start', 1, true), sent(6, 'week_start', 1, true)];
		const due = (today: number, given: SentReminder[]) => reminderDue(input(today, { weeks: [], sent: given, clock: { startDay: day(-10), pausedSince: null, pausedDays: 0 } }));
		expect(due(8, three)).toBeNull();
		expect(due(9, three)).toEqual({ kind: 'week_start', week: 2 });
		expect(due(9, three.slice(1))).toEqual({ kind: 'week_start', week: 2 });
		expect(maxRemindersPerWeek).toBe(3);
	});
	it('never sends more than one a day or three in seven days, whatever was sent before', () => {
		let sentSome = 0;
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.record({ offset: fc.integer({ min: 0, max: 20 }), kind: fc.constantFrom(...reminderKinds), acted: fc.boolean() }), {
					selector: (r) => r.offset
				}),
				fc.integer({ min: 0, max: 30 }),
				(history, today) => {
					const given = history.map((r) => sent(r.offset, r.kind, 1, r.acted));
					const due = reminderDue(input(today, { choice: 'open_steps', sent: given }));
					if (due === null) return;
					sentSome++;
					expect(given.some((r) => r.day === day(today))).toBe(false);
					expect(given.filter((r) => r.day >= day(today - 6) && r.day <= day(today)).length).toBeLessThan(3);
					expect(ignoredInARow(given)).toBeLessThan(3);
				}
			)
		);
		// The property must not hold only because nothing is ever due.
		expect(sentSome).toBeGreaterThan(0);
	});
});

describe('back-off', () => {
	it('counts the newest reminders not acted on, by day', () => {
		expect(ignoredInARow([])).toBe(0);
		expect(ignoredInARow([sent(30, 'week_start', 4), sent(7, 'week_start', 1, true), sent(20, 'open_step', 2)])).toBe(2);
		expect(ignoredInARow([sent(7, 'week_start', 1), sent(30, 'week_start', 4, true), sent(20, 'open_step', 2)])).toBe(0);
	});
	it('stops after three ignored in a row', () => {
		const ignored = [sent(7, 'week_start', 1), sent(14, 'week_start', 2), sent(21, 'week_start', 3)];
		expect(stopAfterIgnored).toBe(3);
		expect(reminderDue(input(28, { sent: ignored }))).toBeNull();
		expect(reminderDue(input(60, { sent: ignored }))).toBeNull();
	});
	it('starts again once the person acted on the newest one', () => {
		const acted = [sent(7, 'week_start', 1), sent(14, 'week_start', 2), sent(21, 'week_start', 3, true)];
		expect(reminderDue(input(28, { sent: acted }))).toEqual({ kind: 'week_start', week: 4 });
		const older = [sent(7, 'week_start', 1, true), sent(14, 'week_start', 2), sent(21, 'week_start', 3)];
		expect(reminderDue(input(28, { sent: older }))).toEqual({ kind: 'week_start', week: 4 });
	});
});

describe('the job key', () => {
	it('is the same string for the same enrolment, day and kind', () => {
		expect(reminderKeyParts('enr-1', '2026-10-25', 'week_start')).toBe('enr-1:2026-10-25:week_start');
		expect(reminderKeyParts('enr-1', '2026-10-25', 'week_start')).toBe(reminderKeyParts('enr-1', '2026-10-25', 'week_start'));
		expect(reminderKeyParts('enr-1', '2026-10-25', 'open_step')).not.toBe(reminderKeyParts('enr-1', '2026-10-26', 'open_step'));
	});
	it('refuses parts that would make the key ambiguous', () => {
		expect(() => reminderKeyParts('', '2026-10-25', 'follow_up')).toThrow(RangeError);
		expect(() => reminderKeyParts('a:b', '2026-10-25', 'follow_up')).toThrow(RangeError);
		expect(() => reminderKeyParts('enr-1', '25-10-2026', 'follow_up')).toThrow(RangeError);
		expect(() => reminderKeyParts('enr-1', '2026-10-25', 'nag' as ReminderKind)).toThrow(RangeError);
	});
});

describe('bad input', () => {
	it('throws a RangeError for a day that is not a date', () => {
		expect(() => reminderDue(input(8, { today: 'today' }))).toThrow(RangeError);
		expect(() => reminderDue(input(8, { sent: [{ day: '2026-13-01', kind: 'week_start', week: 1, acted: false }] }))).toThrow(RangeError);
		expect(() => ignoredInARow([{ day: '2026-10-01', kind: 'nag' as ReminderKind, week: 1, acted: false }])).toThrow(RangeError);
	});
});
