/**
 * The client page's one timeline: what the professional may read of the person, by day, newest first: measurements
 * (with `measurements`), health webs (with `health_web`), for who guides the person the organisation's
 * self-sufficiency ratings and conversation notes and (with `programme`) the programme's weeks, and with a group
 * grant the group's sessions that took place with the person's attendance, the check-ins they share with the
 * leaders, and the leaders' notes. Pure: callers pass what they read (only what consent allows) and `today`.
 * - `clientTimeline(input)`: the entries, newest day first; on one day in the order of `timelineKinds`.
 * - `timelineFilters`, `parseTimelineFilter(values)`: the kinds a professional can filter on (a GET parameter), and
 *   the chosen ones from the query (unknown values are passed over; none chosen means all).
 * - `filterTimeline(entries, filters)`: only the entries of the chosen kinds.
 */
import type { AttendanceStatus } from '$lib/features/groups/group-values';
import { localDay } from '$lib/time';

export const timelineKinds = [
	'group_session',
	'group_check_in',
	'group_note',
	'measurement',
	'health_web',
	'rating',
	'conversation_note',
	'programme_week'
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export type TimelineEntry = { day: string; key: string } & (
	| { kind: 'measurement'; instrument: string; total: number | null; max: number | null; band: string | null }
	| { kind: 'health_web' }
	| { kind: 'group_session'; groupName: string; isReturn: boolean; cancelled: boolean; attendance: AttendanceStatus | null; excusedByPerson: boolean }
	| { kind: 'group_check_in'; groupName: string; welcome: number; enjoyed: number; comeAgain: number; line: string | null }
	| { kind: 'group_note'; groupName: string; body: string }
	| { kind: 'rating'; by: string | null; domains: number }
	| { kind: 'conversation_note'; by: string | null; excerpt: string; summaryShared: boolean }
	| { kind: 'programme_week'; week: number; exerciseDone: boolean; stepDone: boolean; checkedIn: boolean }
);

/** What a professional filters the timeline on: a word in the URL (`?soort=…`) and the kinds it stands for. */
export const timelineFilters = {
	uitslag: ['measurement'],
	web: ['health_web'],
	zelfredzaamheid: ['rating'],
	notitie: ['conversation_note'],
	programma: ['programme_week'],
	groep: ['group_session', 'group_check_in', 'group_note']
} as const satisfies Record<string, readonly TimelineKind[]>;
export type TimelineFilter = keyof typeof timelineFilters;
export const timelineFilterIds = Object.keys(timelineFilters) as TimelineFilter[];

export interface TimelineSession {
	id: string;
	day: string;
	status: 'planned' | 'held' | 'cancelled';
	isReturn: boolean;
	attendance: AttendanceStatus | null;
	excusedByPerson: boolean;
	checkIn: { welcome: number; enjoyed: number; comeAgain: number; line: string | null; createdAt: string } | null;
	note: { body: string; createdAt: string } | null;
}

export interface TimelineInput {
	today: string;
	measurements?: readonly { id: string; instrument: string; takenAt: string; total: number | null; max: number | null; band: string | null }[];
	healthWebs?: readonly { id: string; takenAt: string }[];
	groups?: readonly {
		groupId: string;
		groupName: string;
		sessions: readonly TimelineSession[];
	}[];
	ratings?: readonly { id: string; ratedAt: string; professionalName: string | null; domains: Readonly<Record<string, unknown>> }[];
	notes?: readonly { id: string; day: string; authorName: string | null; body: string; sharedAt: string | null }[];
	programme?: {
		id: string;
		weeks: readonly { week: number; opened: boolean; opensOn: string | null; exerciseDone: boolean; stepDone: boolean; checkedIn: boolean }[];
	} | null;
}

/** Long enough to recognise a note, short enough to keep the timeline a list. */
export const noteExcerptLength = 120;

function excerpt(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length <= noteExcerptLength ? flat : `${flat.slice(0, noteExcerptLength - 1).trimEnd()}…`;
}

export function clientTimeline(input: TimelineInput): TimelineEntry[] {
	const entries: TimelineEntry[] = [];
	for (const m of input.measurements ?? []) {
		entries.push({ kind: 'measurement', key: `m-${m.id}`, day: localDay(new Date(m.takenAt)), instrument: m.instrument, total: m.total, max: m.max, band: m.band });
	}
	for (const web of input.healthWebs ?? []) entries.push({ kind: 'health_web', key: `w-${web.id}`, day: localDay(new Date(web.takenAt)) });
	for (const group of input.groups ?? []) {
		for (const s of group.sessions) {
			// A session still to come is not history; one on a day gone by, or today, is (also when it was cancelled).
			if (s.day <= input.today) {
				entries.push({
					kind: 'group_session',
					key: `s-${s.id}`,
					day: s.day,
					groupName: group.groupName,
					isReturn: s.isReturn,
					cancelled: s.status === 'cancelled',
					attendance: s.attendance,
					excusedByPerson: s.excusedByPerson
				});
			}
			if (s.checkIn) entries.push({ kind: 'group_check_in', key: `c-${s.id}`, day: s.day, groupName: group.groupName, ...withoutCreated(s.checkIn) });
			if (s.note) entries.push({ kind: 'group_note', key: `n-${s.id}`, day: s.day, groupName: group.groupName, body: s.note.body });
		}
	}
	for (const r of input.ratings ?? []) {
		entries.push({ kind: 'rating', key: `r-${r.id}`, day: localDay(new Date(r.ratedAt)), by: r.professionalName, domains: Object.keys(r.domains).length });
	}
	for (const note of input.notes ?? []) {
		entries.push({ kind: 'conversation_note', key: `t-${note.id}`, day: note.day, by: note.authorName, excerpt: excerpt(note.body), summaryShared: note.sharedAt !== null });
	}
	for (const week of input.programme?.weeks ?? []) {
		// A week belongs to the history from the day it opened; weeks still closed are not something that happened.
		if (!week.opened || week.opensOn === null || week.opensOn > input.today) continue;
		entries.push({
			kind: 'programme_week',
			key: `p-${input.programme!.id}-${week.week}`,
			day: week.opensOn,
			week: week.week,
			exerciseDone: week.exerciseDone,
			stepDone: week.stepDone,
			checkedIn: week.checkedIn
		});
	}
	const rank = (kind: TimelineKind) => timelineKinds.indexOf(kind);
	return entries.sort((a, b) => b.day.localeCompare(a.day) || rank(a.kind) - rank(b.kind) || a.key.localeCompare(b.key));
}

export function parseTimelineFilter(values: readonly string[]): TimelineFilter[] {
	return timelineFilterIds.filter((id) => values.includes(id));
}

/** The kinds the chosen filters stand for; all kinds when none is chosen. */
export function filterKinds(filters: readonly TimelineFilter[]): Set<TimelineKind> {
	return new Set(filters.length === 0 ? timelineKinds : filters.flatMap((id) => timelineFilters[id]));
}

export function filterTimeline(entries: readonly TimelineEntry[], filters: readonly TimelineFilter[]): TimelineEntry[] {
	const kinds = filterKinds(filters);
	return entries.filter((entry) => kinds.has(entry.kind));
}

function withoutCreated<T extends { createdAt: string }>(value: T): Omit<T, 'createdAt'> {
	const { createdAt: _createdAt, ...rest } = value;
	return rest;
}
