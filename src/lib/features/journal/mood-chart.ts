/**
 * The mood of the last weeks as numbers for a server-rendered SVG chart. Pure: no I/O, no DOM.
 * - `moodChartModel(points, options)`: scales, line path, dots, axis ticks and a summary for a window of days.
 *
 * Days without an entry are gaps in the line and are never marked in any way: no shaming streaks.
 */
import { addDays } from '$lib/time';
import { chartFontUnits } from '$lib/ui/chart-text';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export type MoodValue = 1 | 2 | 3 | 4 | 5;

export const moodValues: readonly MoodValue[] = [1, 2, 3, 4, 5];

export interface MoodPoint {
	/** The person's local date of the entry, YYYY-MM-DD. */
	day: string;
	mood: MoodValue;
}

export interface MoodChartOptions {
	/** The last day shown (usually today, in the person's time zone), YYYY-MM-DD. */
	endDay: string;
	/** How many days the window has, ending on `endDay`; default 28 (four weeks). */
	days?: number;
	/**
	 * Size of the SVG's viewBox; the SVG itself scales to its container. The default is about as wide as a phone
	 * draws it, so that its words keep their size there.
	 */
	width?: number;
	height?: number;
}

/** One day with at least one entry. */
export interface MoodDay {
	day: string;
	/** The mean of that day's moods, rounded to 0.1. */
	mood: number;
	/** How many entries that day has. */
	count: number;
	x: number;
	y: number;
}

export interface MoodTick<T> {
	value: T;
	/** Position on the axis: y for mood ticks, x for day ticks. */
	position: number;
}

export interface MoodChartModel {
	width: number;
	height: number;
	/** Of the axis words, in viewBox units: at least 12 CSS px on a phone. */
	fontSize: number;
	/** The plotting area inside the axes. */
	plot: { left: number; right: number; top: number; bottom: number };
	/** First and last day of the window, and its length in days. */
	startDay: string;
	endDay: string;
	days: number;
	/** The line through the days with an entry; a gap wherever a day has none. Null without any entry. */
	path: string | null;
	/** One dot per day with an entry, oldest first. */
	dots: MoodDay[];
	/** Mood 1 (bottom) to 5 (top). */
	yTicks: MoodTick<MoodValue>[];
	/** Weekly, counted back from the last day so that the last day always has a label; oldest first. */
	xTicks: MoodTick<string>[];
	/** Summary for the text alternative. */
	daysWithEntry: number;
	/** Mean of the day means (each day counts once, as in the table), rounded to 0.1; null without any entry. */
	averageMood: number | null;
}

/** Room for the mood words on the left and the day labels below. */
const margin = { top: 16, right: 36, bottom: 36, left: 112 };

function round1(n: number): number {
	const rounded = Math.round(n * 10) / 10;
	return rounded === 0 ? 0 : rounded;
}

function isMood(value: unknown): value is MoodValue {
	return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Everything the SVG needs to draw the mood of the `days` days ending on `endDay`; points outside are ignored. */
export function moodChartModel(points: readonly MoodPoint[], options: MoodChartOptions): MoodChartModel {
	const { endDay, days = 28, width = 380, height = 230 } = options;
	if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a whole number from 1: ${days}`);
	if (!(width > margin.left + margin.right) || !(height > margin.top + margin.bottom)) {
		throw new RangeError(`The chart is too small: ${width}×${height}`);
	}
	const startDay = addDays(endDay, -(days - 1));
	const window = Array.from({ length: days }, (_, index) => addDays(startDay, index));
	const indexOf = new Map(window.map((day, index) => [day, index]));

	const sums = new Map<string, { total: number; count: number }>();
	for (const point of points) {
		if (!indexOf.has(point.day) || !isMood(point.mood)) continue;
		const sum = sums.get(point.day) ?? { total: 0, count: 0 };
		sum.total += point.mood;
		sum.count += 1;
		sums.set(point.day, sum);
	}

	const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
	// By day index, so every day gets the same width whatever the calendar (daylight saving, month lengths).
	const x = scaleLinear().domain([0, Math.max(days - 1, 1)]).range([plot.left, plot.right]);
	const xOf = (index: number): number => round1(days === 1 ? (plot.left + plot.right) / 2 : x(index));
	const y = scaleLinear().domain([1, 5]).range([plot.bottom, plot.top]);
	const yOf = (mood: number): number => round1(y(mood));

	/** Every day of the window, with its mean or null: the nulls are what make the gaps in the line. */
	const slots = window.map((day, index) => {
		const sum = sums.get(day);
		return sum ? { day, index, mood: round1(sum.total / sum.count), count: sum.count } : { day, index, mood: null };
	});
	type Slot = (typeof slots)[number];

	const dots: MoodDay[] = slots.flatMap((slot) =>
		slot.mood === null
			? []
			: [{ day: slot.day, mood: slot.mood, count: slot.count, x: xOf(slot.index), y: yOf(slot.mood) }]
	);

	const path = line<Slot>()
		.defined((slot) => slot.mood !== null)
		.x((slot) => xOf(slot.index))
		.y((slot) => yOf(slot.mood ?? 1))
		.digits(1)(slots);

	const dayMeans = [...sums.values()].map((sum) => sum.total / sum.count);

	const xTicks: MoodTick<string>[] = [];
	for (let index = days - 1; index >= 0; index -= 7) {
		xTicks.unshift({ value: window[index] as string, position: xOf(index) });
	}

	return {
		width,
		height,
		fontSize: chartFontUnits(width),
		plot,
		startDay,
		endDay: addDays(endDay, 0),
		days,
		path,
		dots,
		yTicks: moodValues.map((value) => ({ value, position: yOf(value) })),
		xTicks,
		daysWithEntry: dots.length,
		averageMood: sums.size === 0 ? null : round1(dayMeans.reduce((total, mean) => total + mean, 0) / sums.size)
	};
}
