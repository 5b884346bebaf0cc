/**
 * The health web as numbers for a server-rendered SVG spider web. Pure: no I/O, no DOM.
 * - `healthWebChartModel(current, previous, options)`: six axes, rings at 0, 2, … 10, the polygon of the current web
 *   and of the previous one, label positions that stay inside the viewBox, and the rows for the table.
 * - `labelMaxChars`: the longest dimension name in any language.
 * - `labelLines(name)`: a long name on two lines, broken at the space nearest its middle.
 * - `lineBaselines(label, lines, lineHeight)`: the baseline of each line of a name placed at `label`.
 *
 * Size: by default the web is about as wide as a phone draws it (≈ 360 CSS px), so that its words show at least 12 px
 * there; names are broken over two lines to keep them narrow, and each keeps room for its own longest line.
 *
 * Geometry: the first dimension points straight up and the others follow clockwise, 60° apart; a score s lies at
 * radius s / 10 × `radius` from the centre. All coordinates are rounded to 0.1.
 */
import { scaleLinear } from 'd3-scale';
import {
	compareWebs,
	healthWebDefinitions,
	healthWebDimensions,
	healthWebScoreMax,
	healthWebScoreMin,
	type HealthWeb,
	type HealthWebDimension,
	type HealthWebScores
} from './health-web';

export interface HealthWebChartOptions {
	/** Radius of the web (score 10) in viewBox units; default 80. */
	radius?: number;
	/** Font size of the dimension names and ring values, for the room they get; default 13. */
	fontSize?: number;
}

export interface WebPoint {
	dimension: HealthWebDimension;
	value: number;
	x: number;
	y: number;
}

export interface WebAxis {
	dimension: HealthWebDimension;
	/** Degrees clockwise from straight up: 0, 60, … 300. */
	angle: number;
	/** The end of the axis (score 10); it starts at the centre. */
	x: number;
	y: number;
}

export interface WebRing {
	value: number;
	radius: number;
	/** A hexagon through the six axes, as an SVG `points` attribute; the ring at 0 is the centre itself. */
	points: string;
	/** Where its value is written: just inside the ring, right of the upward axis (clear of the top name). */
	labelX: number;
	labelY: number;
}

export interface WebLabel {
	dimension: HealthWebDimension;
	/** The text's anchor point and alignment, as SVG `x`, `y` (baseline) and `text-anchor`. */
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
	/** Where the name sits against its point: above it, beside it (centred), or below it. */
	align: 'above' | 'beside' | 'below';
	/** The room kept for the longest name, for checks: it lies inside the viewBox. */
	box: { left: number; top: number; right: number; bottom: number };
}

export interface WebPolygon {
	points: WebPoint[];
	/** As an SVG `points` attribute. */
	polygon: string;
}

export interface WebRow {
	dimension: HealthWebDimension;
	previous: number | null;
	current: number;
	change: number | null;
	discuss: boolean;
}

export interface HealthWebChartModel {
	width: number;
	height: number;
	centre: { x: number; y: number };
	radius: number;
	fontSize: number;
	/** Between the lines of a name on two lines. */
	lineHeight: number;
	axes: WebAxis[];
	rings: WebRing[];
	current: WebPolygon;
	previous: WebPolygon | null;
	labels: WebLabel[];
	/** In web order: what the table shows. */
	rows: WebRow[];
}

export const labelMaxChars = Math.max(
	...healthWebDimensions.flatMap((dimension) => Object.values(healthWebDefinitions[dimension].name).map((name) => name.length))
);

export const ringValues: readonly number[] = [0, 2, 4, 6, 8, 10];

/** A generous average glyph width (in em), so the room kept holds the longest name. */
const charWidth = 0.6;
const labelGap = 8;
const padding = 4;
/** Names longer than this go on two lines, where they have a space. */
const wrapAbove = 10;

export function labelLines(name: string): string[] {
	const clean = name.replace(/\s+/g, ' ').trim();
	if (clean.length <= wrapAbove || !clean.includes(' ')) return [clean];
	const middle = clean.length / 2;
	let best = -1;
	for (let index = clean.indexOf(' '); index !== -1; index = clean.indexOf(' ', index + 1)) {
		if (best === -1 || Math.abs(index - middle) < Math.abs(best - middle)) best = index;
	}
	return [clean.slice(0, best), clean.slice(best + 1)];
}

/** Per dimension, over all languages: the longest line and the most lines its name takes. */
const labelRoom = Object.fromEntries(
	healthWebDimensions.map((dimension) => {
		const names = Object.values(healthWebDefinitions[dimension].name).map(labelLines);
		return [dimension, { chars: Math.max(...names.flat().map((line) => line.length)), lines: Math.max(...names.map((lines) => lines.length)) }];
	})
) as Record<HealthWebDimension, { chars: number; lines: number }>;

/** A name of `lines` lines at `label`: above its point it grows upwards, beside it from its middle, below downwards. */
export function lineBaselines(label: Pick<WebLabel, 'y' | 'align'>, lines: number, lineHeight: number): number[] {
	const shift = label.align === 'above' ? lines - 1 : label.align === 'beside' ? (lines - 1) / 2 : 0;
	return Array.from({ length: lines }, (_, index) => round1(label.y + (index - shift) * lineHeight));
}

function round1(n: number): number {
	const rounded = Math.round(n * 10) / 10;
	return rounded === 0 ? 0 : rounded;
}

/** Unit vector of an angle in degrees clockwise from up, in SVG coordinates (y grows downwards). */
function direction(angle: number): { dx: number; dy: number } {
	const radians = (angle * Math.PI) / 180;
	// Snap the tiny floating-point remainders (cos 90° is 6e-17) so symmetric axes are exactly symmetric.
	const snap = (n: number) => Math.round(n * 1e12) / 1e12;
	return { dx: snap(Math.sin(radians)), dy: snap(-Math.cos(radians)) };
}

function checkScores(scores: HealthWebScores, what: string): void {
	for (const dimension of healthWebDimensions) {
		const value = scores[dimension];
		if (typeof value !== 'number' || !(value >= healthWebScoreMin && value <= healthWebScoreMax)) {
			throw new RangeError(`${what} web: ${dimension} must be a score from 0 to 10, not ${String(value)}`);
		}
	}
}

/** Everything the SVG and its table need to draw the current web, and the previous one dashed behind it. */
export function healthWebChartModel(
	current: HealthWeb,
	previous: HealthWebScores | null = null,
	options: HealthWebChartOptions = {}
): HealthWebChartModel {
	const { radius = 80, fontSize = 13 } = options;
	if (!(radius >= 40) || !(fontSize > 0)) throw new RangeError(`The web is too small: radius ${radius}, font ${fontSize}`);
	checkScores(current.scores, 'current');
	if (previous) checkScores(previous, 'previous');

	const r = scaleLinear().domain([healthWebScoreMin, healthWebScoreMax]).range([0, radius]);
	const ascent = 0.8 * fontSize;
	const descent = 0.25 * fontSize;
	const lineHeight = round1(1.2 * fontSize);

	// First with the centre at (0, 0); the whole picture is shifted into the viewBox at the end.
	const angles = healthWebDimensions.map((dimension, index) => ({ dimension, angle: index * 60, ...direction(index * 60) }));
	const labels = angles.map(({ dimension, angle, dx, dy }) => {
		const x = dx * (radius + labelGap);
		const y = dy * (radius + labelGap);
		const anchor: WebLabel['anchor'] = Math.abs(dx) < 0.01 ? 'middle' : dx > 0 ? 'start' : 'end';
		// Names above the web sit on top of their point, names below hang from it, the others are centred on it.
		const align: WebLabel['align'] = Math.abs(dy) > 0.99 ? (dy < 0 ? 'above' : 'below') : 'beside';
		const baseline = align === 'above' ? y - descent : align === 'below' ? y + ascent : y + (ascent - descent) / 2;
		const room = labelRoom[dimension];
		const labelWidth = room.chars * charWidth * fontSize;
		const baselines = lineBaselines({ y: baseline, align }, room.lines, lineHeight);
		const first = baselines[0] ?? baseline;
		const last = baselines.at(-1) ?? baseline;
		const left = anchor === 'start' ? x : anchor === 'end' ? x - labelWidth : x - labelWidth / 2;
		return { dimension, angle, x, y: baseline, anchor, align, box: { left, top: first - ascent, right: left + labelWidth, bottom: last + descent } };
	});

	const minX = Math.min(-radius, ...labels.map((label) => label.box.left)) - padding;
	const maxX = Math.max(radius, ...labels.map((label) => label.box.right)) + padding;
	const minY = Math.min(-radius, ...labels.map((label) => label.box.top)) - padding;
	const maxY = Math.max(radius, ...labels.map((label) => label.box.bottom)) + padding;
	// Whole numbers, and the centre in the horizontal middle so the web looks balanced.
	const halfWidth = Math.ceil(Math.max(-minX, maxX));
	const width = 2 * halfWidth;
	const cx = halfWidth;
	const cy = Math.ceil(-minY);
	const height = Math.ceil(cy + maxY);

	const at = (angleIndex: number, value: number) => {
		const { dx, dy } = angles[angleIndex]!;
		return { x: round1(cx + dx * r(value)), y: round1(cy + dy * r(value)) };
	};
	const polygon = (scores: HealthWebScores): WebPolygon => {
		const points = healthWebDimensions.map((dimension, index) => ({ dimension, value: scores[dimension], ...at(index, scores[dimension]) }));
		return { points, polygon: points.map((point) => `${point.x},${point.y}`).join(' ') };
	};
	const discussed = new Set(current.discuss);

	return {
		width,
		height,
		centre: { x: cx, y: cy },
		radius,
		fontSize,
		lineHeight,
		axes: angles.map(({ dimension, angle }, index) => ({ dimension, angle, ...at(index, healthWebScoreMax) })),
		rings: ringValues.map((value) => {
			const ring = healthWebDimensions.map((_, index) => at(index, value));
			return {
				value,
				radius: round1(r(value)),
				points: ring.map((point) => `${point.x},${point.y}`).join(' '),
				labelX: round1(cx + 4),
				labelY: round1(cy - r(value) + fontSize)
			};
		}),
		current: polygon(current.scores),
		previous: previous ? polygon(previous) : null,
		labels: labels.map((label) => ({
			dimension: label.dimension,
			x: round1(cx + label.x),
			y: round1(cy + label.y),
			anchor: label.anchor,
			align: label.align,
			box: {
				left: round1(cx + label.box.left),
				top: round1(cy + label.box.top),
				right: round1(cx + label.box.right),
				bottom: round1(cy + label.box.bottom)
			}
		})),
		rows: compareWebs(previous, current.scores).map((row) => ({ ...row, discuss: discussed.has(row.dimension) }))
	};
}
