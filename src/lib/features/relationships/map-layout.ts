/**
 * Where the dots of the relationship map go: the bands and their sub-rings. The layout rule itself is told at the top
 * of relationship-map.ts; this file also holds the measures and rounding that map-labels.ts and map-markers.ts share.
 * - `round1(n)`, `roundBox(box)`: numbers to 0.1, the precision of everything the map gives out.
 * - `fontSize`, `lineHeight`, `labelMargin`: the text measures that dots keep clear of; `ringTitleChars`: the room
 *   kept for a band's name, in characters.
 * - `geometry(size, width, circles)`: the centre, and the bands inside out, each with its name's box at the top.
 * - `planBand(count, band, g, r, distance)`: the fewest sub-rings, spread evenly across a band, that hold its people.
 * - `shares(count, plans)`: how many people each sub-ring gets; `subRingAngles(count, plan, distance, stagger)`: the
 *   angles of their dots on it.
 */

import type { MapBox, MapCircle } from './relationship-map';

/** Room kept for a band's name, in characters. */
export const ringTitleChars = 12;

export const fontSize = 15;
export const lineHeight = 18;
/** Room around labels and band names. */
export const labelMargin = 2;

/** A rough average glyph width of a band name, in ems: bold, so a little wider than a label's (map-labels.ts). */
const titleCharWidth = 0.66;
const margin = 8;
/** The bands' outer radii as fractions of the map's radius; the centre disc stands for the person. */
const bandFractions = { centre: 0.1, intimate: 0.36, friends: 0.66, community: 1 } as const;

export function round1(n: number): number {
	const rounded = Math.round(n * 10) / 10;
	return rounded === 0 ? 0 : rounded;
}

export function roundBox(box: MapBox): MapBox {
	return { left: round1(box.left), top: round1(box.top), right: round1(box.right), bottom: round1(box.bottom) };
}

export interface Geometry {
	cx: number;
	cy: number;
	centreRadius: number;
	bands: { circle: MapCircle; inner: number; outer: number; titleBox: MapBox }[];
}

/** `circles` inside out; passed in rather than imported so that this file needs nothing at run time. */
export function geometry(size: number, width: number, circles: readonly MapCircle[]): Geometry {
	const cx = width / 2;
	const cy = size / 2;
	const radius = size / 2 - margin;
	const titleWidth = ringTitleChars * titleCharWidth * fontSize;
	let inner = bandFractions.centre * radius;
	const bands = circles.map((circle) => {
		const outer = bandFractions[circle] * radius;
		const top = cy - outer + 3;
		const band = {
			circle,
			inner,
			outer,
			titleBox: { left: cx - titleWidth / 2, top, right: cx + titleWidth / 2, bottom: top + lineHeight }
		};
		inner = outer;
		return band;
	});
	return { cx, cy, centreRadius: bandFractions.centre * radius, bands };
}

/**
 * Angles are measured clockwise from the top, in radians: x = cx + ρ sin φ, y = cy − ρ cos φ.
 * The half-width of the angle around the top of a sub-ring of radius ρ that its dots must leave free, so that they
 * keep clear of every band's name (a name's box can reach into the next band). Safe rather than tight: beyond
 * min(φ by height, φ by width) a dot is either below the box or beside it.
 */
function forbiddenAngle(rho: number, g: Geometry, r: number): number {
	if (rho <= 0) return 0;
	const clearance = r + labelMargin;
	let forbidden = 0;
	for (const { titleBox: box } of g.bands) {
		const halfWidth = (box.right - box.left) / 2;
		const farthest = Math.hypot(halfWidth, g.cy - box.top);
		const nearest = g.cy - box.bottom;
		// Sub-rings wholly outside or wholly inside the box's reach never meet it.
		if (rho - clearance >= farthest || rho + clearance <= nearest) continue;
		const vertical = (g.cy - box.bottom - clearance) / rho;
		const byHeight = vertical >= 1 ? 0 : vertical <= -1 ? Math.PI : Math.acos(vertical);
		const horizontal = (halfWidth + clearance) / rho;
		const byWidth = horizontal <= 1 ? Math.asin(horizontal) : Infinity;
		forbidden = Math.max(forbidden, Math.min(byHeight, byWidth));
	}
	return forbidden;
}

export interface SubRingPlan {
	rho: number;
	/** Half-width of the angle kept clear at the top (0: none). */
	forbidden: number;
	capacity: number;
}

/** How many dots fit on a circle of radius ρ, at least `distance` apart and clear of the top `forbidden` angle. */
function subRingCapacity(rho: number, forbidden: number, distance: number): number {
	if (forbidden >= Math.PI) return 0;
	if (2 * rho < distance) return 1;
	const step = 2 * Math.asin(distance / (2 * rho));
	if (forbidden === 0) {
		let count = Math.floor((2 * Math.PI) / step + 1e-9);
		while (count > 1 && 2 * rho * Math.sin(Math.PI / count) < distance) count -= 1;
		return Math.max(count, 1);
	}
	const from = Math.max(forbidden, step / 2);
	const arc = 2 * Math.PI - 2 * from;
	if (arc < 0) return 1;
	let count = Math.floor(arc / step + 1e-9) + 1;
	while (count > 1 && 2 * rho * Math.sin(arc / (count - 1) / 2) < distance) count -= 1;
	return count;
}

/** The angles of `count` dots on a sub-ring: evenly around the whole circle where that keeps the top clear. */
export function subRingAngles(count: number, plan: SubRingPlan, distance: number, stagger: boolean): number[] {
	if (count === 0) return [];
	if (count === 1) return [stagger && plan.forbidden === 0 ? 0 : Math.PI];
	const step = (2 * Math.PI) / count;
	// Half a step off the top: symmetric, with the top between two dots. Odd sub-rings turn half a step further,
	// so that sub-rings do not line up into spokes.
	const offset = stagger && plan.forbidden === 0 ? 0 : step / 2;
	if (offset >= plan.forbidden) return Array.from({ length: count }, (_, index) => offset + index * step);
	// Otherwise from the edge of the clear angle round to its other edge; the two dots either side of the top are
	// then at least `distance` apart as well.
	const from = Math.max(plan.forbidden, Math.asin(Math.min(1, distance / (2 * plan.rho))));
	const arc = 2 * Math.PI - 2 * from;
	return Array.from({ length: count }, (_, index) => from + (index * arc) / (count - 1));
}

/** The fewest sub-rings, spread evenly across the band, that hold `count` dots; null if even the most do not. */
export function planBand(
	count: number,
	band: Geometry['bands'][number],
	g: Geometry,
	r: number,
	distance: number
): SubRingPlan[] | null {
	if (count === 0) return [];
	const low = band.inner + distance / 2;
	const high = band.outer - distance / 2;
	if (high < low) return null;
	const most = Math.floor((high - low) / distance + 1e-9) + 1;
	for (let rings = 1; rings <= most; rings += 1) {
		const radii =
			rings === 1 ? [(low + high) / 2] : Array.from({ length: rings }, (_, j) => high - (j * (high - low)) / (rings - 1));
		const plans = radii.map((rho) => {
			const forbidden = forbiddenAngle(rho, g, r);
			return { rho, forbidden, capacity: subRingCapacity(rho, forbidden, distance) };
		});
		if (plans.reduce((total, plan) => total + plan.capacity, 0) >= count) return plans;
	}
	return null;
}

/** Shares in proportion to capacity (largest remainder, outer sub-rings first on ties), never above capacity. */
export function shares(count: number, plans: SubRingPlan[]): number[] {
	const total = plans.reduce((sum, plan) => sum + plan.capacity, 0);
	const exact = plans.map((plan) => (count * plan.capacity) / total);
	const result = exact.map((value) => Math.floor(value));
	let left = count - result.reduce((sum, value) => sum + value, 0);
	const order = exact
		.map((value, index) => ({ index, rest: value - Math.floor(value) }))
		.sort((a, b) => b.rest - a.rest || a.index - b.index);
	for (const { index } of order) {
		if (left === 0) break;
		if ((result[index] as number) < (plans[index] as SubRingPlan).capacity) {
			result[index] = (result[index] as number) + 1;
			left -= 1;
		}
	}
	return result;
}
