/**
 * The programme's weeks for a person in a group that follows it: the weeks follow the group's dates, not the
 * person's start day. Pure: callers pass the group's sessions as stored.
 * - `groupWeekDays({ joinedDay, sessions })`: the local day each week 0–9 opens, for the clock's `groupDays`.
 *
 * Decisions:
 * - Week 0 opens on the day the person joined; week N (1–8) on the day of the group's N-th regular session, so a
 *   moved session moves its week. A cancelled session keeps its place in the count: the weeks after it do not shift,
 *   and the week it would have opened opens on its day all the same (the practice at home goes on).
 * - A group with fewer than eight regular sessions: each week without a session opens seven days after the one
 *   before.
 * - The follow-up (week 9) opens on the return meeting's day; without one, twelve weeks after week 8, as alone.
 */
import { addDays } from '$lib/time';
import { followUpAfterDays, followUpWeek, lastWeek } from './schedule';

export interface GroupSessionDay {
	day: string;
	startsAt: string;
	isReturn: boolean;
}

export function groupWeekDays(input: { joinedDay: string; sessions: readonly GroupSessionDay[] }): string[] {
	const regular = input.sessions.filter((s) => !s.isReturn).sort((a, b) => a.day.localeCompare(b.day) || a.startsAt.localeCompare(b.startsAt));
	const back = input.sessions.filter((s) => s.isReturn).sort((a, b) => a.day.localeCompare(b.day))[0];
	const days = [input.joinedDay];
	for (let week = 1; week <= lastWeek; week++) days.push(regular[week - 1]?.day ?? addDays(days[week - 1]!, 7));
	days[followUpWeek] = back?.day ?? addDays(days[lastWeek]!, followUpAfterDays);
	return days;
}
