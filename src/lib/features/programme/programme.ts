/**
 * The programme's words and the state of each week, pure (no I/O, no clock: callers pass `today`).
 * - `programmeId`, `measurementMoments`, `momentOfWeek(week)`: which week asks which measurement.
 * - `enrolmentStates`, `reminderChoices` (the phases and week numbers are the content's: programme.schema.ts).
 * - `weekStates(enrolment, progress, today)`: per week 0–9 whether it is locked, open, waiting for a conversation or
 *   done, and on which day it opens.
 * - `currentWeekOf(states)`: the week the person's page starts with: the newest week that has opened.
 *
 * Decisions:
 * - "Done" means the person did what the week asks of them: in week 0, 8 and the follow-up the measurement; in the
 *   other weeks a check-in, or both the exercise and the step. Nothing ever closes again: a missed week stays open.
 * - A stopped or completed enrolment keeps what was unlocked, but unlocks nothing new.
 */
import { followUpWeek, isWeekUnlocked, weekUnlockDay, type ProgrammeClock } from './schedule';
import { defaultProgrammeId, programmeWeekNumbers } from './programme-values';

export const programmeId = defaultProgrammeId;

export const enrolmentStates = ['active', 'paused', 'stopped', 'completed'] as const;
export type EnrolmentState = (typeof enrolmentStates)[number];

export const reminderChoices = ['none', 'week_start', 'open_steps'] as const;
export type ReminderChoice = (typeof reminderChoices)[number];

export const measurementMoments = ['pre', 'post', 'follow_up'] as const;
export type MeasurementMoment = (typeof measurementMoments)[number];

/** The measurement a week asks for, or null. */
export function momentOfWeek(week: number): MeasurementMoment | null {
	if (week === 0) return 'pre';
	if (week === 8) return 'post';
	if (week === followUpWeek) return 'follow_up';
	return null;
}

export function weekOfMoment(moment: MeasurementMoment): number {
	return moment === 'pre' ? 0 : moment === 'post' ? 8 : followUpWeek;
}

/** What happened in one week, as stored. */
export interface WeekProgress {
	week: number;
	openedAt: string | null;
	exerciseDoneAt: string | null;
	stepDoneAt: string | null;
	checkinAt: string | null;
	discussFirst: boolean;
	discussedAt: string | null;
}

export interface EnrolmentClock extends ProgrammeClock {
	state: EnrolmentState;
	/** Local day the state became stopped or completed, if it did. */
	endedDay: string | null;
}

export type WeekStateId = 'locked' | 'open' | 'waiting_for_conversation' | 'done';

export interface WeekState {
	week: number;
	state: WeekStateId;
	/** Local day the week opens or opened; null when not known yet (not started, or paused before it). */
	opensOn: string | null;
	opened: boolean;
	exerciseDone: boolean;
	stepDone: boolean;
	checkedIn: boolean;
	measured: boolean;
	discussFirst: boolean;
}

/** The day unlocking is judged on: an ended enrolment unlocks nothing after its last day. */
function judgedOn(clock: EnrolmentClock, today: string): string {
	return clock.endedDay !== null && clock.endedDay < today ? clock.endedDay : today;
}

export function isWeekDone(week: number, progress: Pick<WeekState, 'exerciseDone' | 'stepDone' | 'checkedIn' | 'measured'>): boolean {
	if (momentOfWeek(week) !== null) return progress.measured;
	return progress.checkedIn || (progress.exerciseDone && progress.stepDone);
}

export function weekStates(
	clock: EnrolmentClock,
	progress: readonly WeekProgress[],
	measured: ReadonlySet<MeasurementMoment>,
	today: string
): WeekState[] {
	const day = judgedOn(clock, today);
	return programmeWeekNumbers.map((week) => {
		const row = progress.find((p) => p.week === week);
		const discussFirst = row?.discussFirst ?? false;
		const moment = momentOfWeek(week);
		const facts = {
			opened: row?.openedAt != null,
			exerciseDone: row?.exerciseDoneAt != null,
			stepDone: row?.stepDoneAt != null,
			checkedIn: row?.checkinAt != null,
			measured: moment !== null && measured.has(moment)
		};
		const calendarOpen = isWeekUnlocked(clock, week, day);
		// A week the person already opened is never held back again.
		const gateOpen = isWeekUnlocked(clock, week, day, { discussFirst: discussFirst && !facts.opened, discussed: row?.discussedAt != null });
		const state: WeekStateId = !calendarOpen
			? 'locked'
			: !gateOpen
				? 'waiting_for_conversation'
				: isWeekDone(week, facts)
					? 'done'
					: 'open';
		// An ended programme opens nothing more, so it promises no day either.
		const ended = clock.state === 'stopped' || clock.state === 'completed';
		return { week, state, opensOn: state === 'locked' && ended ? null : weekUnlockDay(clock, week, day), discussFirst, ...facts };
	});
}

/** The week to show first: the newest week that has opened (by the calendar), done or not; 0 before any. */
export function currentWeekOf(states: readonly WeekState[]): number {
	const reached = states.filter((s) => s.state !== 'locked');
	return reached.length > 0 ? reached[reached.length - 1]!.week : 0;
}
