/**
 * Drop-out signals and completion, the pure part: what a leader should notice about one participant, from the
 * group's sessions and that participant's attendance and check-ins. Only for leaders: never shown to other members,
 * never to the person as a warning.
 * - `dropOutSignals(input)`: the signals, most urgent first.
 * - `attendedCount(attendance)`, `hasCompleted(attendance, completeAfter)`.
 * - `summariseCheckIns(checkIns)`: per item, how many answered each step and the mean.
 */
import { attendedStatuses, checkInItems, checkInSteps, lowCheckIn, type AttendanceStatus, type CheckInItem } from './group-values';

export const dropOutSignalKinds = ['stopped', 'absent_twice', 'absent_without_notice', 'low_check_in'] as const;
export type DropOutSignal = (typeof dropOutSignalKinds)[number];

export interface SessionFact {
	id: string;
	/** Local day YYYY-MM-DD. */
	day: string;
	status: 'planned' | 'held' | 'cancelled';
}

export interface CheckInAnswers {
	sessionId: string;
	welcome: number;
	enjoyed: number;
	come_again: number;
}

export interface SignalInput {
	sessions: readonly SessionFact[];
	/** Session id → what was recorded (nothing recorded is "expected"). */
	attendance: ReadonlyMap<string, AttendanceStatus>;
	checkIns: readonly CheckInAnswers[];
	/** Local day: sessions before it, or held, have happened. */
	today: string;
}

/** Sessions that took place, oldest first: held, or planned on a day gone by (a leader may forget to mark it). */
export function pastSessions(sessions: readonly SessionFact[], today: string): SessionFact[] {
	return sessions
		.filter((s) => s.status === 'held' || (s.status === 'planned' && s.day < today))
		.sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
}

function missed(status: AttendanceStatus | undefined): boolean {
	return status === 'absent' || status === 'excused';
}

export function dropOutSignals(input: SignalInput): DropOutSignal[] {
	const past = pastSessions(input.sessions, input.today);
	const statuses = past.map((s) => input.attendance.get(s.id));
	const signals: DropOutSignal[] = [];
	if ([...input.attendance.values()].includes('stopped')) signals.push('stopped');
	else {
		const [before, last] = statuses.slice(-2);
		if (statuses.length >= 2 && missed(before) && missed(last)) signals.push('absent_twice');
		if (last === 'absent' || (statuses.length === 1 && before === 'absent')) signals.push('absent_without_notice');
	}
	// The latest check-in counts while it is about one of the last two sessions: an old low answer is history.
	const recent = new Set(past.slice(-2).map((s) => s.id));
	const latest = input.checkIns
		.filter((c) => recent.has(c.sessionId))
		.sort((a, b) => past.findIndex((s) => s.id === a.sessionId) - past.findIndex((s) => s.id === b.sessionId))
		.at(-1);
	if (latest && checkInItems.some((item) => latest[item] <= lowCheckIn)) signals.push('low_check_in');
	return signals;
}

export function attendedCount(attendance: Iterable<AttendanceStatus>): number {
	let count = 0;
	for (const status of attendance) if (attendedStatuses.includes(status)) count += 1;
	return count;
}

export function hasCompleted(attendance: Iterable<AttendanceStatus>, completeAfter: number): boolean {
	return attendedCount(attendance) >= completeAfter;
}

export interface CheckInSummary {
	item: CheckInItem;
	answered: number;
	/** Step 1–5 → how many chose it. */
	counts: Record<(typeof checkInSteps)[number], number>;
	/** Null without answers. */
	mean: number | null;
}

export function summariseCheckIns(checkIns: readonly CheckInAnswers[]): CheckInSummary[] {
	return checkInItems.map((item) => {
		const counts = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
		let total = 0;
		for (const answer of checkIns) {
			const value = answer[item] as (typeof checkInSteps)[number];
			counts[value] += 1;
			total += value;
		}
		return { item, answered: checkIns.length, counts, mean: checkIns.length === 0 ? null : total / checkIns.length };
	});
}
