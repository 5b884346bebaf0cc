/**
 * The group training's plain values (statuses, limits, defaults), without Zod, so pages' scripts and pure logic can
 * use them; the schemas build on them.
 */
import type { AttendanceStatus, GroupSessionStatus } from '$lib/server/db/schema';

export type { AttendanceStatus, GroupSessionStatus } from '$lib/server/db/schema';

/** In the order a leader meets them on the attendance list. */
export const attendanceStatuses = ['expected', 'present', 'late', 'excused', 'absent', 'stopped'] as const satisfies readonly AttendanceStatus[];
/** A leader can set every status but "expected", which is what nothing recorded means. */
export const recordableStatuses = ['present', 'late', 'excused', 'absent', 'stopped'] as const satisfies readonly AttendanceStatus[];
/** Statuses that count as being there. */
export const attendedStatuses: readonly AttendanceStatus[] = ['present', 'late'];

export const sessionStatuses = ['planned', 'held', 'cancelled'] as const satisfies readonly GroupSessionStatus[];

/** The three check-in items, brug's own words (never a licensed session-rating scale): each 1 (not at all) – 5 (very). */
export const checkInItems = ['welcome', 'enjoyed', 'come_again'] as const;
export type CheckInItem = (typeof checkInItems)[number];
export const checkInSteps = [1, 2, 3, 4, 5] as const;
/** An answer at or below this on any item is a low check-in (a drop-out signal). */
export const lowCheckIn = 2;

export const reminderChoices = ['day_before', 'none'] as const;
export type GroupReminderChoice = (typeof reminderChoices)[number];

/** Group sizes in the Dutch programmes are 6 to 12; a little room either side. */
export const groupLimits = {
	name: 80,
	place: 120,
	videoUrl: 300,
	minCapacity: 2,
	maxCapacity: 20,
	defaultCapacity: 12,
	defaultSessions: 8,
	maxSessions: 20,
	defaultCompleteAfter: 6,
	maxLeaders: 2,
	checkInLine: 280,
	note: 2000,
	personName: 80
} as const;

/** Codes a leader makes are valid this long: a group's start is planned weeks ahead. */
export const groupCodeDays = 60;
