/**
 * Drop-out signals for the professional, never shown to the person. Pure: callers pass `today` (a local day).
 * - `programmeSignals(facts, today)`: `week1_unopened` (week 1 not opened by day 10) and `no_step` (nothing done in
 *   the programme for 7 whole days while it runs, paused days not counted).
 *
 * Decisions:
 * - Day 10 counts from the day the person opened week 0, or from the day the enrolment was made when they never
 *   did (most people who drop out never begin). Paused days do not count.
 * - "Nothing done": no week opened, no exercise or step marked, no check-in, no measurement. Today is not over, so
 *   it does not count (as the caseload's "quiet" signal): last active on the 1st, the signal shows from the 9th.
 * - Only while the weeks run (week 1 to the end of week 8) and the enrolment is active: a pause is the person's own
 *   choice, and the quiet weeks before the follow-up are meant to be quiet. Never both signals at once.
 */
import { isLocalDay } from '$lib/time';
import { elapsedDays, type ProgrammeClock } from './schedule';

export const week1UnopenedByDay = 10;
export const noStepDays = 7;
/** The weeks run from day 0 to day 62, the last day of week 8. */
const weeksRunFor = 62;

export interface ProgrammeFacts {
	enrolmentId: string;
	state: string;
	createdDay: string;
	clock: ProgrammeClock;
	week1Opened: boolean;
	/** Week 1 waits for the professional's own "bespreek eerst" conversation: the client cannot open it yet. */
	week1Waiting?: boolean;
	/** The last local day anything was done in the programme; null when nothing yet. */
	lastActiveDay: string | null;
	remindersStopped: boolean;
	/** The week the client is in (by the calendar). */
	currentWeek: number;
}

export type ProgrammeSignal = { id: 'week1_unopened'; day: number } | { id: 'no_step'; lastActiveDay: string; days: number };

function daysFrom(from: string, to: string): number {
	if (!isLocalDay(from) || !isLocalDay(to)) throw new RangeError(`Not a date (YYYY-MM-DD): ${from} or ${to}`);
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function programmeSignals(facts: ProgrammeFacts, today: string): ProgrammeSignal[] {
	if (facts.state !== 'active') return [];
	const clock: ProgrammeClock = { ...facts.clock, startDay: facts.clock.startDay ?? facts.createdDay };
	const day = elapsedDays(clock, today);
	// After the weeks have run, going quiet is what the programme asks; a client who never began is no news then.
	if (day > weeksRunFor) return [];
	if (!facts.week1Opened && !facts.week1Waiting && day >= week1UnopenedByDay) return [{ id: 'week1_unopened', day }];
	if (facts.clock.startDay === null || day < 7) return [];
	const last = facts.lastActiveDay !== null && facts.lastActiveDay > facts.clock.startDay ? facts.lastActiveDay : facts.clock.startDay;
	// Paused days do not count. The clock keeps only their sum, not when they were, so all of them are taken off: a
	// signal may come late after a pause, but never because of one.
	const days = daysFrom(last, today) - facts.clock.pausedDays;
	// Whole days without a step are days − 1: today is not over yet.
	if (days - 1 >= noStepDays) return [{ id: 'no_step', lastActiveDay: last, days }];
	return [];
}
