import type { ChangeFigures, OutcomeReport } from '$lib/features/reports/outcome-report';

/** Hand-made reports for component tests: one with every figure shown, one below the minimum. */
const change = (meanChange: number, lower: number, upper: number, gAv: number): ChangeFigures => ({
	n: 24,
	meanBefore: 6.4,
	meanAfter: 6.4 + meanChange,
	sdBefore: 2.9,
	sdAfter: 3.1,
	meanChange,
	interval: { lower, upper },
	gAv,
	gInterval: { lower: gAv - 0.3, upper: gAv + 0.3 }
});

const context: OutcomeReport['context'] = {
	year: 2022,
	source: 'Gezondheidsmonitor Volwassenen en Ouderen 2022 (GGD’en, CBS en RIVM)',
	url: 'https://www.vzinfo.nl/eenzaamheid',
	scale: 'DJG-11',
	population: 'adults_18_plus',
	lonelyPercent: 48.6,
	severelyLonelyPercent: 14.2
};

export const fullReport: OutcomeReport = {
	madeAt: '2026-03-02T10:00:00.000Z',
	minimumCell: 10,
	filter: { requested: { from: null, to: null, setting: 'all' }, applied: false, refusal: null },
	funnel: { started: 40, completed: 31, measuredBefore: 30, completePairs: 24 },
	outputs: { groups: 3, sessionsHeld: 24, attendanceRate: 0.82 },
	countsOnly: false,
	change: { total: change(-1.9, -2.6, -1.2, -0.62), emotional: change(-1.2, -1.7, -0.7, -0.55), social: change(-0.7, -1.1, -0.3, -0.4) },
	reliableChange: {
		settings: { sd: 3, reliability: 0.88 },
		sDiff: 1.47,
		thresholdPoints: 2.88,
		improved: 11,
		recovered: null,
		unchanged: 13,
		worse: null
	},
	bands: {
		bands: ['not_lonely', 'moderately_lonely', 'severely_lonely', 'very_severely_lonely'],
		before: [null, 14, null, null],
		after: [11, 13, null, null],
		shift: [
			[null, null, null, null],
			[null, 12, null, null],
			[null, null, null, null],
			[null, null, null, null]
		]
	},
	followUp: { n: 12, change: change(-1.5, -2.4, -0.6, -0.5) },
	context
};

export const smallReport: OutcomeReport = {
	...fullReport,
	funnel: { started: 14, completed: null, measuredBefore: null, completePairs: null },
	outputs: null,
	countsOnly: true,
	change: null,
	reliableChange: null,
	bands: null,
	followUp: null
};

/** A band table with every cell hidden (as a suppressed report would give). */
export const hiddenBands: NonNullable<OutcomeReport['bands']> = {
	bands: fullReport.bands!.bands,
	before: [null, null, null, null],
	after: [null, null, null, null],
	shift: [0, 1, 2, 3].map(() => [null, null, null, null])
};
