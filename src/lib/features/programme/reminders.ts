/**
 * Which programme reminder is due today, if any. Pure: no I/O and no clock; callers pass `today` as a local day.
 * - `reminderChoices`, `reminderKinds`: the person's choice (`week_start` is the default) and what a reminder is about.
 * - `maxRemindersPerWeek` (3), `stopAfterIgnored` (3), `maxFollowUpReminders` (2), `openStepAfterDays` (3).
 * - `ReminderInput`: the enrolment's facts, filled by the data layer; `ReminderDue`: `{ kind, week }`.
 * - `ignoredInARow(sent)`: how many of the newest reminders, by day, the person did not act on.
 * - `reminderDue(input)`: the one reminder to send today, or null.
 * - `reminderKeyParts(enrolmentId, day, kind)`: the job key, `${enrolmentId}:${day}:${kind}`.
 *
 * Decisions (the rules, with their edges pinned in reminders.test.ts):
 * - Nothing when the choice is `none`, the enrolment is not `active` (paused, stopped, completed), the person stopped
 *   reminders, or the newest three reminders (by day) were all left unanswered: then the professional is told instead.
 *   One reminder acted on resets the count.
 * - At most one a day (none when one was sent today) and at most three in the seven days ending today.
 * - Only when something is open, in this order:
 *   1. `follow_up`: the follow-up (week 9) is open and its measurement not taken, no follow-up reminder in the last
 *      seven days, and at most two follow-up reminders ever.
 *   2. `week_start` (choices `week_start` and `open_steps`): the current week (1–8) is open and not yet opened by the
 *      person, and no `week_start` reminder was sent for it.
 *   3. `open_step` (choice `open_steps` only): the current week (1–8) is opened, its small step not done, it opened at
 *      least three days ago, and no `open_step` reminder was sent for it.
 * - A week waiting for a conversation ("bespreek eerst", not yet held) is not open, so nothing is sent about it.
 * - Never about week 0 (the person just started) and never about an earlier week: a missed week stays open, but a
 *   reminder only ever points at this week, so no one is told what they missed.
 * - Bad input (a day that is not YYYY-MM-DD, an unknown kind) throws a RangeError.
 */
import { addDays, isLocalDay } from '$lib/time';
import { reminderChoices, type EnrolmentState, type ReminderChoice } from './programme';
import { currentWeek, daysBetween, followUpWeek, isWeekUnlocked, lastWeek, weekUnlockDay, type ProgrammeClock } from './schedule';

// The person's choice and the enrolment's states are the programme's words, named once in programme.ts.
export { reminderChoices, type EnrolmentState, type ReminderChoice };
export const defaultReminderChoice: ReminderChoice = 'week_start';

export const reminderKinds = ['week_start', 'open_step', 'follow_up'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** At most this many reminders in the seven days ending today. */
export const maxRemindersPerWeek = 3;
/** After this many unanswered reminders in a row, reminders stop. */
export const stopAfterIgnored = 3;
export const maxFollowUpReminders = 2;
/** An open step is mentioned no sooner than this many days after its week opened. */
export const openStepAfterDays = 3;

/** What the rules need to know about one week; a week without a row counts as not opened and not done. */
export interface ReminderWeekFacts {
	week: number;
	opened: boolean;
	stepDone: boolean;
	exerciseDone: boolean;
	discussFirst: boolean;
	discussed: boolean;
}

/** A reminder that was sent; `acted` when the person came back after it. */
export interface SentReminder {
	day: string;
	kind: ReminderKind;
	week: number;
	acted: boolean;
}

export interface ReminderInput {
	choice: ReminderChoice;
	state: EnrolmentState;
	remindersStopped: boolean;
	/** Local day, YYYY-MM-DD. */
	today: string;
	clock: ProgrammeClock;
	weeks: readonly ReminderWeekFacts[];
	followUpMeasured: boolean;
	sent: readonly SentReminder[];
}

export interface ReminderDue {
	kind: ReminderKind;
	week: number;
}

function requireSent(sent: readonly SentReminder[]): void {
	for (const reminder of sent) {
		if (!isLocalDay(reminder.day)) throw new RangeError(`Not a date (YYYY-MM-DD): ${reminder.day}`);
		if (!reminderKinds.includes(reminder.kind)) throw new RangeError(`Not a reminder kind: ${reminder.kind}`);
	}
}

export function ignoredInARow(sent: readonly SentReminder[]): number {
	requireSent(sent);
	const newestFirst = [...sent].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
	const firstActed = newestFirst.findIndex((reminder) => reminder.acted);
	return firstActed === -1 ? newestFirst.length : firstActed;
}

export function reminderDue(input: ReminderInput): ReminderDue | null {
	const { today, clock, sent } = input;
	if (!isLocalDay(today)) throw new RangeError(`Not a date (YYYY-MM-DD): ${today}`);
	if (input.choice === 'none' || input.state !== 'active' || input.remindersStopped) return null;
	if (ignoredInARow(sent) >= stopAfterIgnored) return null;

	const weekAgo = addDays(today, -6);
	const lastSevenDays = sent.filter((reminder) => reminder.day >= weekAgo && reminder.day <= today);
	if (lastSevenDays.some((reminder) => reminder.day === today) || lastSevenDays.length >= maxRemindersPerWeek) return null;

	const facts = (week: number) => input.weeks.find((row) => row.week === week);
	const isOpen = (week: number) => {
		const row = facts(week);
		return isWeekUnlocked(clock, week, today, row && { discussFirst: row.discussFirst, discussed: row.discussed });
	};
	const sentFor = (kind: ReminderKind, week: number) => sent.some((reminder) => reminder.kind === kind && reminder.week === week);

	if (isOpen(followUpWeek) && !input.followUpMeasured) {
		const followUps = sent.filter((reminder) => reminder.kind === 'follow_up');
		if (followUps.length < maxFollowUpReminders && !lastSevenDays.some((reminder) => reminder.kind === 'follow_up')) {
			return { kind: 'follow_up', week: followUpWeek };
		}
	}

	const week = currentWeek(clock, today);
	if (week < 1 || week > lastWeek || !isOpen(week)) return null;
	const row = facts(week);
	if (!row?.opened) return sentFor('week_start', week) ? null : { kind: 'week_start', week };

	if (input.choice !== 'open_steps' || row.stepDone || sentFor('open_step', week)) return null;
	const opened = weekUnlockDay(clock, week, today);
	if (opened === null || daysBetween(opened, today) < openStepAfterDays) return null;
	return { kind: 'open_step', week };
}

export function reminderKeyParts(enrolmentId: string, day: string, kind: ReminderKind): string {
	if (enrolmentId === '' || enrolmentId.includes(':')) throw new RangeError(`Not an enrolment id: ${enrolmentId}`);
	if (!isLocalDay(day)) throw new RangeError(`Not a date (YYYY-MM-DD): ${day}`);
	if (!reminderKinds.includes(kind)) throw new RangeError(`Not a reminder kind: ${kind}`);
	return `${enrolmentId}:${day}:${kind}`;
}
