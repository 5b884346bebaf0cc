/**
 * One instrument's measurements over time, as numbers for a server-rendered SVG line chart. Pure: no I/O,
 * no DOM, no clock.
 * - `historyChartModel(def, measurements, options)`: time and score scales, a line per series (the total and, for
 *   DJG, the emotional and social subscales), the band zones, the UCLA-3 indication line, axis ticks and table rows.
 * - `historySeriesKeys`, `seriesMarkers`: the series and the marker shape that tells each apart (with its dash).
 * - `trianglePoints(x, y, r)`: the triangle marker as an SVG `points` attribute.
 *
 * Scales: x is time (UTC), the first measurement at the left edge and the last at the right; one measurement, or
 * several at the same instant, sit in the middle. y is the instrument's total range, lonelier higher up; the
 * subscales share it. Band zones run from halfway between one band's maximum and the next band's minimum, so they
 * cover the whole range without gaps and every whole score lies inside its own band's zone. UCLA-3 has no bands: its
 * indication threshold, of disputed origin, is a line, never a zone.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import type { InstrumentDefinition, InstrumentId, LonelinessBand } from '$lib/features/instruments/instruments';
import { localDay } from '$lib/time';

export const historySeriesKeys = ['total', 'emotional', 'social'] as const;
export type HistorySeriesKey = (typeof historySeriesKeys)[number];
export type MarkerShape = 'circle' | 'square' | 'triangle';

/** Each series has its own marker and dash (see MeasurementHistoryChart.svelte): never told apart by colour alone. */
export const seriesMarkers: Record<HistorySeriesKey, MarkerShape> = { total: 'circle', emotional: 'square', social: 'triangle' };

export interface HistoryMeasurement {
	/** ISO 8601 instant. */
	takenAt: string;
	total: number | null;
	emotional: number | null;
	social: number | null;
	band: LonelinessBand | null;
}

export interface HistoryChartOptions {
	/** Size of the SVG's viewBox; the SVG itself scales to its container. */
	width?: number;
	height?: number;
}

export interface HistoryPoint {
	takenAt: string;
	value: number;
	x: number;
	y: number;
}

export interface HistorySeries {
	key: HistorySeriesKey;
	marker: MarkerShape;
	/** Gaps where a measurement has no value for this series; null without any value. */
	path: string | null;
	points: HistoryPoint[];
}

export interface BandZone {
	band: LonelinessBand;
	/** The scores the zone spans, e.g. 2.5 to 8.5 for DJG-11 "moderately lonely" (3–8). */
	from: number;
	to: number;
	/** Rectangle: y of its upper and lower edge (top < bottom). */
	top: number;
	bottom: number;
	/** Where its name is written, in the right margin; names are kept apart so they never overlap. */
	labelY: number;
}

export interface HistoryRow {
	takenAt: string;
	total: number | null;
	emotional: number | null;
	social: number | null;
	band: LonelinessBand | null;
	/** UCLA-3: the total is at or above the indication threshold. */
	indication: boolean;
}

export interface HistoryTick<T> {
	value: T;
	position: number;
}

export interface HistoryChartModel {
	instrument: InstrumentId;
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	/** First and last instant shown; null without measurements. */
	timeDomain: [string, string] | null;
	scoreDomain: [number, number];
	/** Only the series the instrument has (UCLA-3: the total). */
	series: HistorySeries[];
	/** Lowest band first. */
	zones: BandZone[];
	indication: { threshold: number; y: number } | null;
	xTicks: HistoryTick<string>[];
	yTicks: HistoryTick<number>[];
	/** Oldest first, as the chart reads from left to right. */
	rows: HistoryRow[];
	/** Font size of the zone names, for the room between them. */
	fontSize: number;
}

/** Room for score numbers on the left, zone names on the right and dates below. */
const margin = { top: 16, right: 160, bottom: 40, left: 44 };
const fontSize = 13;
const maxDayTicks = 6;

function round1(n: number): number {
	const rounded = Math.round(n * 10) / 10;
	return rounded === 0 ? 0 : rounded;
}

export function trianglePoints(x: number, y: number, r: number): string {
	const h = r * Math.sqrt(3);
	return [
		[x, y - (2 * h) / 3],
		[x + r, y + h / 3],
		[x - r, y + h / 3]
	]
		.map(([px, py]) => `${round1(px!)},${round1(py!)}`)
		.join(' ');
}

/** Names at their zone's middle, pushed down just enough not to overlap the one above, then kept inside the plot. */
function spreadLabels(centres: number[], top: number, bottom: number, gap: number): number[] {
	const placed: number[] = [];
	for (const centre of centres) placed.push(Math.max(centre, (placed.at(-1) ?? -Infinity) + gap, top + gap / 2));
	for (let index = placed.length - 1; index >= 0; index--) {
		const limit = index === placed.length - 1 ? bottom - gap / 2 : placed[index + 1]! - gap;
		placed[index] = Math.min(placed[index]!, limit);
	}
	return placed;
}

/** Everything the SVG and its table need to show one instrument's measurements over time. */
export function historyChartModel(
	def: InstrumentDefinition,
	measurements: readonly HistoryMeasurement[],
	options: HistoryChartOptions = {}
): HistoryChartModel {
	const { width = 640, height = 280 } = options;
	if (!(width > margin.left + margin.right + 40) || !(height > margin.top + margin.bottom + 40)) {
		throw new RangeError(`The chart is too small: ${width}×${height}`);
	}
	const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
	const { min, max } = def.totalRange;

	const dated = measurements
		.map((measurement) => ({ measurement, time: Date.parse(measurement.takenAt) }))
		.filter((entry) => !Number.isNaN(entry.time))
		.sort((a, b) => a.time - b.time);
	const first = dated[0]?.time;
	const last = dated.at(-1)?.time;

	const x = scaleUtc()
		.domain([new Date(first ?? 0), new Date(last ?? 0)])
		.range([plot.left, plot.right]);
	const xOf = (time: number): number => round1(first === last ? (plot.left + plot.right) / 2 : x(new Date(time)));
	const y = scaleLinear().domain([min, max]).range([plot.bottom, plot.top]);
	const yOf = (value: number): number => round1(y(value));
	const inRange = (value: number | null): value is number => value !== null && value >= min && value <= max;

	const keys = historySeriesKeys.filter((key) => key === 'total' || def.subscales.includes(key));
	const series = keys.map((key): HistorySeries => {
		const slots = dated.map(({ measurement, time }) => ({ measurement, time, value: measurement[key] }));
		const points = slots.flatMap(({ measurement, time, value }) =>
			inRange(value) ? [{ takenAt: measurement.takenAt, value, x: xOf(time), y: yOf(value) }] : []
		);
		const path = line<(typeof slots)[number]>()
			.defined((slot) => inRange(slot.value))
			.x((slot) => xOf(slot.time))
			.y((slot) => yOf(slot.value ?? min))
			.digits(1)(slots);
		return { key, marker: seriesMarkers[key], path: points.length > 0 ? path : null, points };
	});

	const bands = [...def.bands].sort((a, b) => a.min - b.min);
	const edges = bands.map((band, index) => ({
		band: band.id,
		from: index === 0 ? min : (bands[index - 1]!.max + band.min) / 2,
		to: index === bands.length - 1 ? max : (band.max + bands[index + 1]!.min) / 2
	}));
	// Top to bottom for the names, then back to lowest band first.
	const labelYs = spreadLabels(
		edges.map((edge) => (yOf(edge.from) + yOf(edge.to)) / 2).reverse(),
		plot.top,
		plot.bottom,
		fontSize + 2
	).reverse();
	const zones = edges.map((edge, index) => ({ ...edge, top: yOf(edge.to), bottom: yOf(edge.from), labelY: round1(labelYs[index]!) }));

	const threshold = def.bands.length === 0 ? def.indication?.threshold : undefined;

	// Few measurement days: a tick on each (the first of that day); else d3's round dates.
	const days = new Map<string, number>();
	for (const { time } of dated) {
		const day = localDay(new Date(time));
		if (!days.has(day)) days.set(day, time);
	}
	let roundDates = days.size <= maxDayTicks ? [] : x.ticks(maxDayTicks - 1);
	// d3 may pick weeks where months would do: every other one until the dates fit.
	while (roundDates.length > maxDayTicks) roundDates = roundDates.filter((_, index) => index % 2 === 0);
	const xTicks =
		days.size <= maxDayTicks
			? [...days.values()].map((time) => ({ value: new Date(time).toISOString(), position: xOf(time) }))
			: roundDates.map((date) => ({ value: date.toISOString(), position: round1(x(date)) }));

	const step = max - min > 12 ? 2 : 1;
	const yTicks = Array.from({ length: Math.floor((max - min) / step) + 1 }, (_, index) => min + index * step).map((value) => ({
		value,
		position: yOf(value)
	}));

	return {
		instrument: def.id,
		width,
		height,
		plot,
		timeDomain: first === undefined || last === undefined ? null : [new Date(first).toISOString(), new Date(last).toISOString()],
		scoreDomain: [min, max],
		series,
		zones,
		indication: threshold === undefined ? null : { threshold, y: yOf(threshold) },
		xTicks,
		yTicks,
		rows: dated.map(({ measurement: { takenAt, total, emotional, social, band } }) => ({
			takenAt,
			total,
			emotional,
			social,
			band,
			indication: threshold !== undefined && total !== null && total >= threshold
		})),
		fontSize
	};
}
