/**
 * Caseload signals: what deserves a professional's attention first, from facts the data layer gathers per
 * client (`CaseloadFacts`). Pure: no I/O and no clock; callers pass `today`.
 * - `caseloadSignalIds`: the signals, most important first.
 * - `severeBands`, `indicationCountsAsSevere`: which results count as severe, per instrument.
 * - `latestScores(measurements)`: per instrument, the latest scored measurement and the one before it.
 * - `caseloadSignals(facts, today)`: the client's signals with their data, in the order of `caseloadSignalIds`.
 * - `bandSeverity(facts)`: 0 (no result) to 4 (very severely lonely), the most severe latest result of any instrument.
 * - `daysBetween(from, to)`: whole calendar days from one local day to another.
 * Sorting and filtering the caseload: see caseload-list.ts.
 *
 * Decisions (the rules, with their edges pinned):
 * - Most important first: a severe result now, a worse score, a "bespreek dit" item not yet seen (the client asked),
 *   the programme's two drop-out signals (programme-signals.ts: week 1 not opened by day 10, no step for 7 days), a
 *   drop in the health web, and last going quiet (the weakest evidence). The programme's signals are for the
 *   professional only, never shown to the person. Then a group's drop-out signals (groups/signals.ts: stopped, two
 *   absences in a row, an absence without afmelding, a low check-in the person shared), for the leaders only.
 * - Severe: DJG-11 `severely_lonely` (9–10) and `very_severely_lonely` (11); DJG-6 `severely_lonely` (5–6). UCLA-3
 *   has no bands: its total at or above the indication threshold (6) raises the signal, marked as an indication so
 *   the words never call it a band. Only the latest scored measurement of each instrument counts.
 * - Worse: latest minus previous scored measurement of the same instrument ≥ 2 (higher = lonelier for all three).
 *   Measurements without a total (missing answers) are passed over.
 * - Quiet: 14 whole days without activity, after having been active. Today is not over, so it does not count: last
 *   active on 1 March, the signal shows from 16 March (15 days later), not on 15 March. Someone with a fortnightly
 *   rhythm is not flagged on the morning of their usual day. A client who never started is not "quiet".
 * - Health web: a dimension 3 or more points lower than in the previous web.
 */
import { getInstrument, type InstrumentId, type LonelinessBand } from '$lib/features/instruments/instruments';
import { compareWebs, type HealthWebDimension, type HealthWebScores } from '$lib/features/health-web/health-web';
import { programmeSignals, type ProgrammeFacts, type ProgrammeSignal } from '$lib/features/programme/programme-signals';
import type { DropOutSignal } from '$lib/features/groups/signals';
import type { ParticipantFact } from '$lib/features/groups/participant-facts.server';
import { isLocalDay } from '$lib/time';

export const caseloadSignalIds = [
	'severe_band',
	'score_worsened',
	'discuss_unread',
	'week1_unopened',
	'no_step',
	'group_dropout',
	'health_web_drop',
	'inactive'
] as const;
export type CaseloadSignalId = (typeof caseloadSignalIds)[number];

export const severeBands: Record<InstrumentId, readonly LonelinessBand[]> = {
	'djg-11': ['severely_lonely', 'very_severely_lonely'],
	'djg-6': ['severely_lonely'],
	'ucla-3': []
};
/** Instruments without bands whose indication threshold raises the severe signal. */
export const indicationCountsAsSevere: readonly InstrumentId[] = ['ucla-3'];

export const worsenedBy = 2;
export const inactiveAfterDays = 14;
export const healthWebDropBy = 3;

/** One measurement as the caseload needs it. */
export interface MeasurementFact {
	instrument: InstrumentId;
	/** ISO 8601 instant (UTC), as stored. */
	takenAt: string;
	/** Null when answers are missing and no total was given. */
	total: number | null;
	band: LonelinessBand | null;
}

/** Everything the signals and the caseload list need about one client; filled by the data layer. */
export interface CaseloadFacts {
	personId: string;
	/** The name the client chose for the professional. */
	name: string;
	/** The client's measurements the professional may see, in any order; at least the latest two per instrument. */
	measurements: readonly MeasurementFact[];
	/**
	 * The last local day (YYYY-MM-DD) with any activity of the client in brug; null when none was found (also when
	 * the data layer only looks back so far, and found nothing in that time).
	 */
	lastActivityDay: string | null;
	/** Whether the client was ever active in brug: with a null `lastActivityDay`, they went quiet longer ago than looked. */
	everActive: boolean;
	/** The latest two health webs, if shared. */
	latestWeb: HealthWebScores | null;
	previousWeb: HealthWebScores | null;
	/** "Bespreek dit" items shared with this professional that they have not opened yet. */
	unreadSharedCount: number;
	/** The running programme, if the client shares the programme scope and has one. */
	programme?: ProgrammeFacts | null;
	/** The groups the reader leads that the client is in (only through a group grant). */
	groups?: readonly ParticipantFact[] | null;
}

export interface GroupDropOut {
	groupId: string;
	groupName: string;
	signals: DropOutSignal[];
}

export interface ScoredMeasurement {
	instrument: InstrumentId;
	takenAt: string;
	total: number;
	band: LonelinessBand | null;
}

export interface LatestScore {
	latest: ScoredMeasurement;
	previous: ScoredMeasurement | null;
}

export interface SevereResult {
	instrument: InstrumentId;
	takenAt: string;
	total: number;
	/** The band, or null when the indication (UCLA-3) raised the signal. */
	band: LonelinessBand | null;
	basis: 'band' | 'indication';
}

export interface ScoreChange {
	instrument: InstrumentId;
	previous: number;
	latest: number;
	change: number;
	takenAt: string;
}

export interface WebDrop {
	dimension: HealthWebDimension;
	previous: number;
	current: number;
	change: number;
}

export type CaseloadSignal =
	| { id: 'severe_band'; results: SevereResult[] }
	| { id: 'score_worsened'; changes: ScoreChange[] }
	| { id: 'discuss_unread'; count: number }
	| { id: 'health_web_drop'; drops: WebDrop[] }
	| ProgrammeSignal
	/** A group's drop-out signals (groups/signals.ts), per group the reader leads; never shown to the person. */
	| { id: 'group_dropout'; groups: GroupDropOut[] }
	/** Both null when the client was active once, but not within the data layer's look-back. */
	| { id: 'inactive'; lastActivityDay: string | null; days: number | null };

const instrumentOrder: readonly InstrumentId[] = ['djg-11', 'djg-6', 'ucla-3'];

/** Per instrument (DJG-11, DJG-6, UCLA-3 order), the latest measurement with a total and the one before it. */
export function latestScores(measurements: readonly MeasurementFact[]): LatestScore[] {
	return instrumentOrder.flatMap((instrument) => {
		const scored = measurements
			.filter((m): m is ScoredMeasurement => m.instrument === instrument && m.total !== null)
			.map((m) => ({ measurement: m, time: Date.parse(m.takenAt) }))
			.filter((entry) => !Number.isNaN(entry.time))
			// Newest first; a stable sort keeps the given order for equal instants.
			.sort((a, b) => b.time - a.time)
			.map(({ measurement: { instrument: id, takenAt, total, band } }) => ({ instrument: id, takenAt, total, band }));
		const [latest, previous] = scored;
		return latest ? [{ latest, previous: previous ?? null }] : [];
	});
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
	if (!isLocalDay(from) || !isLocalDay(to)) throw new RangeError(`Not a date (YYYY-MM-DD): ${from} or ${to}`);
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Why a result is severe, or null when it is not. */
function severeBasis(score: ScoredMeasurement): SevereResult['basis'] | null {
	if (score.band !== null && severeBands[score.instrument].includes(score.band)) return 'band';
	const indication = getInstrument(score.instrument)?.indication;
	if (indicationCountsAsSevere.includes(score.instrument) && indication && score.total >= indication.threshold) return 'indication';
	return null;
}

const bandRank: Record<LonelinessBand, number> = {
	not_lonely: 1,
	moderately_lonely: 2,
	severely_lonely: 3,
	very_severely_lonely: 4
};

/**
 * How severe the client's latest results are: the highest of each instrument's latest result. 4 very severely
 * lonely, 3 severely lonely or at the UCLA-3 indication (as the severe signal), 2 moderately lonely, 1 not lonely or
 * UCLA-3 below the indication, 0 without any scored measurement.
 */
export function bandSeverity(facts: Pick<CaseloadFacts, 'measurements'>): number {
	return Math.max(
		0,
		...latestScores(facts.measurements).map(({ latest }) =>
			latest.band !== null ? bandRank[latest.band] : severeBasis(latest) === 'indication' ? 3 : 1
		)
	);
}

/** The client's signals with their data, most important first (`caseloadSignalIds` order); each at most once. */
export function caseloadSignals(facts: CaseloadFacts, today: string): CaseloadSignal[] {
	const signals: CaseloadSignal[] = [];
	const scores = latestScores(facts.measurements);

	const severe = scores.flatMap(({ latest }): SevereResult[] => {
		const basis = severeBasis(latest);
		return basis ? [{ instrument: latest.instrument, takenAt: latest.takenAt, total: latest.total, band: latest.band, basis }] : [];
	});
	if (severe.length > 0) signals.push({ id: 'severe_band', results: severe });

	const changes = scores.flatMap(({ latest, previous }): ScoreChange[] =>
		previous && latest.total - previous.total >= worsenedBy
			? [{ instrument: latest.instrument, previous: previous.total, latest: latest.total, change: latest.total - previous.total, takenAt: latest.takenAt }]
			: []
	);
	if (changes.length > 0) signals.push({ id: 'score_worsened', changes });

	if (facts.unreadSharedCount > 0) signals.push({ id: 'discuss_unread', count: facts.unreadSharedCount });

	if (facts.programme) signals.push(...programmeSignals(facts.programme, today));

	const dropOuts = (facts.groups ?? []).filter((g) => g.signals.length > 0).map((g) => ({ groupId: g.groupId, groupName: g.groupName, signals: [...g.signals] }));
	if (dropOuts.length > 0) signals.push({ id: 'group_dropout', groups: dropOuts });

	if (facts.latestWeb && facts.previousWeb) {
		const drops = compareWebs(facts.previousWeb, facts.latestWeb).flatMap((row): WebDrop[] =>
			row.previous !== null && row.change !== null && row.change <= -healthWebDropBy
				? [{ dimension: row.dimension, previous: row.previous, current: row.current, change: row.change }]
				: []
		);
		if (drops.length > 0) signals.push({ id: 'health_web_drop', drops });
	}

	// A known last activity day is proof enough of having been active.
	if (facts.everActive || facts.lastActivityDay !== null) {
		if (facts.lastActivityDay === null) {
			signals.push({ id: 'inactive', lastActivityDay: null, days: null });
		} else {
			const days = daysBetween(facts.lastActivityDay, today);
			// Whole days without activity are days − 1: today is not over yet.
			if (days - 1 >= inactiveAfterDays) signals.push({ id: 'inactive', lastActivityDay: facts.lastActivityDay, days });
		}
	}

	return signals;
}
