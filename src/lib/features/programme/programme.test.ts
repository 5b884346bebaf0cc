import { describe, expect, it } from 'vitest';
import { currentWeekOf, isWeekDone, momentOfWeek, weekOfMoment, weekStates, type EnrolmentClock, type WeekProgress } from './programme';

const clock = (fields: Partial<EnrolmentClock> = {}): EnrolmentClock => ({
	startDay: '2026-03-02',
	pausedSince: null,
	pausedDays: 0,
	state: 'active',
	endedDay: null,
	...fields
});
const progress = (week: number, fields: Partial<WeekProgress> = {}): WeekProgress => ({
	week,
	openedAt: null,
	exerciseDoneAt: null,
	stepDoneAt: null,
	checkinAt: null,
	discussFirst: false,
	discussedAt: null,
	...fields
});
const done = '2026-03-10T10:00:00.000Z';

describe('which week asks which measurement', () => {
	it('asks the DJG-11 before (week 0), after (week 8) and at the follow-up (9), and in no other week', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(momentOfWeek)).toEqual(['pre', null, null, null, null, null, null, null, 'post', 'follow_up']);
		expect((['pre', 'post', 'follow_up'] as const).map(weekOfMoment)).toEqual([0, 8, 9]);
	});
});

describe('when a week counts as done', () => {
	const none = { exerciseDone: false, stepDone: false, checkedIn: false, measured: false };
	it('is the measurement in weeks 0, 8 and 9, whatever else was done', () => {
		for (const week of [0, 8, 9]) {
			expect(isWeekDone(week, { ...none, exerciseDone: true, stepDone: true, checkedIn: true })).toBe(false);
			expect(isWeekDone(week, { ...none, measured: true })).toBe(true);
		}
	});
	it('is a check-in, or both the exercise and the step, in the other weeks', () => {
		expect(isWeekDone(3, none)).toBe(false);
		expect(isWeekDone(3, { ...none, exerciseDone: true })).toBe(false);
		expect(isWeekDone(3, { ...none, stepDone: true })).toBe(false);
		expect(isWeekDone(3, { ...none, exerciseDone: true, stepDone: true })).toBe(true);
		expect(isWeekDone(3, { ...none, checkedIn: true })).toBe(true);
	});
});

describe('the state of each week', () => {
	it('opens weeks by the calendar and marks them done by what the person did', () => {
		const states = weekStates(clock(), [progress(0, { openedAt: done }), progress(1, { openedAt: done, checkinAt: done })], new Set(['pre']), '2026-03-16');
		expect(states.map((s) => s.state)).toEqual(['done', 'done', 'open', 'locked', 'locked', 'locked', 'locked', 'locked', 'locked', 'locked']);
		expect(states[3]).toMatchObject({ week: 3, opensOn: '2026-03-23', opened: false });
		expect(currentWeekOf(states)).toBe(2);
	});

	it('holds back a "bespreek eerst" week until the conversation was held, and only that week', () => {
		const waiting = weekStates(clock(), [progress(1, { discussFirst: true })], new Set(), '2026-03-16');
		expect(waiting.slice(0, 3).map((s) => s.state)).toEqual(['open', 'waiting_for_conversation', 'open']);
		expect(waiting[1]!.discussFirst).toBe(true);
		const held = weekStates(clock(), [progress(1, { discussFirst: true, discussedAt: done })], new Set(), '2026-03-16');
		expect(held[1]!.state).toBe('open');
	});

	it('keeps a missed week open, and shows the newest opened week first', () => {
		const states = weekStates(clock(), [], new Set(), '2026-04-20');
		expect(states.slice(0, 8).every((s) => s.state === 'open')).toBe(true);
		expect(currentWeekOf(states)).toBe(7);
	});

	it('unlocks nothing after a stop or the end, but keeps what had opened', () => {
		const stopped = weekStates(clock({ state: 'stopped', endedDay: '2026-03-12' }), [], new Set(), '2026-06-01');
		expect(stopped.map((s) => s.state)).toEqual(['open', 'open', ...Array(8).fill('locked')]);
		expect(currentWeekOf(stopped)).toBe(1);
	});

	it('has only week 0 before the start, and week 0 is shown first', () => {
		const notStarted = weekStates(clock({ startDay: null }), [], new Set(), '2026-06-01');
		expect(notStarted.map((s) => s.state)).toEqual(['open', ...Array(9).fill('locked')]);
		expect(notStarted[1]!.opensOn).toBeNull();
		expect(currentWeekOf(notStarted)).toBe(0);
	});
});
