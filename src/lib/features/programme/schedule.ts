/**
 * When the programme's weeks open. Pure: no I/O and no clock; callers pass `today` as a local day (`localDay(now)`).
 * - `ProgrammeClock`: an enrolment's start day, the day a running pause began and the days of earlier pauses.
 * - `followUpWeek` (9), `lastWeek` (8), `firstWeek` (0).
 * - `weekOpensAfterDays(week)`: days on the clock before a week opens: 0, 7, …, 56; the follow-up 56 + 84 = 140.
 * - `daysBetween(from, to)`: whole calendar days from one local day to another (negative when `to` is earlier).
 * - `elapsedDays(clock, today)`: whole local days on the clock since the start, paused days not counted.
 * - `isWeekUnlocked(clock, week, today, gate?)`: whether a week is open for the person.
 * - `currentWeek(clock, today)`: the highest week the clock has opened (0 when not started).
 * - `weekUnlockDay(clock, week, today)`: the local day a week opens, or opened.
 * - `pauseEnded(clock, today)`: the clock after a resume.
 *
 * Decisions (the rules, with their edges pinned in schedule.test.ts):
 * - Weeks open on whole local days (Europe/Amsterdam) counted from `startDay`, never at a clock time: a week opens at
 *   local midnight, in winter and summer time alike, so a daylight-saving change never moves it by a day.
 * - `startDay` null: the person has not opened week 0 yet. Week 0 is open and nothing else; a late start of week 0
 *   simply starts the clock later.
 * - Paused days do not count. While paused the clock stands still at `pausedSince`; on resume those days join
 *   `pausedDays`, so the clock continues where it stopped and every later week opens exactly that many days later.
 * - Unlocked is forever: a missed week stays open, and a pause never closes a week that had opened.
 * - A "bespreek eerst" week (`gate.discussFirst`) opens only once the conversation was held; it holds back only
 *   itself, never the weeks after it. Week 0 is never held back: it is the welcome, and opening it starts the clock.
 * - A group enrolment (`groupDays`) opens week N on the group's day for it (groupWeekDays in group-schedule.ts), with
 *   or without a start or a pause; the "bespreek eerst" gate holds as for everyone.
 * - Bad input (a day that is not YYYY-MM-DD, a week outside 0–9, negative paused days) throws a RangeError.
 */
import { addDays, isLocalDay } from '$lib/time';

export interface ProgrammeClock {
	/** Local day week 0 was first opened; null before that. */
	startDay: string | null;
	/** Local day the running pause began; null when not paused. */
	pausedSince: string | null;
	/** Whole days of earlier, ended pauses. */
	pausedDays: number;
	/**
	 * An enrolment that follows a group: the local day each week 0–9 opens (`groupWeekDays`), instead of the start
	 * day and pauses. The group meets whether or not the person pauses.
	 */
	groupDays?: readonly string[] | null;
}

/** A week's "bespreek eerst" state, as the professional set it. */
export interface WeekGate {
	discussFirst: boolean;
	discussed: boolean;
}

export const firstWeek = 0;
export const lastWeek = 8;
export const followUpWeek = 9;
/** The follow-up comes about twelve weeks after week 8 opened. */
export const followUpAfterDays = 84;

const dayMs = 24 * 60 * 60 * 1000;

function requireDay(value: string, what: string): void {
	if (!isLocalDay(value)) throw new RangeError(`${what} is not a date (YYYY-MM-DD): ${value}`);
}

function requireWeek(week: number): void {
	if (!Number.isInteger(week) || week < firstWeek || week > followUpWeek) throw new RangeError(`Not a programme week (0–9): ${week}`);
}

function requireClock(clock: ProgrammeClock): void {
	if (clock.startDay !== null) requireDay(clock.startDay, 'startDay');
	if (clock.pausedSince !== null) requireDay(clock.pausedSince, 'pausedSince');
	if (!Number.isInteger(clock.pausedDays) || clock.pausedDays < 0) throw new RangeError(`pausedDays is not a whole number ≥ 0: ${clock.pausedDays}`);
}

export function weekOpensAfterDays(week: number): number {
	requireWeek(week);
	return week === followUpWeek ? lastWeek * 7 + followUpAfterDays : week * 7;
}

export function daysBetween(from: string, to: string): number {
	requireDay(from, 'from');
	requireDay(to, 'to');
	// Both are calendar dates at UTC midnight, so the difference is an exact number of days.
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

export function elapsedDays(clock: ProgrammeClock, today: string): number {
	requireClock(clock);
	requireDay(today, 'today');
	if (clock.startDay === null) return 0;
	const until = clock.pausedSince !== null && clock.pausedSince < today ? clock.pausedSince : today;
	return Math.max(0, daysBetween(clock.startDay, until) - clock.pausedDays);
}

export function isWeekUnlocked(clock: ProgrammeClock, week: number, today: string, gate?: WeekGate): boolean {
	requireWeek(week);
	const elapsed = elapsedDays(clock, today);
	if (week === firstWeek) return true;
	if (gate?.discussFirst && !gate.discussed) return false;
	if (clock.groupDays) return groupDayOf(clock.groupDays, week) <= today;
	if (clock.startDay === null) return false;
	return elapsed >= weekOpensAfterDays(week);
}

export function currentWeek(clock: ProgrammeClock, today: string): number {
	const elapsed = elapsedDays(clock, today);
	if (clock.groupDays) {
		for (let week = followUpWeek; week > firstWeek; week--) if (groupDayOf(clock.groupDays, week) <= today) return week;
		return firstWeek;
	}
	if (clock.startDay === null) return firstWeek;
	for (let week = followUpWeek; week > firstWeek; week--) {
		if (elapsed >= weekOpensAfterDays(week)) return week;
	}
	return firstWeek;
}

/**
 * For a week still to come (and not paused), the day it will open if no pause comes between. For a week already open,
 * the day it opened counting every earlier pause as if it came before this week: the clock does not remember when
 * pauses were, so this is the latest day it can have opened (never after today); week 0 opened on the start day. Null before the start, or while
 * paused for a week not yet open.
 */
export function weekUnlockDay(clock: ProgrammeClock, week: number, today: string): string | null {
	requireWeek(week);
	const elapsed = elapsedDays(clock, today);
	if (clock.groupDays) return groupDayOf(clock.groupDays, week);
	if (clock.startDay === null) return null;
	// The clock starts when week 0 opens, so no pause can come before it.
	if (week === firstWeek) return clock.startDay;
	const after = weekOpensAfterDays(week);
	if (clock.pausedSince !== null && elapsed < after) return null;
	return addDays(clock.startDay, after + clock.pausedDays);
}

function groupDayOf(days: readonly string[], week: number): string {
	const day = days[week];
	if (day === undefined || !isLocalDay(day)) throw new RangeError(`No group day for week ${week}`);
	return day;
}

export function pauseEnded(clock: ProgrammeClock, today: string): ProgrammeClock {
	requireClock(clock);
	requireDay(today, 'today');
	if (clock.pausedSince === null) return { ...clock };
	return { ...clock, pausedSince: null, pausedDays: clock.pausedDays + Math.max(0, daysBetween(clock.pausedSince, today)) };
}
