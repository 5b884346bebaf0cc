import { describe, expect, it } from 'vitest';
import { markerPath, ringStrokeWidth, statusShapes } from './map-markers';
import { samplePeople } from './map-fixtures';
import { relationshipMapModel } from './relationship-map';

describe('status markers', () => {
	it('gives each status its own shape', () => {
		expect(statusShapes).toEqual({ on_track: 'circle', due_soon: 'ring', overdue: 'triangle', no_goal: 'square' });
		expect(new Set(Object.values(statusShapes)).size).toBe(4);
		const model = relationshipMapModel(samplePeople(8, 'friends'));
		for (const p of model.people) {
			expect(p.shape).toBe(statusShapes[p.status]);
			expect(p.marker).toBe(markerPath(p.shape, p.x, p.y, model.dotRadius));
		}
	});

	it('keeps every marker inside the dot radius', () => {
		const r = 9;
		for (const shape of ['circle', 'triangle', 'square'] as const) {
			const numbers = (markerPath(shape, 100, 50, r).match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
			// Coordinates come in pairs, except the arc's radii and flags, which the circle check skips.
			if (shape === 'circle') {
				expect(markerPath(shape, 100, 50, r)).toBe('M91.9,50A8.1,8.1 0 1,0 108.1,50A8.1,8.1 0 1,0 91.9,50Z');
				continue;
			}
			const pairs = shape === 'square' ? [[numbers[0], numbers[1]], [numbers[2], numbers[1]], [numbers[2], numbers[3]], [numbers[4], numbers[3]]] : [[numbers[0], numbers[1]], [numbers[2], numbers[3]], [numbers[4], numbers[5]]];
			for (const [x, y] of pairs) expect(Math.hypot(x! - 100, y! - 50)).toBeLessThanOrEqual(r + 0.05);
		}
		expect(markerPath('triangle', 100, 50, r)).toBe('M100,41L107.8,54.5L92.2,54.5Z');
		expect(markerPath('square', 100, 50, r)).toBe('M93.7,43.7H106.3V56.3H93.7Z');
		// The ring's outer edge: its radius plus half its stroke.
		expect(markerPath('ring', 100, 50, r)).toBe('M93.3,50A6.8,6.8 0 1,0 106.8,50A6.8,6.8 0 1,0 93.3,50Z');
		expect(6.75 + ringStrokeWidth(r) / 2).toBeLessThanOrEqual(r);
	});
});
