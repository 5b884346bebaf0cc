/**
 * Outcome statistics for pre/post (and follow-up) loneliness scores. Pure: no I/O.
 *
 * - `pairedChange(pairs)`: n, means, SDs, mean change and its 95% t interval.
 * - `hedgesGav(pairs)`: Lakens' (2013) d_av and Hedges' g_av with a 95% interval (`effectSizeIntervalMethod`).
 * - `reliableChange(pairs, settings)`: Jacobson & Truax reliable change per person and counts per class.
 * - `bandShift(pairs)`: DJG-11 band before × band after.
 * - `followUp(triples)`: the same change figures for before → follow-up, with the missing follow-ups counted.
 * - `countsOnly(n)`: whether a report is too small to show figures.
 * Small-number suppression lives in `suppression.ts`.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { djg11 } from '$lib/features/instruments/djg-11';
import { bandFor } from '$lib/features/instruments/instruments';

export interface Pair {
	before: number;
	after: number;
}

export interface Triple extends Pair {
	followUp: number | null;
}

export interface Interval {
	lower: number;
	upper: number;
}

export interface PairedChange {
	n: number;
	meanBefore: number | null;
	meanAfter: number | null;
	sdBefore: number | null;
	sdAfter: number | null;
	/** Mean of (after − before); negative means less lonely on DJG-11. */
	meanChange: number | null;
	sdChange: number | null;
	/** 95% interval d̄ ± t(0.975, n−1)·SD_diff/√n; null below 2 pairs. */
	interval: Interval | null;
}

export interface EffectSize {
	n: number;
	dAv: number | null;
	gAv: number | null;
	interval: Interval | null;
}

export interface ReliableChangeSettings {
	sd: number;
	reliability: number;
}

export type ChangeClass = 'improved' | 'unchanged' | 'worse';

export interface PersonChange {
	rc: number;
	change: ChangeClass;
	recovered: boolean;
}

export interface ReliableChange {
	settings: ReliableChangeSettings;
	/** S_diff = √2·SD·√(1 − r). */
	sDiff: number;
	/** The smallest change in points that counts as reliable: 1.96·S_diff. */
	thresholdPoints: number;
	people: PersonChange[];
	/** `improved` includes the recovered ones; `recovered` is a part of `improved`. */
	counts: { improved: number; recovered: number; unchanged: number; worse: number };
}

export const minimumPairsForFigures = 10;

/** Baseline DJG-11 SD of 3.0: Bouwman et al. (2019), JMIR Aging, online friendship enrichment programme. */
export const defaultScaleSd = 3.0;
/** DJG-11 reliability 0.88: Moorer & Suurmeijer (1993), Mokken ρ. */
export const defaultReliability = 0.88;
export const defaultReliableChangeSettings: ReliableChangeSettings = {
	sd: defaultScaleSd,
	reliability: defaultReliability
};

/** The critical value of a two-sided 95% test on the normal distribution. */
export const z975 = 1.959963984540054;

/**
 * How the interval of g_av is computed, for the report page to show. The large-sample variance of the
 * standardised mean change in a paired design (Becker 1988; the limit of Morris & DeShon 2002, Table 2) is
 * 2(1 − r)/n + g²/(2n); it assumes the SDs before and after are about equal, which d_av's average SD also does.
 */
export const effectSizeIntervalMethod =
	'Normal approximation: g_av ± 1.96 · √(2(1 − r)/n + g_av²/(2n)), with r the correlation of the scores ' +
	'before and after (Becker 1988; Morris & DeShon 2002)';

/** t(0.975, df): the two-sided 95% critical value of Student's t. */
export function tCritical95(df: number): number {
	if (!Number.isInteger(df) || df < 1) {
		throw new RangeError(`degrees of freedom must be a whole number ≥ 1, got ${df}`);
	}
	return tQuantile(0.975, df);
}

function assertScores(values: readonly number[]): void {
	for (const value of values) {
		if (!Number.isFinite(value)) throw new RangeError(`a score must be a finite number, got ${value}`);
	}
}

function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample SD (n − 1 in the denominator); null below 2 values. */
function sampleSd(values: readonly number[]): number | null {
	const m = mean(values);
	if (m === null || values.length < 2) return null;
	const squares = values.reduce((sum, value) => sum + (value - m) ** 2, 0);
	return Math.sqrt(squares / (values.length - 1));
}

function pearson(pairs: readonly Pair[]): number | null {
	const mx = mean(pairs.map((pair) => pair.before));
	const my = mean(pairs.map((pair) => pair.after));
	if (mx === null || my === null || pairs.length < 2) return null;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (const { before, after } of pairs) {
		sxy += (before - mx) * (after - my);
		sxx += (before - mx) ** 2;
		syy += (after - my) ** 2;
	}
	if (sxx === 0 || syy === 0) return null;
	return sxy / Math.sqrt(sxx * syy);
}

function split(pairs: readonly Pair[]): { before: number[]; after: number[]; diffs: number[] } {
	const before = pairs.map((pair) => pair.before);
	const after = pairs.map((pair) => pair.after);
	assertScores(before);
	assertScores(after);
	return { before, after, diffs: pairs.map((pair) => pair.after - pair.before) };
}

/**
 * Paired change. With 0 pairs every figure is null; with 1 pair the means and the change are that pair's
 * values, but no SD or interval exists. With all differences equal, SD_diff is 0 and the interval is the
 * single point d̄ (there is no spread to be uncertain about in this sample).
 */
export function pairedChange(pairs: readonly Pair[]): PairedChange {
	const { before, after, diffs } = split(pairs);
	const n = pairs.length;
	const meanChange = mean(diffs);
	const sdChange = sampleSd(diffs);
	const interval =
		meanChange === null || sdChange === null
			? null
			: widen(meanChange, (tCritical95(n - 1) * sdChange) / Math.sqrt(n));
	return {
		n,
		meanBefore: mean(before),
		meanAfter: mean(after),
		sdBefore: sampleSd(before),
		sdAfter: sampleSd(after),
		meanChange,
		sdChange,
		interval
	};
}

function widen(centre: number, half: number): Interval {
	return { lower: centre - half, upper: centre + half };
}

/**
 * Lakens (2013): d_av = d̄ / ((SD_pre + SD_post)/2); g_av = d_av·(1 − 3/(4(n − 1) − 1)).
 * Null below 3 pairs (at n = 2 the correction factor is 0, so g_av would be 0 whatever the data) and when
 * both SDs are 0 (no spread to standardise by). The interval also needs the before/after correlation, so it
 * is null when either SD is 0; see `effectSizeIntervalMethod`.
 */
export function hedgesGav(pairs: readonly Pair[]): EffectSize {
	const n = pairs.length;
	const change = pairedChange(pairs);
	const sdBefore = change.sdBefore;
	const sdAfter = change.sdAfter;
	if (n < 3 || change.meanChange === null || sdBefore === null || sdAfter === null || sdBefore + sdAfter === 0) {
		return { n, dAv: null, gAv: null, interval: null };
	}
	const dAv = change.meanChange / ((sdBefore + sdAfter) / 2);
	const gAv = dAv * (1 - 3 / (4 * (n - 1) - 1));
	const r = pearson(pairs);
	const interval =
		r === null ? null : widen(gAv, z975 * Math.sqrt((2 * (1 - r)) / n + gAv ** 2 / (2 * n)));
	return { n, dAv, gAv, interval };
}

/**
 * Jacobson & Truax (1991): RC = (after − before)/S_diff. DJG-11: lower is better, so RC < −1.96 is
 * reliably improved. Recovered = reliably improved and ending in the 0–2 band (niet eenzaam).
 */
export function reliableChange(
	pairs: readonly Pair[],
	settings: ReliableChangeSettings = defaultReliableChangeSettings
): ReliableChange {
	const { sd, reliability } = settings;
	if (!(Number.isFinite(sd) && sd > 0)) throw new RangeError(`the scale SD must be above 0, got ${sd}`);
	if (!(Number.isFinite(reliability) && reliability >= 0 && reliability < 1)) {
		throw new RangeError(`the reliability must be at least 0 and below 1, got ${reliability}`);
	}
	split(pairs);
	const sDiff = Math.SQRT2 * sd * Math.sqrt(1 - reliability);
	const people = pairs.map((pair): PersonChange => {
		const rc = (pair.after - pair.before) / sDiff;
		const change: ChangeClass = rc < -z975 ? 'improved' : rc > z975 ? 'worse' : 'unchanged';
		return { rc, change, recovered: change === 'improved' && bandFor(djg11, pair.after)?.id === 'not_lonely' };
	});
	const count = (test: (person: PersonChange) => boolean) => people.filter(test).length;
	return {
		settings: { sd, reliability },
		sDiff,
		thresholdPoints: z975 * sDiff,
		people,
		counts: {
			improved: count((p) => p.change === 'improved'),
			recovered: count((p) => p.recovered),
			unchanged: count((p) => p.change === 'unchanged'),
			worse: count((p) => p.change === 'worse')
		}
	};
}

export const bandIds = djg11.bands.map((band) => band.id);
export type BandId = (typeof bandIds)[number];

export interface BandShift {
	/** Row and column order: niet, matig, sterk, zeer sterk eenzaam. */
	bands: BandId[];
	/** cells[before band][after band] = number of people. */
	cells: number[][];
}

function bandIndex(total: number): number {
	const band = Number.isInteger(total) ? bandFor(djg11, total) : undefined;
	if (!band) throw new RangeError(`a DJG-11 total must be a whole number from 0 to 11, got ${total}`);
	return bandIds.indexOf(band.id);
}

/** The 4×4 table of DJG-11 bands before (rows) against after (columns). */
export function bandShift(pairs: readonly Pair[]): BandShift {
	const indices = pairs.map((pair) => [bandIndex(pair.before), bandIndex(pair.after)] as const);
	const cells = bandIds.map((_, row) =>
		bandIds.map((__, column) => indices.filter(([b, a]) => b === row && a === column).length)
	);
	return { bands: [...bandIds], cells };
}

export interface FollowUp {
	/** People with a follow-up score; the figures below are over them. */
	n: number;
	/** People left out because they have no follow-up score. */
	missing: number;
	change: PairedChange;
	effectSize: EffectSize;
	reliableChange: ReliableChange;
}

/** Before → follow-up change for the people who have a follow-up; the others are left out and counted. */
export function followUp(
	triples: readonly Triple[],
	settings: ReliableChangeSettings = defaultReliableChangeSettings
): FollowUp {
	const pairs: Pair[] = [];
	for (const triple of triples) {
		if (triple.followUp !== null) pairs.push({ before: triple.before, after: triple.followUp });
	}
	return {
		n: pairs.length,
		missing: triples.length - pairs.length,
		change: pairedChange(pairs),
		effectSize: hedgesGav(pairs),
		reliableChange: reliableChange(pairs, settings)
	};
}

/** A report with fewer than 10 complete pairs shows counts only. */
export function countsOnly(completePairs: number): boolean {
	return completePairs < minimumPairsForFigures;
}
