import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, localDay, localTime } from '$lib/time';
import {
	currentWeek,
	daysBetween,
	elapsedDays,
	followUpWeek,
	isWeekUnlocked,
	lastWeek,
	pauseEnded,
	weekOpensAfterDays,
	weekUnlockDay,
	type ProgrammeClock
} from './schedule';

const started = (startDay: string, pausedDays = 0): ProgrammeClock => ({ startDay, pausedSince: null, pausedDays });
const notStarted: ProgrammeClock = { startDay: null, pausedSince: null, pausedDays: 0 };
const allWeeks = Array.from({ length: followUpWeek + 1 }, (_, week) => week);

describe('weekOpensAfterDays', () => {
	it('opens a week every seven days and the follow-up twelve weeks after week 8', () => {
		expect(allWeeks.map(weekOpensAfterDays)).toEqual([0, 7, 14, 21, 28, 35, 42, 49, 56, 140]);
		expect(weekOpensAfterDays(lastWeek)).toBe(56);
		expect(weekOpensAfterDays(followUpWeek)).toBe(140);
	});
	it('refuses a week outside 0–9', () => {
		for (const week of [-1, 10, 1.5, Number.NaN]) expect(() => weekOpensAfterDays(week)).toThrow(RangeError);
	});
});

describe('a start on every weekday', () => {
	// 2026-12-07 is a Monday; the seven days cover Monday to Sunday.
	const starts = Array.from({ length: 7 }, (_, i) => addDays('2026-12-07', i));

	it.each(starts)('start %s: week 1 after 7 days, week 8 after 56, the follow-up after 140', (start) => {
		const clock = started(start);
		for (const [week, days] of [
			[1, 7],
			[lastWeek, 56],
			[followUpWeek, 140]
		] as const) {
			expect(isWeekUnlocked(clock, week, addDays(start, days - 1))).toBe(false);
			expect(isWeekUnlocked(clock, week, addDays(start, days))).toBe(true);
			expect(weekUnlockDay(clock, week, start)).toBe(addDays(start, days));
		}
		expect(new Date(`${addDays(start, 7)}T12:00:00Z`).getUTCDay()).toBe(new Date(`${start}T12:00:00Z`).getUTCDay());
	});

	it('counts the weeks as the days go by', () => {
		const clock = started('2026-12-09');
		expect(currentWeek(clock, '2026-12-09')).toBe(0);
		expect(currentWeek(clock, '2026-12-15')).toBe(0);
		expect(currentWeek(clock, '2026-12-16')).toBe(1);
		expect(currentWeek(clock, '2027-02-03')).toBe(8);
		expect(currentWeek(clock, '2027-04-27')).toBe(8);
		expect(currentWeek(clock, '2027-04-28')).toBe(followUpWeek);
		expect(elapsedDays(clock, '2027-04-28')).toBe(140);
	});
});

describe('the daylight-saving weekends', () => {
	it('turns the local day at local midnight, in winter (UTC+1) and in summer (UTC+2)', () => {
		expect(localDay(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
		expect(localDay(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
		expect(localDay(new Date('2026-04-04T21:59:59Z'))).toBe('2026-04-04');
		expect(localDay(new Date('2026-04-04T22:00:00Z'))).toBe('2026-04-05');
	});

	const cases = [
		{ start: '2026-03-22', opens: '2026-03-29', before: '2026-03-28T22:59:59Z', at: '2026-03-28T23:00:00Z' },
		{ start: '2026-03-29', opens: '2026-04-05', before: '2026-04-04T21:59:59Z', at: '2026-04-04T22:00:00Z' },
		{ start: '2026-10-18', opens: '2026-10-25', before: '2026-10-24T21:59:59Z', at: '2026-10-24T22:00:00Z' },
		{ start: '2026-10-25', opens: '2026-11-01', before: '2026-10-31T22:59:59Z', at: '2026-10-31T23:00:00Z' },
		{ start: '2027-03-21', opens: '2027-03-28', before: '2027-03-27T22:59:59Z', at: '2027-03-27T23:00:00Z' },
		{ start: '2027-03-28', opens: '2027-04-04', before: '2027-04-03T21:59:59Z', at: '2027-04-03T22:00:00Z' },
		{ start: '2027-10-24', opens: '2027-10-31', before: '2027-10-30T21:59:59Z', at: '2027-10-30T22:00:00Z' },
		{ start: '2027-10-31', opens: '2027-11-07', before: '2027-11-06T22:59:59Z', at: '2027-11-06T23:00:00Z' }
	];

	it.each(cases)('start $start: week 1 opens at local midnight of $opens, not a second earlier', ({ start, opens, before, at }) => {
		const clock = started(start);
		expect(weekUnlockDay(clock, 1, start)).toBe(opens);
		expect(isWeekUnlocked(clock, 1, localDay(new Date(before)))).toBe(false);
		expect(isWeekUnlocked(clock, 1, localDay(new Date(at)))).toBe(true);
		expect(localTime(new Date(at))).toBe('00:00');
	});

	it('opens every week exactly once, at local midnight, hour by hour across both changes of 2026 and 2027', () => {
		for (const start of ['2026-03-01', '2026-09-27', '2027-03-07', '2027-10-03']) {
			const clock = started(start);
			let previous = currentWeek(clock, start);
			const opened: string[] = [];
			const from = Date.parse(`${start}T00:00:00Z`);
			for (let hour = 0; hour < 24 * 60; hour++) {
				const instant = new Date(from + hour * 3_600_000);
				const week = currentWeek(clock, localDay(instant));
				expect(week).toBeGreaterThanOrEqual(previous);
				if (week !== previous) {
					expect(week).toBe(previous + 1);
					expect(localTime(instant)).toBe('00:00');
					opened.push(localDay(instant));
				}
				previous = week;
			}
			expect(opened).toEqual(Array.from({ length: lastWeek }, (_, i) => addDays(start, 7 * (i + 1))));
		}
	});
});

describe('a paused week', () => {
	const start = '2026-01-05';
	const pausedOnDay10: ProgrammeClock = { startDay: start, pausedSince: addDays(start, 10), pausedDays: 0 };

	it('does not count the days while paused', () => {
		expect(elapsedDays(pausedOnDay10, addDays(start, 10))).toBe(10);
		expect(elapsedDays(pausedOnDay10, addDays(start, 14))).toBe(10);
		expect(elapsedDays(pausedOnDay10, addDays(start, 40))).toBe(10);
		expect(isWeekUnlocked(pausedOnDay10, 2, addDays(start, 20))).toBe(false);
		expect(weekUnlockDay(pausedOnDay10, 2, addDays(start, 12))).toBeNull();
	});

	it('never closes a week that had opened', () => {
		expect(isWeekUnlocked(pausedOnDay10, 1, addDays(start, 12))).toBe(true);
		expect(currentWeek(pausedOnDay10, addDays(start, 12))).toBe(1);
		expect(weekUnlockDay(pausedOnDay10, 1, addDays(start, 12))).toBe(addDays(start, 7));
	});

	it('continues the clock on resume: five days paused, week 2 opens five days later', () => {
		const resumed = pauseEnded(pausedOnDay10, addDays(start, 15));
		expect(resumed).toEqual({ startDay: start, pausedSince: null, pausedDays: 5 });
		expect(elapsedDays(resumed, addDays(start, 15))).toBe(10);
		expect(isWeekUnlocked(resumed, 2, addDays(start, 18))).toBe(false);
		expect(isWeekUnlocked(resumed, 2, addDays(start, 19))).toBe(true);
		expect(weekUnlockDay(resumed, 2, addDays(start, 15))).toBe(addDays(start, 19));
		expect(weekUnlockDay(resumed, followUpWeek, addDays(start, 15))).toBe(addDays(start, 145));
		expect(isWeekUnlocked(resumed, 1, addDays(start, 15))).toBe(true);
	});

	it('adds a second pause to the first', () => {
		const second = { ...pauseEnded(pausedOnDay10, addDays(start, 15)), pausedSince: addDays(start, 20) };
		expect(elapsedDays(second, addDays(start, 30))).toBe(15);
		expect(pauseEnded(second, addDays(start, 23))).toEqual({ startDay: start, pausedSince: null, pausedDays: 8 });
	});

	it('leaves a clock that is not paused as it is', () => {
		expect(pauseEnded(started(start, 3), addDays(start, 30))).toEqual(started(start, 3));
	});
});

describe('a missed week', () => {
	it('stays open, and the current week is the highest unlocked', () => {
		const start = '2026-02-02';
		const day30 = addDays(start, 30);
		expect(isWeekUnlocked(started(start), 2, day30)).toBe(true);
		expect(isWeekUnlocked(started(start), 1, day30)).toBe(true);
		expect(currentWeek(started(start), day30)).toBe(4);
		expect(isWeekUnlocked(started(start), 5, day30)).toBe(false);
		expect(isWeekUnlocked(started(start), 2, addDays(start, 400))).toBe(true);
	});
});

describe('a late start of week 0', () => {
	it('opens only week 0 until it is opened', () => {
		for (const week of allWeeks) expect(isWeekUnlocked(notStarted, week, '2027-06-01')).toBe(week === 0);
		expect(currentWeek(notStarted, '2027-06-01')).toBe(0);
		expect(elapsedDays(notStarted, '2027-06-01')).toBe(0);
		expect(weekUnlockDay(notStarted, 0, '2027-06-01')).toBeNull();
		expect(weekUnlockDay(notStarted, 1, '2027-06-01')).toBeNull();
	});
	it('starts the clock on the day week 0 is opened', () => {
		const clock = started('2027-06-20');
		expect(weekUnlockDay(clock, 0, '2027-06-20')).toBe('2027-06-20');
		expect(weekUnlockDay(clock, 1, '2027-06-20')).toBe('2027-06-27');
		expect(elapsedDays(clock, '2027-06-10')).toBe(0);
		expect(isWeekUnlocked(clock, 1, '2027-06-26')).toBe(false);
	});
});

describe('"bespreek eerst"', () => {
	const clock = started('2026-05-04');
	const day20 = '2026-05-24';

	it('holds back only its own week until the conversation was held', () => {
		expect(isWeekUnlocked(clock, 2, day20, { discussFirst: true, discussed: false })).toBe(false);
		expect(isWeekUnlocked(clock, 2, day20, { discussFirst: true, discussed: true })).toBe(true);
		expect(isWeekUnlocked(clock, 2, day20, { discussFirst: false, discussed: false })).toBe(true);
		expect(isWeekUnlocked(clock, 1, day20)).toBe(true);
		expect(currentWeek(clock, day20)).toBe(2);
	});
	it('does not open a week before its day, discussed or not', () => {
		expect(isWeekUnlocked(clock, 3, day20, { discussFirst: true, discussed: true })).toBe(false);
	});
	it('never holds back the welcome', () => {
		expect(isWeekUnlocked(notStarted, 0, day20, { discussFirst: true, discussed: false })).toBe(true);
	});
});

describe('bad input', () => {
	it('throws a RangeError for anything that is not a day or a week', () => {
		expect(() => elapsedDays(started('2026-01-01'), '1-1-2026')).toThrow(RangeError);
		expect(() => elapsedDays(started('2026-02-30'), '2026-03-01')).toThrow(RangeError);
		expect(() => isWeekUnlocked(started('2026-01-01'), 10, '2026-03-01')).toThrow(RangeError);
		expect(() => currentWeek({ startDay: '2026-01-01', pausedSince: 'yesterday', pausedDays: 0 }, '2026-03-01')).toThrow(RangeError);
		expect(() => weekUnlockDay(started('2026-01-01', -1), 1, '2026-03-01')).toThrow(RangeError);
		expect(() => pauseEnded(started('2026-01-01'), '')).toThrow(RangeError);
		expect(() => isWeekUnlocked(notStarted, 0, 'today')).toThrow(RangeError);
	});
	it('counts days between calendar dates', () => {
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
		expect(daysBetween('2026-10-26', '2026-10-24')).toBe(-2);
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
	});
});

describe('properties', () => {
	const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2025-01-01', n));
	const clockAndPause = fc.record({ start: day, pauseAt: fc.integer({ min: 0, max: 200 }), k: fc.integer({ min: 0, max: 120 }) });

	it('never closes a week as today advances, paused or not', () => {
		fc.assert(
			fc.property(clockAndPause, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 60 }), ({ start, pauseAt, k }, offset, step) => {
				const paused: ProgrammeClock = { startDay: start, pausedSince: addDays(start, pauseAt), pausedDays: k };
				for (const clock of [started(start, k), paused]) {
					const today = addDays(start, offset);
					const later = addDays(today, step);
					for (const week of allWeeks) {
						if (isWeekUnlocked(clock, week, today)) expect(isWeekUnlocked(clock, week, later)).toBe(true);
					}
					expect(currentWeek(clock, later)).toBeGreaterThanOrEqual(currentWeek(clock, today));
				}
			})
		);
	});

	it('shifts every week opening after the pause by exactly k days, and none before it', () => {
		fc.assert(
			fc.property(clockAndPause, ({ start, pauseAt, k }) => {
				const pauseDay = addDays(start, pauseAt);
				const resumeDay = addDays(pauseDay, k);
				const paused: ProgrammeClock = { startDay: start, pausedSince: pauseDay, pausedDays: 0 };
				const resumed = pauseEnded(paused, resumeDay);
				expect(resumed.pausedDays).toBe(k);
				// The clock as stored on each day: running, then paused, then resumed.
				const clockOn = (today: string) => (today < pauseDay ? started(start) : today < resumeDay ? paused : resumed);
				for (const week of allWeeks) {
					const unpausedDay = addDays(start, weekOpensAfterDays(week));
					let first = start;
					while (!isWeekUnlocked(clockOn(first), week, first)) first = addDays(first, 1);
					expect(daysBetween(unpausedDay, first)).toBe(weekOpensAfterDays(week) > pauseAt ? k : 0);
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('agrees with weekUnlockDay for a week still to come', () => {
		fc.assert(
			fc.property(day, fc.integer({ min: 0, max: 60 }), fc.constantFrom(...allWeeks), (start, k, week) => {
				const clock = started(start, k);
				const opens = weekUnlockDay(clock, week, start);
				expect(opens).not.toBeNull();
				expect(isWeekUnlocked(clock, week, opens!)).toBe(true);
				if (week > 0) expect(isWeekUnlocked(clock, week, addDays(opens!, -1))).toBe(false);
			})
		);
	});
});
