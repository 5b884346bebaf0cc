/**
 * The person's side of a group, the pure part: what they may do with one session on a given local day.
 * - `canExcuse(session, today)`: "ik kan er niet bij zijn" is possible (a planned session, today or later).
 * - `checkInOpen(session, today)`: the check-in can be filled in (after the session, for a while).
 * - `nextSession(sessions, today)`: the first planned session from today on.
 * - `ownStatusShown(status)`: which of their own attendance a person sees; absences are for the leaders only.
 * - `wasThere(status)`: "hoe was het?" is asked only of someone who was (or may have been) there.
 */
import { addDays } from '$lib/time';
import type { AttendanceStatus, GroupSessionStatus } from './group-values';

/** A check-in is asked for a while after the session; later answers say little about that evening. */
export const checkInDays = 14;

export interface SessionDay {
	/** Local day YYYY-MM-DD. */
	day: string;
	status: GroupSessionStatus;
}

export function canExcuse(session: SessionDay, today: string): boolean {
	return session.status === 'planned' && session.day >= today;
}

/** Held, or planned on a day gone by (a leader may forget to mark it held); a cancelled session never. */
export function checkInOpen(session: SessionDay, today: string): boolean {
	if (session.status === 'cancelled') return false;
	const happened = session.status === 'held' ? session.day <= today : session.day < today;
	return happened && today <= addDays(session.day, checkInDays);
}

export function nextSession<S extends SessionDay & { startsAt: string }>(sessions: readonly S[], today: string): S | null {
	const coming = sessions.filter((s) => s.status === 'planned' && s.day >= today);
	coming.sort((a, b) => a.day.localeCompare(b.day) || a.startsAt.localeCompare(b.startsAt));
	return coming[0] ?? null;
}

/**
 * A person sees that they sent an afmelding and that they were there. "Absent" or "stopped" is the leaders' word,
 * for a kind call; shown to the person it would read as blame.
 */
export function ownStatusShown(status: AttendanceStatus): 'excused' | 'attended' | null {
	if (status === 'excused') return 'excused';
	if (status === 'present' || status === 'late') return 'attended';
	return null;
}

/** Nothing recorded may well mean they came (a leader may not have marked it); an afmelding or absence means not. */
export function wasThere(status: AttendanceStatus | undefined): boolean {
	return status === undefined || status === 'expected' || status === 'present' || status === 'late';
}
