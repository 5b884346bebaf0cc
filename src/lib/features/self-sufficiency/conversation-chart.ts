/**
 * The conversation picture: per health-web area the person's own score and, under it, the professional's rating of
 * the domains that belong to it, all on one line from poor to good. Pure: no I/O, no words (the component adds them).
 * - `conversationOrder(rows)`: the areas the person wants to talk about first, the rest in web order.
 * - `lonelinessAmount(score, max)`: a loneliness subscale in plain words: `none`, `some` or `much`.
 * - `conversationChartModel(view)`: the drawing's lines with their place, the x of every marker, and its height.
 *
 * The drawing is as wide as a phone's card (`conversationChartWidth`), so its 12-unit text is 12 px there.
 */
import { scaleLinear } from 'd3-scale';
import type { HealthWebDimension } from '$lib/features/health-web/health-web';
import type { SelfSufficiencyDomain, SelfSufficiencyLevel } from './domains';
import type { DifferenceFlag, PerceivedObserved, PerceivedObservedRow, SubscaleItem } from './perceived-observed';

export const conversationChartWidth = 318;
export const conversationFontSize = 12;

/** The marked areas first; otherwise the web's own order (a stable sort). */
export function conversationOrder<Row extends { discuss: boolean }>(rows: readonly Row[]): Row[] {
	return [...rows].sort((a, b) => Number(b.discuss) - Number(a.discuss));
}

export type LonelinessAmount = 'none' | 'some' | 'much';

/** 0 points: hardly lonely on that part; up to half the items: some; more than half: much. */
export function lonelinessAmount(score: number, max: number): LonelinessAmount {
	if (score <= 0 || max <= 0) return 'none';
	return score * 2 <= max ? 'some' : 'much';
}

/** One line of the drawing, top to bottom. `y` is the text's baseline; a marker sits on the track under it. */
export type ChartLine =
	| { kind: 'heading'; y: number; dimension: HealthWebDimension | null }
	| { kind: 'marked'; y: number; dimension: HealthWebDimension }
	| { kind: 'person'; y: number; trackY: number; dimension: HealthWebDimension; score: number | null; x: number | null }
	| { kind: 'loneliness'; y: number; trackY: number; item: SubscaleItem; amount: LonelinessAmount; x: number }
	| { kind: 'observed'; y: number; trackY: number; domain: SelfSufficiencyDomain; level: SelfSufficiencyLevel | null; x: number | null }
	| { kind: 'differs'; y: number; domain: SelfSufficiencyDomain; flag: DifferenceFlag };

export interface ConversationChartModel {
	width: number;
	height: number;
	fontSize: number;
	/** The track's ends, and where "poor" and "good" are written above it. */
	trackStart: number;
	trackEnd: number;
	axisY: number;
	lines: ChartLine[];
}

const headingGap = 24;
const textLine = 20;
const markerLine = 30;
const trackOffset = 10;

/** The lines for the view's rows, marked areas first, and the domains without an area at the end. */
export function conversationChartModel(view: PerceivedObserved): ConversationChartModel {
	const trackStart = 12;
	const trackEnd = conversationChartWidth - 12;
	const x = scaleLinear().domain([0, 10]).range([trackStart, trackEnd]).clamp(true);
	const lines: ChartLine[] = [];
	let y = 22;
	const axisY = y;
	y += 8;

	const add = (line: ChartLine, height: number) => {
		lines.push(line);
		y += height;
	};
	const marker = (height = markerLine) => ({ y: y + 12, trackY: y + 12 + trackOffset, height });

	const group = (row: PerceivedObservedRow) => {
		add({ kind: 'heading', y: y + headingGap - 4, dimension: row.dimension }, headingGap);
		if (row.discuss) add({ kind: 'marked', y: y + 14, dimension: row.dimension }, textLine);
		const person = marker();
		add({ kind: 'person', y: person.y, trackY: person.trackY, dimension: row.dimension, score: row.perceived, x: row.perceived === null ? null : x(row.perceived) }, person.height);
		for (const item of row.loneliness) {
			const at = marker();
			add({ kind: 'loneliness', y: at.y, trackY: at.trackY, item, amount: lonelinessAmount(item.score, item.max), x: x(item.onTenScale) }, at.height);
		}
		for (const item of row.observed) {
			const at = marker();
			add({ kind: 'observed', y: at.y, trackY: at.trackY, domain: item.domain, level: item.level, x: item.observed === null ? null : x(item.observed) }, at.height);
			if (item.flag) add({ kind: 'differs', y: y + 12, domain: item.domain, flag: item.flag }, textLine - 2);
		}
	};

	for (const row of conversationOrder(view.rows)) group(row);
	if (view.unpaired.length > 0) {
		add({ kind: 'heading', y: y + headingGap - 4, dimension: null }, headingGap);
		for (const item of view.unpaired) {
			const at = marker();
			add({ kind: 'observed', y: at.y, trackY: at.trackY, domain: item.domain, level: item.level, x: item.observed === null ? null : x(item.observed) }, at.height);
		}
	}
	return { width: conversationChartWidth, height: Math.ceil(y + 10), fontSize: conversationFontSize, trackStart, trackEnd, axisY, lines };
}
