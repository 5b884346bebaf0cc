/**
 * The programme's plain values (weeks, phases, the form limits), without Zod, so pages' scripts can use them without
 * the schema library; programme.schema.ts and programme-input.schema.ts re-export them.
 */
/** The programme brug offers when nobody names another. */
export const defaultProgrammeId = 'eight-weeks';

/** Weeks 0–8, then the follow-up as week 9, in the order a person meets them. */
export const programmeWeekNumbers = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** Welcome (week 0), the inside ("binnen", weeks 1–4), connection ("verbinding", weeks 5–8), the follow-up (9). */
export const programmePhases = ['welcome', 'inside', 'connection', 'follow_up'] as const;
export type ProgrammePhase = (typeof programmePhases)[number];

/** The scale measured in the programme; before (week 0), after (week 8) and at the follow-up. */
export const programmeMeasurements = ['djg-11'] as const;
export type ProgrammeMeasurement = (typeof programmeMeasurements)[number];
/** The weeks that ask for the measurement. */
export const measuredWeeks: readonly number[] = [0, 8, 9];

/** The phase a week belongs to. */
export function programmePhaseOfWeek(week: number): ProgrammePhase {
	if (week === 0) return 'welcome';
	if (week <= 4) return 'inside';
	if (week <= 8) return 'connection';
	return 'follow_up';
}

/** The file name (and id) of a week: week-0 … week-8, follow-up. */
export function programmeWeekId(week: number): string {
	return week === 9 ? 'follow-up' : `week-${week}`;
}

/** The longest texts the programme's forms accept. */
export const programmeLimits = {
	checkIn: 1000,
	welcome: 500,
	message: 1000,
	planText: 2000,
	restartSteps: 10
} as const;
