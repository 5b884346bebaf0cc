/**
 * The client page's one timeline: what the professional may read of the person, by day, newest first: measurements
 * (with `measurements`), health webs (with `health_web`), and with a group grant the group's sessions that took place
 * with the person's attendance, the check-ins they share with the leaders, and the leaders' notes. Pure: callers pass
 * what they read (only what consent allows) and `today`.
 * - `clientTimeline(input)`: the entries, newest day first; on one day in the order of `timelineKinds`.
 */
import type { AttendanceStatus } from '$lib/features/groups/group-values';
import { localDay } from '$lib/time';

export const timelineKinds = ['group_session', 'group_check_in', 'group_note', 'measurement', 'health_web'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export type TimelineEntry = { day: string; key: string } & (
	| { kind: 'measurement'; instrument: string; total: number | null; max: number | null; band: string | null }
	| { kind: 'health_web' }
	| { kind: 'group_session'; groupName: string; isReturn: boolean; cancelled: boolean; attendance: AttendanceStatus | null; excusedByPerson: boolean }
	| { kind: 'group_check_in'; groupName: string; welcome: number; enjoyed: number; comeAgain: number; line: string | null }
	| { kind: 'group_note'; groupName: string; body: string }
);

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
	const rank = (kind: TimelineKind) => timelineKinds.indexOf(kind);
	return entries.sort((a, b) => b.day.localeCompare(a.day) || rank(a.kind) - rank(b.kind) || a.key.localeCompare(b.key));
}

function withoutCreated<T extends { createdAt: string }>(value: T): Omit<T, 'createdAt'> {
	const { createdAt: _createdAt, ...rest } = value;
	return rest;
}
