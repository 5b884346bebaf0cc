/**
 * Turns the aggregates loaded from the database into the report a page shows. Pure: no I/O.
 * - `buildOutcomeReport(data, settings, filter, now)`: the funnel, outputs, paired change, reliable change, band
 *   shift and follow-up, each hidden where it rests on fewer than `minimumCell` people.
 * - `pairsOf(combinations)`, `triplesOf(combinations)`: the weighted score combinations as one entry per person
 *   (scores only, no identity), for the statistics.
 */
import type {
	BandFigures,
	ChangeFigures,
	FilterOutcome,
	FollowUpFigures,
	Funnel,
	OutcomeReport,
	Outputs,
	ReliableChangeFigures,
	Shown
} from './outcome-report';
import {
	bandShift,
	countsOnly,
	hedgesGav,
	minimumPairsForFigures,
	pairedChange,
	reliableChange,
	type Pair,
	type ReliableChangeSettings,
	type Triple
} from './statistics';
import { suppress } from './suppression';
import { nationalContext } from './national-context';

export const minimumCell = minimumPairsForFigures;

/**
 * The funnel's counts, nested so every step is part of the one before: started ⊇ completed ⊇ completed and measured
 * before ⊇ completed with before and after (the complete pairs).
 */
export interface FunnelCounts {
	started: number;
	completed: number;
	measuredBefore: number;
}

/** One combination of DJG-11 subscale scores before and after (and the follow-up total), with how many people had it. */
export interface ScoreCombination {
	beforeEmotional: number;
	beforeSocial: number;
	afterEmotional: number;
	afterSocial: number;
	followUpTotal: number | null;
	n: number;
}

export interface OutputCounts {
	groups: number;
	sessionsHeld: number;
	/** Counted group units (participants). */
	participants: number;
	/** Present or late, over the counted participants. */
	attended: number;
	/** Sessions held while each counted participant was in, summed. */
	expected: number;
}

/** What `loadReportData` returns: counts only, never a person. The complete pairs are the sum of `combinations`' n. */
export interface ReportData {
	funnel: FunnelCounts;
	combinations: ScoreCombination[];
	/** Null when the units include no group unit. */
	outputs: OutputCounts | null;
}

type Score = 'total' | 'emotional' | 'social';

function scoreOf(combination: ScoreCombination, when: 'before' | 'after', score: Score): number {
	const emotional = when === 'before' ? combination.beforeEmotional : combination.afterEmotional;
	const social = when === 'before' ? combination.beforeSocial : combination.afterSocial;
	return score === 'emotional' ? emotional : score === 'social' ? social : emotional + social;
}

/** One entry per person (scores only), for the statistics. */
export function pairsOf(combinations: readonly ScoreCombination[], score: Score = 'total'): Pair[] {
	const pairs: Pair[] = [];
	for (const combination of combinations) {
		const pair = { before: scoreOf(combination, 'before', score), after: scoreOf(combination, 'after', score) };
		for (let i = 0; i < combination.n; i++) pairs.push(pair);
	}
	return pairs;
}

export function triplesOf(combinations: readonly ScoreCombination[]): Triple[] {
	const triples: Triple[] = [];
	for (const combination of combinations) {
		const triple = { ...pairsOf([{ ...combination, n: 1 }])[0]!, followUp: combination.followUpTotal };
		for (let i = 0; i < combination.n; i++) triples.push(triple);
	}
	return triples;
}

const atLeastMinimum = (count: number) => count === 0 || count >= minimumCell;

/**
 * Each step is shown only when it, and its gap to the step before, is 0 or at least `minimumCell`; a hidden step
 * hides every step after it. The complete pairs are public whenever the figures show (every figure names its n), so
 * then they stay shown and any other step whose difference from them is 1–9 is hidden.
 */
function funnelOf(counts: FunnelCounts, completePairs: number, figuresShown: boolean): Funnel {
	const steps = [counts.started, counts.completed, counts.measuredBefore, completePairs];
	const shown: Shown[] = [atLeastMinimum(counts.started) ? counts.started : null];
	for (let i = 1; i < steps.length; i++) {
		const previous = shown[i - 1];
		const step = steps[i]!;
		if (previous === null || previous === undefined || step > previous) {
			shown.push(null);
			continue;
		}
		const list = suppress([step, previous - step], { min: minimumCell, hideZero: false });
		shown.push(list.cells[0] ?? null);
	}
	if (figuresShown) {
		shown[3] = completePairs;
		let hidden = false;
		for (let i = 0; i < 3; i++) {
			const value = shown[i];
			if (hidden || value === null || value === undefined || !atLeastMinimum(value - completePairs)) {
				shown[i] = null;
				hidden = true;
			}
		}
	}
	return { started: shown[0] ?? null, completed: shown[1] ?? null, measuredBefore: shown[2] ?? null, completePairs: shown[3] ?? null };
}

function outputsOf(outputs: OutputCounts | null): Outputs | null {
	if (!outputs) return null;
	const rate = outputs.participants >= minimumCell && outputs.expected > 0 ? outputs.attended / outputs.expected : null;
	return { groups: outputs.groups, sessionsHeld: outputs.sessionsHeld, attendanceRate: rate };
}

/** Change figures over at least `minimumCell` pairs; g_av is null when there is no spread to standardise by. */
function changeOf(pairs: readonly Pair[]): ChangeFigures {
	const change = pairedChange(pairs);
	const effect = hedgesGav(pairs);
	return {
		n: change.n,
		meanBefore: change.meanBefore ?? 0,
		meanAfter: change.meanAfter ?? 0,
		sdBefore: change.sdBefore ?? 0,
		sdAfter: change.sdAfter ?? 0,
		meanChange: change.meanChange ?? 0,
		interval: change.interval ?? { lower: change.meanChange ?? 0, upper: change.meanChange ?? 0 },
		gAv: effect.gAv,
		gInterval: effect.interval
	};
}

function reliableChangeOf(pairs: readonly Pair[], settings: ReliableChangeSettings): ReliableChangeFigures {
	const result = reliableChange(pairs, settings);
	const { improved, recovered, unchanged, worse } = result.counts;
	const list = suppress([improved - recovered, recovered, unchanged, worse], { min: minimumCell });
	const [improvedOnly, recoveredShown, unchangedShown, worseShown] = list.cells;
	return {
		settings: result.settings,
		sDiff: result.sDiff,
		thresholdPoints: result.thresholdPoints,
		improved: improvedOnly ?? null,
		recovered: recoveredShown ?? null,
		unchanged: unchangedShown ?? null,
		worse: worseShown ?? null
	};
}

function bandsOf(pairs: readonly Pair[]): BandFigures {
	const shift = bandShift(pairs);
	// One suppression over the table with its margins, so the bands before (row totals) and after (column totals)
	// cannot be played off against the cells.
	const table = suppress(shift.cells, { min: minimumCell });
	return { bands: shift.bands, before: table.rowTotals, after: table.columnTotals, shift: table.cells };
}

/**
 * Shown with at least `minimumCell` follow-ups, and only when the complete pairs without one are 0 or at least
 * `minimumCell` too: the complete pairs are shown, so the follow-up's n would give that gap away, as in the funnel.
 */
function followUpOf(combinations: readonly ScoreCombination[], completePairs: number): FollowUpFigures {
	const pairs: Pair[] = [];
	for (const triple of triplesOf(combinations)) {
		if (triple.followUp !== null) pairs.push({ before: triple.before, after: triple.followUp });
	}
	const n = pairs.length;
	const safe = atLeastMinimum(n) && atLeastMinimum(completePairs - n);
	return { n: safe ? n : null, change: safe && n >= minimumCell ? changeOf(pairs) : null };
}

export function buildOutcomeReport(
	data: ReportData,
	settings: ReliableChangeSettings,
	filter: FilterOutcome,
	now: Date = new Date()
): OutcomeReport {
	const completePairs = data.combinations.reduce((sum, combination) => sum + combination.n, 0);
	const onlyCounts = countsOnly(completePairs);
	const base = {
		madeAt: now.toISOString(),
		minimumCell,
		filter,
		funnel: funnelOf(data.funnel, completePairs, !onlyCounts),
		outputs: outputsOf(data.outputs),
		countsOnly: onlyCounts,
		context: nationalContext
	};
	if (onlyCounts) return { ...base, change: null, reliableChange: null, bands: null, followUp: null };
	const total = pairsOf(data.combinations, 'total');
	return {
		...base,
		change: { total: changeOf(total), emotional: changeOf(pairsOf(data.combinations, 'emotional')), social: changeOf(pairsOf(data.combinations, 'social')) },
		reliableChange: reliableChangeOf(total, settings),
		bands: bandsOf(total),
		followUp: followUpOf(data.combinations, completePairs)
	};
}
