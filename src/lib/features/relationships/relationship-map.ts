/**
 * The relationship map as numbers for a server-rendered SVG. Pure: no I/O, no DOM.
 * - `relationshipMapModel(people, options)`: three ring bands (intimate inside, friends, community outside), one dot
 *   per person inside their own band, a status marker shape per dot and, where there is room, a text label.
 * - `compareByName(a, b)`: the stable order of people on the map and in its table (name, then id).
 * - The map's types and its vocabulary, `mapCircles` and `mapStatuses`.
 * Re-exported, so that callers need only this file:
 * - `statusShapes`, `markerPath(shape, x, y, r)`, `ringStrokeWidth(r)` from map-markers.ts: the status markers.
 * - `truncateLabel(name, max)`, `maxLabelChars` from map-labels.ts: the label text.
 * - `ringTitleChars` from map-layout.ts: the room kept for a band's name.
 *
 * Layout rule. The dot radius is the same for everyone: the largest of 9, 8.5, … 2 at which every band holds its
 * people. A band holds its people on the fewest sub-rings that fit, spread evenly across the band; each sub-ring gets
 * a share in proportion to how many dots it can hold, the dots spread evenly by angle. Neighbouring dots, on a sub-ring,
 * between sub-rings and across bands, are at least 2 × radius + gap apart, and a gap is left at the top of a sub-ring
 * where it would run into the band's name. Labels: a band shows its people's names only when they sit on a single
 * sub-ring and number no more than its circumference divided by three label lines; a label is then placed beside
 * its dot (outwards first), and left out where it would still touch another dot, label or name. Dots without a label
 * keep their accessible name (and the table lists everyone).
 */

import { bandLabelLimit, labelRoom, placeLabels } from './map-labels';
import {
	fontSize,
	geometry,
	lineHeight,
	planBand,
	round1,
	roundBox,
	shares,
	subRingAngles,
	type SubRingPlan
} from './map-layout';
import { markerPath, statusShapes } from './map-markers';

export { markerPath, ringStrokeWidth, statusShapes } from './map-markers';
export { maxLabelChars, truncateLabel } from './map-labels';
export { ringTitleChars } from './map-layout';

/** Local unions, so the map's files stand alone; they equal ContactCircle and ContactStatus in relationships.ts. */
export type MapCircle = 'intimate' | 'friends' | 'community';
export type MapStatus = 'on_track' | 'due_soon' | 'overdue' | 'no_goal';
export type MarkerShape = 'circle' | 'ring' | 'triangle' | 'square';

/** Inside out. */
export const mapCircles: readonly MapCircle[] = ['intimate', 'friends', 'community'];
export const mapStatuses: readonly MapStatus[] = ['on_track', 'due_soon', 'overdue', 'no_goal'];

export interface MapPersonInput {
	id: string;
	name: string;
	circle: MapCircle;
	status: MapStatus;
}

export interface RelationshipMapOptions {
	/** Height of the SVG's viewBox, and the diameter of the map plus a small margin; default 640, at least 320. */
	size?: number;
}

export interface MapBox {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

export interface MapLabel {
	/** The name, cut to `maxLabelChars` characters. */
	text: string;
	/** The text's anchor point (baseline) and alignment. */
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
	/** The room reserved for the text (an estimate from its length). */
	box: MapBox;
}

export interface MapRing {
	circle: MapCircle;
	/** The band runs from `inner` to `outer` (radii); `outer` is the circle drawn. */
	inner: number;
	outer: number;
	/** Where the band's name goes: centred at the top, just inside the outer circle. */
	title: { x: number; y: number; box: MapBox };
	count: number;
	/** Radii of the sub-rings in use, outermost first; empty without people. */
	subRings: number[];
	/** How many labels the band may show: its circumference divided by three label lines. */
	labelLimit: number;
	/** Whether the band shows labels: its people sit on one sub-ring and number no more than `labelLimit`. */
	labelled: boolean;
}

export interface MapPerson {
	id: string;
	/** The full name, for the accessible name and the table. */
	name: string;
	circle: MapCircle;
	status: MapStatus;
	shape: MarkerShape;
	x: number;
	y: number;
	/** Index into the ring's `subRings`. */
	subRing: number;
	/** SVG path of the status marker, inside the dot radius. */
	marker: string;
	/** Null where there is no room: the dot keeps its accessible name. */
	label: MapLabel | null;
}

export interface RelationshipMapModel {
	width: number;
	height: number;
	cx: number;
	cy: number;
	/** Radius of every dot; markers stay inside it. */
	dotRadius: number;
	/** Least free space between two dots. */
	gap: number;
	/** Font size of labels and band names, in viewBox units. */
	fontSize: number;
	/** The small circle in the middle that stands for the person themselves. */
	centre: { x: number; y: number; radius: number };
	/** Inside out: intimate, friends, community. */
	rings: MapRing[];
	/** Ring by ring (inside out), then by name and id: the drawing, tab and table order. */
	people: MapPerson[];
}

const defaultSize = 640;
const minSize = 320;
const maxDotRadius = 9;
const minDotRadius = 2;
const dotRadiusStep = 0.5;
const gap = 4;
/** Extra distance on top of 2 × radius + gap, so that rounding to 0.1 never brings two dots closer than that. */
const roundingSlack = 0.5;

const collator = new Intl.Collator('nl', { numeric: true });

function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** By name as people read it (Dutch collation), then by exact name, then by id: a total, stable order. */
export function compareByName(a: { name: string; id: string }, b: { name: string; id: string }): number {
	return collator.compare(a.name, b.name) || compareStrings(a.name, b.name) || compareStrings(a.id, b.id);
}

function isMapCircle(value: unknown): value is MapCircle {
	return typeof value === 'string' && (mapCircles as readonly string[]).includes(value);
}

function isMapStatus(value: unknown): value is MapStatus {
	return typeof value === 'string' && (mapStatuses as readonly string[]).includes(value);
}

/** Everything the SVG needs to draw `people` on the three rings; see the layout rule at the top of this file. */
export function relationshipMapModel(
	people: readonly MapPersonInput[],
	options: RelationshipMapOptions = {}
): RelationshipMapModel {
	const { size = defaultSize } = options;
	if (!Number.isFinite(size) || size < minSize) throw new RangeError(`size must be at least ${minSize}: ${size}`);
	const seen = new Set<string>();
	for (const person of people) {
		if (!isMapCircle(person.circle)) throw new RangeError(`Unknown circle: ${String(person.circle)}`);
		if (!isMapStatus(person.status)) throw new RangeError(`Unknown status: ${String(person.status)}`);
		if (seen.has(person.id)) throw new RangeError(`Duplicate id: ${person.id}`);
		seen.add(person.id);
	}

	const width = size + 2 * labelRoom(maxDotRadius);
	const g = geometry(size, width, mapCircles);

	const byCircle = new Map<MapCircle, MapPersonInput[]>(mapCircles.map((circle) => [circle, []]));
	for (const person of people) byCircle.get(person.circle)?.push(person);
	for (const list of byCircle.values()) list.sort(compareByName);

	let dotRadius = maxDotRadius;
	let plans: (SubRingPlan[] | null)[] = [];
	for (; dotRadius >= minDotRadius; dotRadius -= dotRadiusStep) {
		const distance = 2 * dotRadius + gap + roundingSlack;
		plans = g.bands.map((band) => planBand(byCircle.get(band.circle)?.length ?? 0, band, g, dotRadius, distance));
		if (plans.every((plan) => plan !== null)) break;
	}
	if (dotRadius < minDotRadius) {
		throw new RangeError(`${people.length} people do not fit on a map of size ${size}`);
	}
	const r = dotRadius;
	const distance = 2 * r + gap + roundingSlack;

	const rings: MapRing[] = [];
	const placed: Omit<MapPerson, 'label'>[] = [];
	g.bands.forEach((band, bandIndex) => {
		const list = byCircle.get(band.circle) ?? [];
		const bandPlans = plans[bandIndex] ?? [];
		const counts = shares(list.length, bandPlans);
		const labelLimit = bandLabelLimit(band.inner, band.outer);
		let next = 0;
		bandPlans.forEach((plan, subRing) => {
			const count = counts[subRing] ?? 0;
			for (const angle of subRingAngles(count, plan, distance, subRing % 2 === 1)) {
				const person = list[next] as MapPersonInput;
				next += 1;
				const x = round1(g.cx + plan.rho * Math.sin(angle));
				const y = round1(g.cy - plan.rho * Math.cos(angle));
				const shape = statusShapes[person.status];
				placed.push({
					id: person.id,
					name: person.name,
					circle: person.circle,
					status: person.status,
					shape,
					x,
					y,
					subRing,
					marker: markerPath(shape, x, y, r)
				});
			}
		});
		const titleY = band.titleBox.top + lineHeight / 2 + 0.35 * fontSize;
		rings.push({
			circle: band.circle,
			inner: round1(band.inner),
			outer: round1(band.outer),
			title: { x: round1(g.cx), y: round1(titleY), box: roundBox(band.titleBox) },
			count: list.length,
			subRings: bandPlans.map((plan) => round1(plan.rho)),
			labelLimit,
			labelled: list.length > 0 && bandPlans.length === 1 && list.length <= labelLimit
		});
	});

	const result = placeLabels(placed, { g, rings, r, width, height: size });

	return {
		width: round1(width),
		height: round1(size),
		cx: round1(g.cx),
		cy: round1(g.cy),
		dotRadius: r,
		gap,
		fontSize,
		centre: { x: round1(g.cx), y: round1(g.cy), radius: round1(g.centreRadius) },
		rings,
		people: result
	};
}
