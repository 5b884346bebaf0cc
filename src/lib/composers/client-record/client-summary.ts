/**
 * The top of the client page: what matters first, chosen from what the page already read (only what consent allows).
 * Pure: callers pass the facts and `today`.
 * - `clientSummary(input)`: the client's signals (the caseload's rules, `caseloadSignals`), how many "bespreek dit"
 *   items are open, the programme week, the next group session, and the newest result with the change since the one
 *   before it on the same questionnaire.
 * - `changeDirection(change)`: which way a change goes; higher is lonelier on every questionnaire brug has.
 *
 * Decisions: "bespreek dit" items are marked read as soon as the page opens, so the summary counts the open items
 * rather than raising the caseload's "not read yet" signal. The programme's drop-out signals need the programme's
 * clock, which the caseload reads; here the summary names the week instead.
 */
import { caseloadSignals, latestScores, type CaseloadSignal, type MeasurementFact } from '$lib/composers/caseload/signals';
import type { HealthWebScores } from '$lib/features/health-web/health-web';
import type { DropOutSignal } from '$lib/features/groups/signals';
import type { InstrumentId, LonelinessBand } from '$lib/features/instruments/instruments';

export interface SummaryInput {
	today: string;
	measurements?: readonly { instrument: string; takenAt: string; total: number | null; max: number | null; band: string | null }[];
	/** Newest first. */
	healthWebs?: readonly { scores: HealthWebScores }[];
	lastActiveDay?: string | null;
	discussCount: number;
	programme?: { state: string; currentWeek: number } | null;
	groups?: readonly {
		groupId: string;
		groupName: string;
		signals: readonly DropOutSignal[];
		/** `startsAt` is the local time of day, "HH:MM", as a session stores it. */
		sessions: readonly { day: string; startsAt: string; status: string }[];
	}[];
}

export type ChangeDirection = 'higher' | 'lower' | 'same';

export interface LatestResult {
	instrument: string;
	takenAt: string;
	total: number;
	max: number | null;
	band: string | null;
	/** The result before it on the same questionnaire; null when this is the first. */
	previous: number | null;
	change: number | null;
}

export interface ClientSummaryView {
	signals: CaseloadSignal[];
	discussCount: number;
	programme: { state: string; week: number } | null;
	nextSession: { groupName: string; day: string; startsAt: string } | null;
	latest: LatestResult | null;
}

export function changeDirection(change: number): ChangeDirection {
	return change > 0 ? 'higher' : change < 0 ? 'lower' : 'same';
}

export function clientSummary(input: SummaryInput): ClientSummaryView {
	const measurements: MeasurementFact[] = (input.measurements ?? []).map((m) => ({
		instrument: m.instrument as InstrumentId,
		takenAt: m.takenAt,
		total: m.total,
		band: m.band as LonelinessBand | null
	}));
	const [latestWeb, previousWeb] = input.healthWebs ?? [];
	const signals = caseloadSignals(
		{
			personId: '',
			name: '',
			measurements,
			lastActivityDay: input.lastActiveDay ?? null,
			everActive: (input.lastActiveDay ?? null) !== null,
			latestWeb: latestWeb?.scores ?? null,
			previousWeb: previousWeb?.scores ?? null,
			unreadSharedCount: 0,
			programme: null,
			groups: (input.groups ?? []).map((g) => ({ groupId: g.groupId, groupName: g.groupName, signals: [...g.signals], nextSession: null, attended: 0, past: 0, completed: false }))
		},
		input.today
	);
	// The newest scored result of any questionnaire, compared with the one before it on the same questionnaire.
	const newest = latestScores(measurements).sort((a, b) => Date.parse(b.latest.takenAt) - Date.parse(a.latest.takenAt))[0];
	const max = newest ? (input.measurements ?? []).find((m) => m.instrument === newest.latest.instrument)?.max ?? null : null;
	const latest: LatestResult | null = newest
		? {
				instrument: newest.latest.instrument,
				takenAt: newest.latest.takenAt,
				total: newest.latest.total,
				max,
				band: newest.latest.band,
				previous: newest.previous?.total ?? null,
				change: newest.previous ? newest.latest.total - newest.previous.total : null
			}
		: null;
	const upcoming = (input.groups ?? [])
		.flatMap((g) => g.sessions.filter((s) => s.status === 'planned' && s.day >= input.today).map((s) => ({ groupName: g.groupName, day: s.day, startsAt: s.startsAt })))
		.sort((a, b) => a.day.localeCompare(b.day) || a.startsAt.localeCompare(b.startsAt));
	return {
		signals,
		discussCount: input.discussCount,
		programme: input.programme ? { state: input.programme.state, week: input.programme.currentWeek } : null,
		nextSession: upcoming[0] ?? null,
		latest
	};
}
