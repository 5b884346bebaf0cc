import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '$lib/time';
import { noStepDays, programmeSignals, week1UnopenedByDay, type ProgrammeFacts } from './programme-signals';

/** A Monday; the programme's first day. */
const start = '2026-03-02';
const facts = (over: Partial<ProgrammeFacts> = {}, clock: Partial<ProgrammeFacts['clock']> = {}): ProgrammeFacts => ({
	enrolmentId: 'e1',
	state: 'active',
	createdDay: start,
	clock: { startDay: start, pausedSince: null, pausedDays: 0, ...clock },
	week1Opened: false,
	lastActiveDay: start,
	remindersStopped: false,
	currentWeek: 0,
	...over
});
const ids = (f: ProgrammeFacts, today: string) => programmeSignals(f, today).map((signal) => signal.id);

describe('programmeSignals: week 1 not opened', () => {
	it('is silent up to day 9 and speaks from day 10, naming the day', () => {
		expect(week1UnopenedByDay).toBe(10);
		expect(programmeSignals(facts({ lastActiveDay: addDays(start, 8) }), addDays(start, 9))).toEqual([]);
		expect(programmeSignals(facts(), addDays(start, 10))).toEqual([{ id: 'week1_unopened', day: 10 }]);
		expect(programmeSignals(facts(), addDays(start, 12))).toEqual([{ id: 'week1_unopened', day: 12 }]);
	});

	it('is silent once week 1 was opened', () => {
		expect(ids(facts({ week1Opened: true, lastActiveDay: addDays(start, 9) }), addDays(start, 10))).toEqual([]);
	});

	it('does not count paused days', () => {
		const paused = facts({ lastActiveDay: addDays(start, 13) }, { pausedDays: 5 });
		expect(programmeSignals(paused, addDays(start, 14))).toEqual([]);
		expect(programmeSignals(paused, addDays(start, 15))).toEqual([{ id: 'week1_unopened', day: 10 }]);
	});

	it('counts from the day the enrolment was made when week 0 was never opened', () => {
		const notStarted = facts({ lastActiveDay: null }, { startDay: null });
		expect(programmeSignals(notStarted, addDays(start, 8))).toEqual([]);
		expect(programmeSignals(notStarted, addDays(start, 9))).toEqual([]);
		expect(programmeSignals(notStarted, addDays(start, 10))).toEqual([{ id: 'week1_unopened', day: 10 }]);
		// Not started is never "no step": it is the week-1 signal or nothing.
		expect(ids(notStarted, addDays(start, 30))).toEqual(['week1_unopened']);
	});
});

describe('programmeSignals: no step in the programme', () => {
	const going = (lastActiveDay: string | null) => facts({ week1Opened: true, lastActiveDay, currentWeek: 2 });

	it('speaks after seven whole days without a step; today does not count yet', () => {
		expect(noStepDays).toBe(7);
		const last = addDays(start, 8);
		expect(programmeSignals(going(last), addDays(last, 7))).toEqual([]);
		expect(programmeSignals(going(last), addDays(last, 8))).toEqual([{ id: 'no_step', lastActiveDay: last, days: 8 }]);
	});

	it('counts from the start day when nothing was done since', () => {
		expect(programmeSignals(going(null), addDays(start, 7))).toEqual([]);
		expect(programmeSignals(going(null), addDays(start, 8))).toEqual([{ id: 'no_step', lastActiveDay: start, days: 8 }]);
	});

	it('is silent in the quiet weeks between week 8 and the follow-up', () => {
		const last = addDays(start, 40);
		expect(ids(going(last), addDays(start, 62))).toEqual(['no_step']);
		expect(ids(going(last), addDays(start, 70))).toEqual([]);
		expect(ids(going(last), addDays(start, 139))).toEqual([]);
	});

	it('is silent while paused, stopped or completed', () => {
		const today = addDays(start, 30);
		for (const state of ['paused', 'stopped', 'completed']) {
			expect(programmeSignals({ ...going(null), state }, today)).toEqual([]);
			expect(programmeSignals({ ...facts(), state }, today)).toEqual([]);
		}
	});

	it('does not count paused days', () => {
		// Back from a three-week pause: the clock says day 2, so it is too early for this signal.
		expect(ids(facts({ week1Opened: true, lastActiveDay: start }, { pausedDays: 21 }), addDays(start, 23))).toEqual([]);
		// A step on day 10, then a five-day pause: five more days without a step are not yet seven.
		const last = addDays(start, 10);
		const resumed = facts({ week1Opened: true, lastActiveDay: last }, { pausedDays: 5 });
		expect(programmeSignals(resumed, addDays(last, 12))).toEqual([]);
		expect(programmeSignals(resumed, addDays(last, 13))).toEqual([{ id: 'no_step', lastActiveDay: last, days: 8 }]);
	});
});

describe('programmeSignals: never both', () => {
	it('gives at most one signal, week 1 first', () => {
		expect(ids(facts({ lastActiveDay: start }), addDays(start, 20))).toEqual(['week1_unopened']);
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 200 }),
				fc.boolean(),
				fc.option(fc.integer({ min: 0, max: 200 })),
				fc.integer({ min: 0, max: 30 }),
				(day, week1Opened, lastOffset, pausedDays) => {
					const last = lastOffset === null ? null : addDays(start, Math.min(lastOffset, day));
					const signals = programmeSignals(facts({ week1Opened, lastActiveDay: last }, { pausedDays }), addDays(start, day));
					return signals.length <= 1;
				}
			)
		);
	});
});
