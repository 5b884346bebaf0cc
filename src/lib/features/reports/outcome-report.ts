/**
 * The shape of one outcome report as pages, CSV and the API show it: aggregates only, never a person's row. Every
 * count or figure that rests on fewer than `minimumCell` people is `null` (hidden), and so is any count from which a
 * hidden one could be worked out. `buildOutcomeReport` (build-report.ts) makes it from the loaded aggregates.
 */
import type { Interval, ReliableChangeSettings } from './statistics';
import type { BandId } from './statistics';

/** A count or figure; `null` when it is hidden to keep people unrecognisable. */
export type Shown = number | null;

export type ReportKind = 'programme' | 'groups' | 'period';

/** How the filter on a report page narrows the units; quarters are 'YYYY-Qn', both ends included. */
export interface ReportFilter {
	from: string | null;
	to: string | null;
	/** 'group': units in a group; 'alone': units outside any group; 'all': no narrowing. */
	setting: 'all' | 'group' | 'alone';
}

export interface FilterOutcome {
	requested: ReportFilter;
	/** False when nothing was asked or the filter was refused (then the unfiltered report is shown). */
	applied: boolean;
	/** Why it was refused: it would leave fewer than `minimumCell` people on one side. */
	refusal: 'narrows_below_minimum' | null;
}

/** started → completed → measured before → measured before and after (complete pairs). */
export interface Funnel {
	started: Shown;
	completed: Shown;
	measuredBefore: Shown;
	completePairs: Shown;
}

/** What was done, next to the outcomes and never instead of them. Null for a report without groups. */
export interface Outputs {
	groups: number;
	sessionsHeld: number;
	/** Share (0–1) of expected attendances that were present or late; null below `minimumCell` participants. */
	attendanceRate: Shown;
}

/** Paired change on one score (DJG-11 total, emotional or social subscale). */
export interface ChangeFigures {
	n: number;
	meanBefore: number;
	meanAfter: number;
	sdBefore: number;
	sdAfter: number;
	/** Mean of (after − before); negative means less lonely. */
	meanChange: number;
	/** 95% interval with the t distribution. */
	interval: Interval;
	/**
	 * Hedges' g_av (Lakens 2013) and its approximate 95% interval. `gAv` is null when every score before and after is
	 * the same (SD 0: nothing to standardise by); `gInterval` also when either SD is 0 (no correlation exists).
	 */
	gAv: number | null;
	gInterval: Interval | null;
}

export interface ReliableChangeFigures {
	settings: ReliableChangeSettings;
	sDiff: number;
	/** Smallest change in points that counts as reliable (1.96 · S_diff). */
	thresholdPoints: number;
	/** Disjoint classes: improved (not recovered), recovered, unchanged, worse; total = complete pairs. */
	improved: Shown;
	recovered: Shown;
	unchanged: Shown;
	worse: Shown;
}

export interface BandFigures {
	bands: BandId[];
	/** People per band before and after (over the complete pairs). */
	before: Shown[];
	after: Shown[];
	/** shift[before band][after band]. */
	shift: Shown[][];
}

export interface FollowUpFigures {
	/** People with a follow-up (about three months after the end) among the complete pairs. */
	n: Shown;
	/** Before → follow-up on the total; null when fewer than `minimumCell` have a follow-up. */
	change: ChangeFigures | null;
}

export interface NationalContext {
	year: number;
	/** Plain source name and where to read it. */
	source: string;
	url: string;
	scale: 'DJG-11';
	population: 'adults_18_plus';
	lonelyPercent: number;
	severelyLonelyPercent: number;
}

export interface OutcomeReport {
	/** ISO instant the figures were computed. */
	madeAt: string;
	minimumCell: number;
	filter: FilterOutcome;
	funnel: Funnel;
	outputs: Outputs | null;
	/** True when there are fewer than `minimumCell` complete pairs: then only the funnel and outputs show. */
	countsOnly: boolean;
	change: { total: ChangeFigures; emotional: ChangeFigures; social: ChangeFigures } | null;
	reliableChange: ReliableChangeFigures | null;
	bands: BandFigures | null;
	followUp: FollowUpFigures | null;
	context: NationalContext;
}
