/**
 * The relationship map as numbers for a server-rendered SVG (issue 5, item 3). Pure: no I/O, no DOM.
 * - `relationshipMapModel(people, options)`: three ring bands (intimate inside, friends, community outside), one dot
 *   per person inside their own band, a status marker shape per dot and, where there is room, a text label.
 * - `markerPath(shape, x, y, r)`: the SVG path of a status marker, for the dots and for the legend;
 *   `ringStrokeWidth(r)`: the stroke of the open ring.
 * - `truncateLabel(name, max)`: a name cut to `max` characters with an ellipsis, never inside a character.
 * - `compareByName(a, b)`: the stable order of people on the map and in its table (name, then id).
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

/** Local unions, so this file stands alone; they equal ContactCircle and ContactStatus in relationships.ts. */
export type MapCircle = 'intimate' | 'friends' | 'community';
export type MapStatus = 'on_track' | 'due_soon' | 'overdue' | 'no_goal';
export type MarkerShape = 'circle' | 'ring' | 'triangle' | 'square';

/** Inside out. */
export const mapCircles: readonly MapCircle[] = ['intimate', 'friends', 'community'];
export const mapStatuses: readonly MapStatus[] = ['on_track', 'due_soon', 'overdue', 'no_goal'];

/** Status is carried by shape as well as colour: a full dot, an open ring, a triangle, a square. */
export const statusShapes: Readonly<Record<MapStatus, MarkerShape>> = {
	on_track: 'circle',
	due_soon: 'ring',
	overdue: 'triangle',
	no_goal: 'square'
};

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

/** Labels longer than this are cut, with an ellipsis as the last character. */
export const maxLabelChars = 12;
/** Room kept for a band's name, in characters. */
export const ringTitleChars = 12;

const defaultSize = 640;
const minSize = 320;
const maxDotRadius = 9;
const minDotRadius = 2;
const dotRadiusStep = 0.5;
const gap = 4;
/** Extra distance on top of 2 × radius + gap, so that rounding to 0.1 never brings two dots closer than that. */
const roundingSlack = 0.5;
const fontSize = 15;
const lineHeight = 18;
/** A rough average glyph width of the system font, in ems; band names are bold and a little wider. */
const charWidth = 0.62;
const titleCharWidth = 0.66;
/** Room between a dot and its label, and around labels. */
const labelOffset = 4;
const labelMargin = 2;
/** A band may show one label per this much circumference. */
const labelPitch = 3 * lineHeight;
const margin = 8;
/** The bands' outer radii as fractions of the map's radius; the centre disc stands for the person. */
const bandFractions = { centre: 0.1, intimate: 0.36, friends: 0.66, community: 1 } as const;

function round1(n: number): number {
	const rounded = Math.round(n * 10) / 10;
	return rounded === 0 ? 0 : rounded;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemes(text: string): string[] {
	return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** `name` cut to `max` user-perceived characters, the last being an ellipsis; whitespace is collapsed. */
export function truncateLabel(name: string, max = maxLabelChars): string {
	if (!Number.isInteger(max) || max < 2) throw new RangeError(`max must be a whole number from 2: ${max}`);
	const clean = name.replace(/\s+/g, ' ').trim();
	const parts = graphemes(clean);
	if (parts.length <= max) return clean;
	return `${parts.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Estimated width of a text: emoji count double. */
function textWidth(text: string, size: number, perChar: number): number {
	let units = 0;
	for (const part of graphemes(text)) units += /\p{Extended_Pictographic}/u.test(part) ? 2 : 1;
	return units * perChar * size;
}

const collator = new Intl.Collator('nl', { numeric: true });

function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** By name as people read it (Dutch collation), then by exact name, then by id: a total, stable order. */
export function compareByName(a: { name: string; id: string }, b: { name: string; id: string }): number {
	return collator.compare(a.name, b.name) || compareStrings(a.name, b.name) || compareStrings(a.id, b.id);
}

const n1 = (n: number): string => String(round1(n));

/** The stroke width of an open ring marker of radius r: its outer edge stays inside r. */
export function ringStrokeWidth(r: number): number {
	return round1(0.4 * r);
}

/** The status marker centred on (x, y), inside a circle of radius r; numbers rounded to 0.1. */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
	switch (shape) {
		case 'circle':
		case 'ring': {
			// The ring is drawn with a stroke of ringStrokeWidth(r), so its outer edge stays inside r.
			const a = shape === 'circle' ? 0.9 * r : 0.75 * r;
			return `M${n1(x - a)},${n1(y)}A${n1(a)},${n1(a)} 0 1,0 ${n1(x + a)},${n1(y)}A${n1(a)},${n1(a)} 0 1,0 ${n1(x - a)},${n1(y)}Z`;
		}
		case 'triangle': {
			const half = (Math.sqrt(3) / 2) * r;
			return `M${n1(x)},${n1(y - r)}L${n1(x + half)},${n1(y + r / 2)}L${n1(x - half)},${n1(y + r / 2)}Z`;
		}
		case 'square': {
			const a = 0.7 * r;
			return `M${n1(x - a)},${n1(y - a)}H${n1(x + a)}V${n1(y + a)}H${n1(x - a)}Z`;
		}
	}
}

interface Geometry {
	cx: number;
	cy: number;
	centreRadius: number;
	bands: { circle: MapCircle; inner: number; outer: number; titleBox: MapBox }[];
}

function geometry(size: number, width: number): Geometry {
	const cx = width / 2;
	const cy = size / 2;
	const radius = size / 2 - margin;
	const titleWidth = ringTitleChars * titleCharWidth * fontSize;
	let inner = bandFractions.centre * radius;
	const bands = mapCircles.map((circle) => {
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

interface SubRingPlan {
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
function subRingAngles(count: number, plan: SubRingPlan, distance: number, stagger: boolean): number[] {
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
function planBand(
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
function shares(count: number, plans: SubRingPlan[]): number[] {
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

function boxesOverlap(a: MapBox, b: MapBox, pad: number): boolean {
	return a.left < b.right + pad && b.left < a.right + pad && a.top < b.bottom + pad && b.top < a.bottom + pad;
}

function boxTouchesCircle(box: MapBox, x: number, y: number, radius: number): boolean {
	const nearestX = Math.min(Math.max(x, box.left), box.right);
	const nearestY = Math.min(Math.max(y, box.top), box.bottom);
	return (x - nearestX) ** 2 + (y - nearestY) ** 2 < radius * radius;
}

function roundBox(box: MapBox): MapBox {
	return { left: round1(box.left), top: round1(box.top), right: round1(box.right), bottom: round1(box.bottom) };
}

/** Beside the dot (outwards first, then inwards), then below and above it. */
function labelCandidates(text: string, x: number, y: number, r: number, cx: number): MapLabel[] {
	const width = textWidth(text, fontSize, charWidth);
	const baseline = 0.35 * fontSize;
	const side = (anchor: 'start' | 'end'): MapLabel => {
		const ax = anchor === 'start' ? x + r + labelOffset : x - r - labelOffset;
		const left = anchor === 'start' ? ax : ax - width;
		return {
			text,
			x: ax,
			y: y + baseline,
			anchor,
			box: { left, top: y - lineHeight / 2, right: left + width, bottom: y + lineHeight / 2 }
		};
	};
	const vertical = (below: boolean): MapLabel => {
		const top = below ? y + r + labelMargin : y - r - labelMargin - lineHeight;
		return {
			text,
			x,
			y: top + lineHeight / 2 + baseline,
			anchor: 'middle',
			box: { left: x - width / 2, top, right: x + width / 2, bottom: top + lineHeight }
		};
	};
	const outwards = x >= cx ? 'start' : 'end';
	return [side(outwards), side(outwards === 'start' ? 'end' : 'start'), vertical(true), vertical(false)];
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

	// Room on both sides for a full-length label beside a dot on the outermost ring.
	const labelRoom = maxDotRadius + labelOffset + maxLabelChars * charWidth * fontSize + labelMargin * 2;
	const width = size + 2 * labelRoom;
	const g = geometry(size, width);

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
		const middle = (band.inner + band.outer) / 2;
		const labelLimit = Math.floor((2 * Math.PI * middle) / labelPitch);
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

	// Labels, ring by ring from the inside (the closest people first), each where it touches nothing else.
	const centreBox: MapBox = {
		left: g.cx - g.centreRadius,
		top: g.cy - g.centreRadius,
		right: g.cx + g.centreRadius,
		bottom: g.cy + g.centreRadius
	};
	const taken: MapBox[] = [centreBox, ...g.bands.map((band) => band.titleBox)];
	const bounds: MapBox = { left: labelMargin, top: labelMargin, right: width - labelMargin, bottom: size - labelMargin };
	const labelled = new Set(rings.filter((ring) => ring.labelled).map((ring) => ring.circle));
	const result: MapPerson[] = placed.map((person) => {
		if (!labelled.has(person.circle)) return { ...person, label: null };
		const text = truncateLabel(person.name);
		if (text === '') return { ...person, label: null };
		const label = labelCandidates(text, person.x, person.y, r, g.cx).find(
			(candidate) =>
				candidate.box.left >= bounds.left &&
				candidate.box.right <= bounds.right &&
				candidate.box.top >= bounds.top &&
				candidate.box.bottom <= bounds.bottom &&
				!taken.some((box) => boxesOverlap(candidate.box, box, labelMargin)) &&
				!placed.some(
					(other) => other.id !== person.id && boxTouchesCircle(candidate.box, other.x, other.y, r + labelMargin)
				)
		);
		if (!label) return { ...person, label: null };
		taken.push(label.box);
		return { ...person, label: { ...label, x: round1(label.x), y: round1(label.y), box: roundBox(label.box) } };
	});

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
