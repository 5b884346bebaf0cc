/**
 * The status markers of the relationship map, for its dots and for its legend. Status is carried by shape as well as
 * colour, so the map can be read without colour.
 * - `statusShapes`: the marker shape of each status.
 * - `markerPath(shape, x, y, r)`: the SVG path of a status marker inside a dot of radius r.
 * - `ringStrokeWidth(r)`: the stroke of the open ring, so that its outer edge stays inside r.
 */

import { round1 } from './map-layout';
import type { MapStatus, MarkerShape } from './relationship-map';

/** A full dot, an open ring, a triangle, a square. */
export const statusShapes: Readonly<Record<MapStatus, MarkerShape>> = {
	on_track: 'circle',
	due_soon: 'ring',
	overdue: 'triangle',
	no_goal: 'square'
};

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
