/**
 * The rules of a person's relationship map: who is in which circle, what each contact brings, how often the person
 * would like contact, and when the next contact is due. Pure: no I/O, no clock (callers pass `today`), so every rule
 * is pinned with worked examples and property tests. Days are local days, YYYY-MM-DD (see $lib/time).
 * - `contactCircles`, `contactBrings`, `contactRhythms`, `contactKinds`, `contactFeelings`: the vocabularies (ids only;
 *   the page words them), with their types.
 * - `rhythmDays`: the number of days in each rhythm (null for no_goal).
 * - `daysBetween(from, to)`: whole days from one local day to another (negative when `to` is earlier).
 * - `lastContactDay(days)`: the most recent day among the real contact moments, or null without any.
 * - `nextContactDue({ lastContactDay, rhythm, addedDay })`: the day the next contact is due, or null without a goal.
 * - `dueSoonWindowDays(rhythm)`: how many days before the due day the status turns to due_soon.
 * - `contactStatus({ today, due, rhythm })`: on_track, due_soon, overdue or no_goal.
 * - `contactState({ rhythm, addedDay, contactDays, today })`: the three above in one go, for the map and the list.
 * Types: `ContactCircle`, `ContactBring`, `ContactRhythm`, `ContactKind`, `ContactFeeling`, `ContactStatus`,
 * `ContactState`.
 */
import { addDays } from '$lib/time';
import { contactCircles, type ContactCircle } from '$lib/features/exercises/exercise-values';

// The circles are shared with the small steps, which are filed under the same three kinds of relationship.
export { contactCircles, type ContactCircle };

/** What a contact brings the person. More than one may apply; different people meeting different needs is healthy. */
export const contactBrings = [
	'support',
	'fun',
	'practical_help',
	'deep_talks',
	'shared_activity',
	'advice',
	'feeling_at_home'
] as const;
export type ContactBring = (typeof contactBrings)[number];

/** How often the person would like contact with someone: their own terms, never a norm brug sets. */
export const contactRhythms = ['weekly', 'every_two_weeks', 'monthly', 'every_three_months', 'no_goal'] as const;
export type ContactRhythm = (typeof contactRhythms)[number];

/** Days per rhythm. A month is 30 days and three months 91 (13 weeks), so a rhythm never drifts with month lengths. */
export const rhythmDays: Readonly<Record<ContactRhythm, number | null>> = {
	weekly: 7,
	every_two_weeks: 14,
	monthly: 30,
	every_three_months: 91,
	no_goal: null
};

/** How a contact happened. A chat in passing counts as much as a planned meeting: small contacts matter. */
export const contactKinds = ['message', 'call', 'meeting', 'chat_in_passing', 'online'] as const;
export type ContactKind = (typeof contactKinds)[number];

/** How a contact felt, 1 (not good) to 5 (very good). */
export const contactFeelings = [1, 2, 3, 4, 5] as const;
export type ContactFeeling = (typeof contactFeelings)[number];

export type ContactStatus = 'on_track' | 'due_soon' | 'overdue' | 'no_goal';

const dayMs = 86_400_000;

/** Whole days from `from` to `to`; both are local days, so daylight saving time never shifts the count. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / dayMs);
}

/** The most recent of the given contact days (YYYY-MM-DD sorts as text), or null when there are none. */
export function lastContactDay(days: Iterable<string>): string | null {
	let last: string | null = null;
	for (const day of days) if (last === null || day > last) last = day;
	return last;
}

/**
 * The day the next contact is due: the last real contact plus the rhythm, never a fixed schedule. A late contact
 * does not leave the person "behind" on a calendar, and an early one does not bring the next one forward: consistency
 * in small contacts beats rare big gestures, and each contact simply starts the rhythm again. Without any contact yet,
 * the rhythm runs from the day the person was added. Null when the person set no goal.
 * Planned moments do not count: only a contact that happened (a contact moment) moves the due day.
 */
export function nextContactDue(input: { lastContactDay: string | null; rhythm: ContactRhythm; addedDay: string }): string | null {
	const days = rhythmDays[input.rhythm];
	if (days === null) return null;
	return addDays(input.lastContactDay ?? input.addedDay, days);
}

/**
 * How many days before the due day "due soon" starts: a quarter of the rhythm, rounded down, at least 2 and at most 14.
 * weekly 2, every_two_weeks 3, monthly 7, every_three_months 14. Early enough to plan a moment, late enough not to nag
 * right after a contact. 0 for no_goal (there is no due day).
 */
export function dueSoonWindowDays(rhythm: ContactRhythm): number {
	const days = rhythmDays[rhythm];
	if (days === null) return 0;
	return Math.min(14, Math.max(2, Math.floor(days / 4)));
}

/**
 * Where a contact stands on `today`, given its due day:
 * - overdue: after the due day;
 * - due_soon: from `dueSoonWindowDays(rhythm)` days before the due day up to and including the due day itself;
 * - on_track: before that;
 * - no_goal: the person set no rhythm (or there is no due day).
 * The page always says the status in words, never by colour alone.
 */
export function contactStatus(input: { today: string; due: string | null; rhythm: ContactRhythm }): ContactStatus {
	if (input.due === null || rhythmDays[input.rhythm] === null) return 'no_goal';
	const daysLeft = daysBetween(input.today, input.due);
	if (daysLeft < 0) return 'overdue';
	if (daysLeft <= dueSoonWindowDays(input.rhythm)) return 'due_soon';
	return 'on_track';
}

export interface ContactState {
	lastContactDay: string | null;
	due: string | null;
	status: ContactStatus;
}

/**
 * The last contact, the due day and the status of one relation, from the days of its contact moments. Days after
 * `today` are not real contacts yet and are left out.
 */
export function contactState(input: {
	rhythm: ContactRhythm;
	addedDay: string;
	contactDays: Iterable<string>;
	today: string;
}): ContactState {
	const past = [...input.contactDays].filter((day) => day <= input.today);
	const last = lastContactDay(past);
	const due = nextContactDue({ lastContactDay: last, rhythm: input.rhythm, addedDay: input.addedDay });
	return { lastContactDay: last, due, status: contactStatus({ today: input.today, due, rhythm: input.rhythm }) };
}
