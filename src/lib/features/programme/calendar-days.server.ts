/**
 * The programme in the person's calendar feed: the day each week opens (or opened), as an all-day moment. Only the
 * running enrolment; the titles say "week 3", never what the programme is about.
 * - `programmeCalendarDays(db, { accountId, from, now })`: `{ id, week, day }` per week from week 1 on whose day is
 *   known (not while paused before it, not before the start) and not before `from`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { localDay } from '$lib/time';
import { runningEnrolment } from './enrolment.server';
import { statesOf } from './progress.server';

export interface ProgrammeCalendarDay {
	/** Stable per enrolment and week, so a calendar replaces the event when its day moves after a pause. */
	id: string;
	week: number;
	day: string;
}

export async function programmeCalendarDays(
	db: Kysely<Database>,
	options: { accountId: string; from: string; now?: Date }
): Promise<ProgrammeCalendarDay[]> {
	const row = await runningEnrolment(db, options.accountId);
	if (!row) return [];
	const { weeks } = await statesOf(db, row, localDay(options.now));
	return weeks.flatMap((week) =>
		week.week >= 1 && week.opensOn !== null && week.opensOn >= options.from ? [{ id: `programme-${row.id}-week-${week.week}`, week: week.week, day: week.opensOn }] : []
	);
}
