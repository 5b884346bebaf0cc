import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	bandShift,
	countsOnly,
	defaultReliability,
	defaultScaleSd,
	followUp,
	hedgesGav,
	pairedChange,
	reliableChange,
	tCritical95,
	type Pair
} from './statistics';

const pairs = (before: number[], after: number[]): Pair[] => before.map((b, i) => ({ before: b, after: after[i] ?? Number.NaN }));

/*
 * Worked example, n = 10 (DJG-11 totals).
 * before: 8 9 7 10 6 8 9 11 5 7 → sum 80, mean 8.0; deviations 0 1 −1 2 −2 0 1 3 −3 −1, squares sum 30,
 *   variance 30/9 = 3.3333, SD 1.825742.
 * after:  5 7 6 8 4 6 7 9 4 5 → sum 61, mean 6.1; squared deviations sum 24.9, variance 2.76667, SD 1.663330.
 * differences: −3 −2 −1 −2 −2 −2 −2 −2 −1 −2 → sum −19, mean −1.9; squared deviations 1.21 + 0.81 + 0.81 +
 *   7 × 0.01 = 2.90, variance 2.9/9 = 0.322222, SD 0.567646.
 * t(0.975, 9) = 2.262157 (tables: 2.262). SE = 0.567646/√10 = 0.179505; half width 2.262157 × 0.179505 =
 *   0.406070; interval −2.306070 to −1.493930.
 * d_av = −1.9 / ((1.825742 + 1.663330)/2 = 1.744536) = −1.089115; J = 1 − 3/(4·9 − 1) = 0.914286;
 *   g_av = −0.995762.
 * r: cross-products of deviations sum 26.0; r = 26/√(30 · 24.9) = 0.951290.
 *   Var = 2(1 − r)/n + g²/(2n) = 0.0097420 + 0.0495771 = 0.0593191; SE 0.243555; ±1.959964·SE = 0.477359;
 *   interval −1.473121 to −0.518403.
 * (Cross-checked with Python's statistics module and scipy.stats.t.ppf.)
 */
const tenBefore = [8, 9, 7, 10, 6, 8, 9, 11, 5, 7];
const tenAfter = [5, 7, 6, 8, 4, 6, 7, 9, 4, 5];
const ten = pairs(tenBefore, tenAfter);

describe('tCritical95', () => {
	it('matches published two-sided 95% t tables', () => {
		// Student's t table (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2, upper 0.025 column).
		const table: [number, number][] = [
			[1, 12.706],
			[2, 4.303],
			[5, 2.571],
			[8, 2.306],
			[9, 2.262],
			[10, 2.228],
			[30, 2.042],
			[120, 1.98]
		];
		for (const [df, value] of table) expect(tCritical95(df)).toBeCloseTo(value, 3);
	});

	it('refuses degrees of freedom below 1', () => {
		expect(() => tCritical95(0)).toThrow(/degrees of freedom/);
	});
});

describe('pairedChange', () => {
	it('n = 10: the worked example', () => {
		const result = pairedChange(ten);
		expect(result.n).toBe(10);
		expect(result.meanBefore).toBeCloseTo(8, 10);
		expect(result.meanAfter).toBeCloseTo(6.1, 10);
		expect(result.sdBefore).toBeCloseTo(1.825742, 5);
		expect(result.sdAfter).toBeCloseTo(1.66333, 5);
		expect(result.meanChange).toBeCloseTo(-1.9, 10);
		expect(result.sdChange).toBeCloseTo(0.567646, 5);
		expect(result.interval?.lower).toBeCloseTo(-2.30607, 5);
		expect(result.interval?.upper).toBeCloseTo(-1.49393, 5);
	});

	/*
	 * n = 9: the first nine pairs. before sum 73, mean 8.111111, SD 1.900292; after sum 56, mean 6.222222,
	 * SD 1.715938; differences sum −17, mean −1.888889, squared deviations 2.888889, variance 0.361111,
	 * SD 0.600925. t(0.975, 8) = 2.306004; SE = 0.600925/3 = 0.200308; half width 0.461912;
	 * interval −2.350801 to −1.426977.
	 */
	it('n = 9: the first nine pairs', () => {
		const result = pairedChange(ten.slice(0, 9));
		expect(result.meanBefore).toBeCloseTo(8.111111, 5);
		expect(result.sdBefore).toBeCloseTo(1.900292, 5);
		expect(result.meanAfter).toBeCloseTo(6.222222, 5);
		expect(result.sdAfter).toBeCloseTo(1.715938, 5);
		expect(result.meanChange).toBeCloseTo(-1.888889, 5);
		expect(result.sdChange).toBeCloseTo(0.600925, 5);
		expect(result.interval?.lower).toBeCloseTo(-2.350801, 5);
		expect(result.interval?.upper).toBeCloseTo(-1.426977, 5);
	});

	/*
	 * n = 2: (5 → 3), (7 → 4). Means 6 and 3.5; SDs √2 = 1.414214 and √0.5 = 0.707107; differences −2, −3:
	 * mean −2.5, SD √0.5 = 0.707107. t(0.975, 1) = 12.706205; SE = 0.707107/√2 = 0.5; half width 6.353102;
	 * interval −8.853102 to 3.853102.
	 */
	it('n = 2: an interval exists, and it is wide', () => {
		const result = pairedChange(pairs([5, 7], [3, 4]));
		expect(result.sdBefore).toBeCloseTo(1.414214, 5);
		expect(result.sdAfter).toBeCloseTo(0.707107, 5);
		expect(result.meanChange).toBe(-2.5);
		expect(result.sdChange).toBeCloseTo(0.707107, 5);
		expect(result.interval?.lower).toBeCloseTo(-8.853102, 5);
		expect(result.interval?.upper).toBeCloseTo(3.853102, 5);
	});

	it('n = 1: the means and the change, but no SD and no interval', () => {
		expect(pairedChange(pairs([6], [4]))).toEqual({
			n: 1,
			meanBefore: 6,
			meanAfter: 4,
			sdBefore: null,
			sdAfter: null,
			meanChange: -2,
			sdChange: null,
			interval: null
		});
	});

	it('n = 0: every figure is null', () => {
		expect(pairedChange([])).toEqual({
			n: 0,
			meanBefore: null,
			meanAfter: null,
			sdBefore: null,
			sdAfter: null,
			meanChange: null,
			sdChange: null,
			interval: null
		});
	});

	it('all-equal scores: SDs are 0 and the interval shrinks to the mean change', () => {
		const result = pairedChange(pairs([7, 7, 7], [4, 4, 4]));
		expect(result).toMatchObject({ sdBefore: 0, sdAfter: 0, meanChange: -3, sdChange: 0 });
		expect(result.interval).toEqual({ lower: -3, upper: -3 });
	});

	it('refuses a score that is not a finite number', () => {
		expect(() => pairedChange([{ before: Number.NaN, after: 3 }])).toThrow(/finite number/);
	});

	it('property: the interval always contains the mean change', () => {
		const score = fc.integer({ min: 0, max: 11 });
		fc.assert(
			fc.property(fc.array(fc.record({ before: score, after: score }), { minLength: 2, maxLength: 60 }), (sample) => {
				const { meanChange, interval } = pairedChange(sample);
				expect(interval).not.toBeNull();
				expect(interval!.lower).toBeLessThanOrEqual(meanChange!);
				expect(interval!.upper).toBeGreaterThanOrEqual(meanChange!);
			})
		);
	});
});

describe('hedgesGav', () => {
	it('n = 10: the worked example', () => {
		const result = hedgesGav(ten);
		expect(result.dAv).toBeCloseTo(-1.089115, 5);
		expect(result.gAv).toBeCloseTo(-0.995762, 5);
		expect(result.interval?.lower).toBeCloseTo(-1.473121, 5);
		expect(result.interval?.upper).toBeCloseTo(-0.518403, 5);
	});

	/*
	 * n = 9: d_av = −1.888889 / ((1.900292 + 1.715938)/2 = 1.808115) = −1.044673; J = 1 − 3/31 = 0.903226;
	 * g_av = −0.943575; r = 0.949840; SE = √(2·0.050160/9 + 0.890335/18) = √0.0605607 = 0.246091;
	 * interval −1.426100 to −0.461051.
	 */
	it('n = 9: the first nine pairs', () => {
		const result = hedgesGav(ten.slice(0, 9));
		expect(result.dAv).toBeCloseTo(-1.044673, 5);
		expect(result.gAv).toBeCloseTo(-0.943575, 5);
		expect(result.interval?.lower).toBeCloseTo(-1.4261, 5);
		expect(result.interval?.upper).toBeCloseTo(-0.461051, 5);
	});

	it('n = 0, 1 and 2: no effect size (at n = 2 the correction factor 1 − 3/3 is 0)', () => {
		for (const sample of [[], pairs([6], [4]), pairs([5, 7], [3, 4])]) {
			expect(hedgesGav(sample)).toEqual({ n: sample.length, dAv: null, gAv: null, interval: null });
		}
	});

	it('all-equal scores: no spread to standardise by, so no effect size', () => {
		expect(hedgesGav(pairs([7, 7, 7], [4, 4, 4]))).toMatchObject({ dAv: null, gAv: null, interval: null });
	});

	it('one side without spread: g_av exists, the interval (which needs r) does not', () => {
		// before 6 6 6 (SD 0); after 3 4 5 (mean 4, SD 1); d̄ = −2; d_av = −2/0.5 = −4; J = 1 − 3/7; g = −2.285714.
		const result = hedgesGav(pairs([6, 6, 6], [3, 4, 5]));
		expect(result.dAv).toBeCloseTo(-4, 10);
		expect(result.gAv).toBeCloseTo(-2.285714, 5);
		expect(result.interval).toBeNull();
	});
});

describe('reliableChange', () => {
	it('exports the cited defaults', () => {
		expect(defaultScaleSd).toBe(3);
		expect(defaultReliability).toBe(0.88);
	});

	/*
	 * SD 3.0, r 0.88: S_diff = √2 · 3 · √0.12 = 4.242641 · 0.346410 = 1.469694; threshold z(0.975) · S_diff =
	 * 1.959964 · 1.469694 = 2.880547 points, so a drop of 3 is reliable and a drop of 2 is not.
	 * (10 → 2): −8/1.469694 = −5.443 improved, ends at 2: recovered. (8 → 5): −3 → −2.041 improved, not
	 * recovered. (6 → 4): −2 → −1.361 unchanged. (3 → 7): +4 → 2.722 worse.
	 */
	it('classifies each person with the default threshold', () => {
		const result = reliableChange(pairs([10, 8, 6, 3], [2, 5, 4, 7]));
		expect(result.sDiff).toBeCloseTo(1.469694, 5);
		expect(result.thresholdPoints).toBeCloseTo(2.880547, 5);
		expect(result.people.map((p) => [p.change, p.recovered])).toEqual([
			['improved', true],
			['improved', false],
			['unchanged', false],
			['worse', false]
		]);
		expect(result.counts).toEqual({ improved: 2, recovered: 1, unchanged: 1, worse: 1 });
	});

	it('r 0.80 gives a threshold of 3.72 points (a drop of 4)', () => {
		// S_diff = √2 · 3 · √0.2 = 1.897367; 1.959964 · 1.897367 = 3.718772.
		expect(reliableChange([], { sd: 3, reliability: 0.8 }).thresholdPoints).toBeCloseTo(3.718772, 5);
	});

	it('n = 0: counts of zero', () => {
		expect(reliableChange([]).counts).toEqual({ improved: 0, recovered: 0, unchanged: 0, worse: 0 });
	});

	it('refuses settings that give no threshold', () => {
		expect(() => reliableChange([], { sd: 0, reliability: 0.88 })).toThrow(/SD/);
		expect(() => reliableChange([], { sd: 3, reliability: 1 })).toThrow(/reliability/);
	});
});

describe('bandShift', () => {
	it('counts people per band before × after', () => {
		// Bands: 0–2 niet, 3–8 matig, 9–10 sterk, 11 zeer sterk.
		const result = bandShift(pairs([11, 9, 10, 5, 2], [8, 2, 10, 5, 3]));
		expect(result.bands).toEqual(['not_lonely', 'moderately_lonely', 'severely_lonely', 'very_severely_lonely']);
		expect(result.cells).toEqual([
			[0, 1, 0, 0],
			[0, 1, 0, 0],
			[1, 0, 1, 0],
			[0, 1, 0, 0]
		]);
	});

	it('refuses a total outside 0–11', () => {
		expect(() => bandShift(pairs([12], [3]))).toThrow(/0 to 11/);
		expect(() => bandShift(pairs([2.5], [3]))).toThrow(/whole number/);
	});
});

describe('followUp', () => {
	it('leaves out and counts the people without a follow-up', () => {
		// Follow-ups for 5 → 3 and 7 → 4 only: the same figures as the n = 2 example above.
		const result = followUp([
			{ before: 5, after: 2, followUp: 3 },
			{ before: 9, after: 8, followUp: null },
			{ before: 7, after: 6, followUp: 4 },
			{ before: 4, after: 4, followUp: null }
		]);
		expect(result.n).toBe(2);
		expect(result.missing).toBe(2);
		expect(result.change.meanChange).toBe(-2.5);
		expect(result.change.interval?.lower).toBeCloseTo(-8.853102, 5);
		expect(result.effectSize.gAv).toBeNull();
		expect(result.reliableChange.people).toHaveLength(2);
	});

	it('with no follow-ups at all, every figure is empty', () => {
		const result = followUp([{ before: 5, after: 2, followUp: null }]);
		expect(result).toMatchObject({ n: 0, missing: 1 });
		expect(result.change.meanChange).toBeNull();
	});
});

describe('countsOnly', () => {
	it('is true below 10 complete pairs', () => {
		expect([0, 1, 9, 10, 11].map(countsOnly)).toEqual([true, true, true, false, false]);
	});
});
