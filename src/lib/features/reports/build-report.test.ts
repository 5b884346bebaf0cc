import { describe, expect, it } from 'vitest';
import { buildOutcomeReport, pairsOf, type ReportData, type ScoreCombination } from './build-report';
import { defaultReliableChangeSettings } from './statistics';
import type { FilterOutcome } from './outcome-report';

const noFilter: FilterOutcome = { requested: { from: null, to: null, setting: 'all' }, applied: false, refusal: null };
const now = new Date('2026-03-01T12:00:00.000Z');

/** (before emotional, before social, after emotional, after social) of ten people; totals 5→3, 5→3, 7→5, 7→3, 3→3, 9→7, 9→9, 11→7, 2→1, 4→2. */
const ten: [number, number, number, number][] = [
	[3, 2, 2, 1],
	[3, 2, 2, 1],
	[4, 3, 3, 2],
	[4, 3, 2, 1],
	[2, 1, 2, 1],
	[5, 4, 4, 3],
	[5, 4, 5, 4],
	[6, 5, 4, 3],
	[1, 1, 1, 0],
	[2, 2, 1, 1]
];

function combinations(rows: readonly (readonly number[])[], weight = 1, followUp: (i: number) => number | null = () => null): ScoreCombination[] {
	return rows.map(([beforeEmotional, beforeSocial, afterEmotional, afterSocial], i) => ({
		beforeEmotional: beforeEmotional!,
		beforeSocial: beforeSocial!,
		afterEmotional: afterEmotional!,
		afterSocial: afterSocial!,
		followUpTotal: followUp(i),
		n: weight
	}));
}

function data(combos: ScoreCombination[], funnel?: Partial<ReportData['funnel']>): ReportData {
	const pairs = combos.reduce((sum, c) => sum + c.n, 0);
	return { funnel: { started: pairs, completed: pairs, measuredBefore: pairs, ...funnel }, combinations: combos, outputs: null };
}

const build = (d: ReportData) => buildOutcomeReport(d, defaultReliableChangeSettings, noFilter, now);

describe('buildOutcomeReport: counts only below 10 complete pairs', () => {
	it('n = 0: every count is 0 and shown (0 names nobody), no figures', () => {
		const report = build(data([]));
		expect(report.funnel).toEqual({ started: 0, completed: 0, measuredBefore: 0, completePairs: 0 });
		expect(report).toMatchObject({ countsOnly: true, change: null, reliableChange: null, bands: null, followUp: null, minimumCell: 10 });
		expect(report.madeAt).toBe('2026-03-01T12:00:00.000Z');
		expect(report.context.scale).toBe('DJG-11');
	});

	it.each([1, 2, 9])('n = %i: counts only, and the count below 10 is hidden', (n) => {
		const report = build(data(combinations(ten.slice(0, n))));
		expect(report.countsOnly).toBe(true);
		expect(report.change).toBeNull();
		expect(report.funnel).toEqual({ started: null, completed: null, measuredBefore: null, completePairs: null });
	});

	it('n = 9 of 30 started: the funnel shows 30 and hides the step whose gap is below 10 and what follows', () => {
		// 30 → 25 completed (gap 5: hidden, so 25 is hidden) → 20 → 9: everything after the hidden step is hidden.
		const report = build(data(combinations(ten.slice(0, 9)), { started: 30, completed: 25, measuredBefore: 20 }));
		expect(report.funnel).toEqual({ started: 30, completed: null, measuredBefore: null, completePairs: null });
	});
});

describe('buildOutcomeReport: the figures from 10 complete pairs', () => {
	// Expected values worked out separately in Python from the definitions (not from statistics.ts):
	// mean, sample SD (n − 1), mean change ± t(0.975, 9) = 2.2621571628 · SD_diff / √10,
	// g_av = d̄ / ((SD_before + SD_after)/2) · (1 − 3/(4·9 − 1)), its interval g ± 1.96·√(2(1 − r)/n + g²/(2n)),
	// r the Pearson correlation before/after.
	it('n = 10: paired change on the total and both subscales', () => {
		const report = build(data(combinations(ten)));
		expect(report.countsOnly).toBe(false);
		expect(report.funnel.completePairs).toBe(10);
		const total = report.change!.total;
		// Totals before sum to 62 (mean 6.2), after 43 (mean 4.3); differences sum to −19 (mean −1.9).
		expect(total.n).toBe(10);
		expect(total.meanBefore).toBeCloseTo(6.2, 10);
		expect(total.meanAfter).toBeCloseTo(4.3, 10);
		expect(total.sdBefore).toBeCloseTo(2.898275, 5);
		expect(total.sdAfter).toBeCloseTo(2.584140, 5);
		expect(total.meanChange).toBeCloseTo(-1.9, 10);
		// SD_diff = 1.370320; half width 2.262157 · 1.370320 / √10 = 0.980268.
		expect(total.interval.lower).toBeCloseTo(-2.880268, 5);
		expect(total.interval.upper).toBeCloseTo(-0.919732, 5);
		// d_av = −1.9 / 2.741208 = −0.693125; × 32/35 = −0.633714; r = 0.881228.
		expect(total.gAv).toBeCloseTo(-0.633714, 5);
		expect(total.gInterval!.lower).toBeCloseTo(-1.044064, 5);
		expect(total.gInterval!.upper).toBeCloseTo(-0.223365, 5);
		// Emotional 3.5 → 2.6, social 2.7 → 1.7.
		expect(report.change!.emotional).toMatchObject({ n: 10, meanBefore: 3.5, meanAfter: 2.6 });
		expect(report.change!.emotional.meanChange).toBeCloseTo(-0.9, 10);
		expect(report.change!.emotional.gAv).toBeCloseTo(-0.561479, 5);
		expect(report.change!.social.meanChange).toBeCloseTo(-1, 10);
		expect(report.change!.social.interval.lower).toBeCloseTo(-1.476905, 5);
		expect(report.change!.social.gAv).toBeCloseTo(-0.706241, 5);
	});

	it('weighted combinations give the same figures as one row per person (100 people, 10 of each)', () => {
		const report = build(data(combinations(ten, 10)));
		expect(pairsOf(combinations(ten, 10))).toHaveLength(100);
		const total = report.change!.total;
		// Worked out in Python on the 100 expanded pairs: SDs 2.763397 and 2.463880, t(0.975, 99) = 1.9842169516.
		expect(total.n).toBe(100);
		expect(total.sdBefore).toBeCloseTo(2.763397, 5);
		expect(total.interval.lower).toBeCloseTo(-2.159248, 5);
		expect(total.interval.upper).toBeCloseTo(-1.640752, 5);
		expect(total.gAv).toBeCloseTo(-0.721435, 5);
		expect(total.gInterval!.lower).toBeCloseTo(-0.859717, 5);
	});

	it('reliable change: threshold 1.96 · √2 · 3 · √0.12 = 2.88 points; only the two changes of −4 count', () => {
		const report = build(data(combinations(ten, 10)));
		const reliable = report.reliableChange!;
		expect(reliable.sDiff).toBeCloseTo(1.469694, 5);
		expect(reliable.thresholdPoints).toBeCloseTo(2.880547, 5);
		// True counts: 20 improved (7→3 and 11→7, both still moderately lonely, so not recovered), 0 recovered,
		// 80 unchanged, 0 worse. The two zeros are hidden; hidden counts summing to 0 would give them away, so the
		// smallest other count (20) is hidden too.
		expect([reliable.improved, reliable.recovered, reliable.unchanged, reliable.worse]).toEqual([null, null, 80, null]);
	});

	it('bands: before and after are the margins of the one suppressed shift table', () => {
		const report = build(data(combinations(ten, 10)));
		const bands = report.bands!;
		// True shift (×10): N→N 10, M→N 10, M→M 50, S→M 10, S→S 10, VS→M 10; before N 10, M 60, S 20, VS 10;
		// after N 20, M 70, S 10, VS 0.
		const truth = [
			[10, 0, 0, 0],
			[10, 50, 0, 0],
			[0, 10, 10, 0],
			[0, 10, 0, 0]
		];
		const before = [10, 60, 20, 10];
		const after = [20, 70, 10, 0];
		bands.shift.forEach((row, r) => row.forEach((cell, c) => expect(cell === null || cell === truth[r]![c]).toBe(true)));
		bands.before.forEach((cell, i) => expect(cell === null || cell === before[i]).toBe(true));
		bands.after.forEach((cell, i) => expect(cell === null || cell === after[i]).toBe(true));
		// Zeros are never shown in the table.
		expect(bands.shift.flat().filter((cell) => cell === 0)).toEqual([]);
		expect(bands.after[3]).toBeNull();
	});

	it('all-equal scores: SD 0, so no g_av and no interval for it; the change interval is the single point 0', () => {
		const report = build(data(combinations([[3, 2, 3, 2]], 10)));
		const total = report.change!.total;
		expect(total).toMatchObject({ n: 10, meanBefore: 5, meanAfter: 5, sdBefore: 0, sdAfter: 0, meanChange: 0, gAv: null, gInterval: null });
		expect(total.interval).toEqual({ lower: 0, upper: 0 });
	});
});

describe('buildOutcomeReport: follow-up', () => {
	it('shows the before → follow-up change with 10 or more follow-ups among the complete pairs', () => {
		// 3 of the 10 combinations (30 people) have a follow-up total of 4: before totals 5, 5, 7 → changes −1, −1, −3.
		const report = build(data(combinations(ten, 10, (i) => (i < 3 ? 4 : null))));
		expect(report.followUp!.n).toBe(30);
		expect(report.followUp!.change!.n).toBe(30);
		// Mean before (5 + 5 + 7)/3 = 5.666667, mean change (−1 − 1 − 3)/3 = −1.666667.
		expect(report.followUp!.change!.meanBefore).toBeCloseTo(5.666667, 5);
		expect(report.followUp!.change!.meanChange).toBeCloseTo(-1.666667, 5);
	});

	it('hides the follow-up when 1–9 complete pairs lack one (the shown pairs would give that gap away)', () => {
		// 100 pairs, 95 with a follow-up: 100 − 95 = 5 people without one.
		const report = build(data([...combinations(ten.slice(0, 1), 5), ...combinations(ten.slice(1), 10, () => 4), ...combinations(ten.slice(0, 1), 5, () => 4)]));
		expect(report.funnel.completePairs).toBe(100);
		expect(report.followUp).toEqual({ n: null, change: null });
	});

	it('hides fewer than 10 follow-ups and shows 0 missing ones as 0', () => {
		const few = build(data([...combinations(ten.slice(0, 1), 5, () => 3), ...combinations(ten.slice(1), 10)]));
		expect(few.followUp).toEqual({ n: null, change: null });
		const none = build(data(combinations(ten)));
		expect(none.followUp).toEqual({ n: 0, change: null });
	});
});

describe('buildOutcomeReport: the funnel and outputs', () => {
	it('keeps the complete pairs shown when figures show, and hides a step only 1–9 away from them', () => {
		// 45 started, all completed and measured before, 40 pairs: 45 − 40 = 5 would name 5 people, so only 40 shows.
		const report = build(data(combinations(ten, 4), { started: 45, completed: 45, measuredBefore: 45 }));
		expect(report.funnel).toEqual({ started: null, completed: null, measuredBefore: null, completePairs: 40 });
		// 60 → 50 → 50 → 40: every gap is 0 or 10.
		const wide = build(data(combinations(ten, 4), { started: 60, completed: 50, measuredBefore: 50 }));
		expect(wide.funnel).toEqual({ started: 60, completed: 50, measuredBefore: 50, completePairs: 40 });
	});

	it('attendance rate over at least 10 participants: attended / expected', () => {
		const base = data(combinations(ten));
		const outputs = { groups: 2, sessionsHeld: 16, participants: 10, attended: 60, expected: 80 };
		expect(build({ ...base, outputs }).outputs).toEqual({ groups: 2, sessionsHeld: 16, attendanceRate: 0.75 });
		expect(build({ ...base, outputs: { ...outputs, participants: 9 } }).outputs).toEqual({ groups: 2, sessionsHeld: 16, attendanceRate: null });
	});

	it('passes the filter outcome through', () => {
		const refused: FilterOutcome = { requested: { from: '2025-Q1', to: null, setting: 'group' }, applied: false, refusal: 'narrows_below_minimum' };
		expect(buildOutcomeReport(data([]), defaultReliableChangeSettings, refused, now).filter).toEqual(refused);
	});
});
