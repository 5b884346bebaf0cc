/**
 * The name labels of the relationship map: their text, their size and where they go.
 * - `truncateLabel(name, max)`: a name cut to `max` characters with an ellipsis, never inside a character;
 *   `maxLabelChars`: the default `max`.
 * - `labelRoom(r)`: the room either side of the map for a full-length label beside a dot of radius r.
 * - `bandLabelLimit(inner, outer)`: how many labels a band may show: its circumference divided by three label lines.
 * - `placeLabels(people, options)`: a label beside each dot in a labelled band, left out where it would touch another
 *   dot, label or name.
 */

import { fontSize, labelMargin, lineHeight, round1, roundBox, type Geometry } from './map-layout';
import type { MapBox, MapLabel, MapPerson, MapRing } from './relationship-map';

/** Labels longer than this are cut, with an ellipsis as the last character. */
export const maxLabelChars = 12;

/** A rough average glyph width of the system font, in ems. */
const charWidth = 0.62;
/** Room between a dot and its label. */
const labelOffset = 4;
/** A band may show one label per this much circumference. */
const labelPitch = 3 * lineHeight;

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

/** Room on either side of the map for a full-length label beside a dot of radius r on the outermost ring. */
export function labelRoom(r: number): number {
	return r + labelOffset + maxLabelChars * charWidth * fontSize + labelMargin * 2;
}

/** How many labels a band may show: the circumference along its middle divided by three label lines. */
export function bandLabelLimit(inner: number, outer: number): number {
	const middle = (inner + outer) / 2;
	return Math.floor((2 * Math.PI * middle) / labelPitch);
}

function boxesOverlap(a: MapBox, b: MapBox, pad: number): boolean {
	return a.left < b.right + pad && b.left < a.right + pad && a.top < b.bottom + pad && b.top < a.bottom + pad;
}

function boxTouchesCircle(box: MapBox, x: number, y: number, radius: number): boolean {
	const nearestX = Math.min(Math.max(x, box.left), box.right);
	const nearestY = Math.min(Math.max(y, box.top), box.bottom);
	return (x - nearestX) ** 2 + (y - nearestY) ** 2 < radius * radius;
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

export interface PlaceLabelsOptions {
	g: Geometry;
	rings: readonly MapRing[];
	/** The dot radius. */
	r: number;
	/** The picture's size: labels stay inside it. */
	width: number;
	height: number;
}

/**
 * `people` with their labels, in the same order. Ring by ring from the inside (the closest people first), each label
 * goes where it touches nothing else; `people` is expected in that order.
 */
export function placeLabels(
	people: readonly Omit<MapPerson, 'label'>[],
	{ g, rings, r, width, height }: PlaceLabelsOptions
): MapPerson[] {
	const centreBox: MapBox = {
		left: g.cx - g.centreRadius,
		top: g.cy - g.centreRadius,
		right: g.cx + g.centreRadius,
		bottom: g.cy + g.centreRadius
	};
	const taken: MapBox[] = [centreBox, ...g.bands.map((band) => band.titleBox)];
	const bounds: MapBox = { left: labelMargin, top: labelMargin, right: width - labelMargin, bottom: height - labelMargin };
	const labelled = new Set(rings.filter((ring) => ring.labelled).map((ring) => ring.circle));
	return people.map((person) => {
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
				!people.some(
					(other) => other.id !== person.id && boxTouchesCircle(candidate.box, other.x, other.y, r + labelMargin)
				)
		);
		if (!label) return { ...person, label: null };
		taken.push(label.box);
		return { ...person, label: { ...label, x: round1(label.x), y: round1(label.y), box: roundBox(label.box) } };
	});
}
