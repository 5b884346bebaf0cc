import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healthWebDefinitions, healthWebDimensions, type HealthWebScores } from './health-web';
import { minChartTextPx, renderedTextPx } from '$lib/ui/chart-text';
import { healthWebChartModel, labelLines, labelMaxChars, lineBaselines, ringValues } from './health-web-chart';

const web = (values: number[]): HealthWebScores =>
	Object.fromEntries(healthWebDimensions.map((dimension, index) => [dimension, values[index]])) as HealthWebScores;
const flat = (value: number) => web(Array(6).fill(value));
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('healthWebChartModel: geometry', () => {
	const model = healthWebChartModel({ scores: web([10, 8, 6, 4, 2, 0]), discuss: [] }, flat(5), { radius: 150 });
	const { centre } = model;

	it('has six axes, the first straight up and the others clockwise 60° apart, each as long as the radius', () => {
		expect(model.axes.map((axis) => [axis.dimension, axis.angle])).toEqual(healthWebDimensions.map((dimension, index) => [dimension, index * 60]));
		for (const axis of model.axes) expect(distance(axis, centre)).toBeCloseTo(150, 0);
		expect(model.axes[0]).toMatchObject({ x: centre.x, y: centre.y - 150 });
		expect(model.axes[3]).toMatchObject({ x: centre.x, y: centre.y + 150 });
		// 60° clockwise from up: right of the centre and above it.
		expect(model.axes[1]!.x).toBeCloseTo(centre.x + 150 * Math.sin(Math.PI / 3), 1);
		expect(model.axes[1]!.y).toBeCloseTo(centre.y - 75, 1);
	});

	it('is symmetric: axes mirror around the vertical through the centre', () => {
		const [a0, a1, a2, a3, a4, a5] = model.axes;
		expect(a0!.x).toBe(centre.x);
		expect(a3!.x).toBe(centre.x);
		expect(a1!.x - centre.x).toBeCloseTo(centre.x - a5!.x, 5);
		expect(a1!.y).toBe(a5!.y);
		expect(a2!.x - centre.x).toBeCloseTo(centre.x - a4!.x, 5);
		expect(a2!.y).toBe(a4!.y);
		expect(model.width).toBe(2 * centre.x);
	});

	it('puts score 0 at the centre and score 10 at the end of its axis', () => {
		const points = model.current.points;
		expect(points[5]).toEqual({ dimension: 'daily_functioning', value: 0, x: centre.x, y: centre.y });
		expect(points[0]).toEqual({ dimension: 'bodily_functions', value: 10, x: centre.x, y: centre.y - 150 });
		expect(distance(points[1]!, centre)).toBeCloseTo(120, 0);
		expect(distance(points[3]!, centre)).toBeCloseTo(60, 0);
	});

	it('draws rings at 0, 2, … 10 as hexagons through the axes', () => {
		expect(ringValues).toEqual([0, 2, 4, 6, 8, 10]);
		expect(model.rings.map((ring) => [ring.value, ring.radius])).toEqual([
			[0, 0],
			[2, 30],
			[4, 60],
			[6, 90],
			[8, 120],
			[10, 150]
		]);
		for (const ring of model.rings) expect(ring.points.split(' ')).toHaveLength(6);
		expect(model.rings[0]!.points).toBe(Array(6).fill(`${centre.x},${centre.y}`).join(' '));
		expect(model.rings[5]!.points).toBe(model.axes.map((axis) => `${axis.x},${axis.y}`).join(' '));
	});

	it('has six points per web, the previous web too, as a polygon', () => {
		expect(model.current.points).toHaveLength(6);
		expect(model.current.polygon.split(' ')).toHaveLength(6);
		expect(model.previous!.points).toHaveLength(6);
		for (const point of model.previous!.points) expect(distance(point, centre)).toBeCloseTo(75, 0);
	});

	it('leaves out the previous web when there is none', () => {
		const first = healthWebChartModel({ scores: flat(5), discuss: [] });
		expect(first.previous).toBeNull();
		expect(first.rows.every((row) => row.previous === null && row.change === null)).toBe(true);
	});

	it('places names outside the web: centred above and below, left-aligned on the right, right-aligned on the left', () => {
		expect(model.labels.map((label) => label.anchor)).toEqual(['middle', 'start', 'start', 'middle', 'end', 'end']);
		expect(model.labels[0]!.y).toBeLessThan(centre.y - 150);
		expect(model.labels[3]!.y).toBeGreaterThan(centre.y + 150);
		for (const label of model.labels) expect(distance(label, centre)).toBeGreaterThan(150);
		expect(labelMaxChars).toBe('Dagelijks functioneren'.length);
	});

	it('keeps every name’s room, the web and its labels inside the viewBox', () => {
		for (const options of [{}, { radius: 60 }, { radius: 300, fontSize: 20 }, { fontSize: 8 }]) {
			const m = healthWebChartModel({ scores: flat(10), discuss: [] }, null, options);
			for (const { box } of m.labels) {
				expect(box.left).toBeGreaterThanOrEqual(0);
				expect(box.top).toBeGreaterThanOrEqual(0);
				expect(box.right).toBeLessThanOrEqual(m.width);
				expect(box.bottom).toBeLessThanOrEqual(m.height);
			}
			for (const axis of m.axes) {
				expect(axis.x).toBeGreaterThanOrEqual(0);
				expect(axis.y).toBeGreaterThanOrEqual(0);
				expect(axis.x).toBeLessThanOrEqual(m.width);
				expect(axis.y).toBeLessThanOrEqual(m.height);
			}
			// No two names overlap.
			for (const [i, a] of m.labels.entries()) {
				for (const b of m.labels.slice(i + 1)) {
					const apart = a.box.right <= b.box.left || b.box.right <= a.box.left || a.box.bottom <= b.box.top || b.box.bottom <= a.box.top;
					expect(apart, `${a.dimension} and ${b.dimension}`).toBe(true);
				}
			}
		}
	});

	it('gives the table rows with previous, current, change and the marks', () => {
		const m = healthWebChartModel({ scores: web([7, 5, 2, 5, 3, 10]), discuss: ['participation'] }, flat(5));
		expect(m.rows[4]).toEqual({ dimension: 'participation', previous: 5, current: 3, change: -2, discuss: true });
		expect(m.rows.filter((row) => row.discuss)).toHaveLength(1);
	});

	it('refuses scores outside 0–10 and a web too small to draw', () => {
		expect(() => healthWebChartModel({ scores: web([11, 0, 0, 0, 0, 0]), discuss: [] })).toThrow(RangeError);
		expect(() => healthWebChartModel({ scores: flat(5), discuss: [] }, web([0, 0, 0, 0, 0, Number.NaN]))).toThrow(RangeError);
		expect(() => healthWebChartModel({ scores: flat(5), discuss: [] }, null, { radius: 10 })).toThrow(RangeError);
	});
});

describe('healthWebChartModel: words readable on a phone', () => {
	it('is drawn about as wide as a phone by default, so its words show at least 12 px there', () => {
		const model = healthWebChartModel({ scores: flat(5), discuss: [] }, flat(4));
		expect(model.width).toBeLessThanOrEqual(390);
		expect(renderedTextPx(model.fontSize, model.width)).toBeGreaterThanOrEqual(minChartTextPx);
	});

	it('breaks a long name at the space nearest its middle, and leaves short names and single words whole', () => {
		expect(labelLines('Dagelijks functioneren')).toEqual(['Dagelijks', 'functioneren']);
		expect(labelLines('Kwaliteit van leven')).toEqual(['Kwaliteit', 'van leven']);
		expect(labelLines('Quality of life')).toEqual(['Quality', 'of life']);
		expect(labelLines('  Meedoen ')).toEqual(['Meedoen']);
		expect(labelLines('Lichaamsfuncties')).toEqual(['Lichaamsfuncties']);
	});

	it('stacks the lines of a name away from the web: upwards above it, around the middle beside it, downwards below it', () => {
		expect(lineBaselines({ y: 100, align: 'above' }, 2, 15)).toEqual([85, 100]);
		expect(lineBaselines({ y: 100, align: 'beside' }, 2, 15)).toEqual([92.5, 107.5]);
		expect(lineBaselines({ y: 100, align: 'below' }, 2, 15)).toEqual([100, 115]);
		expect(lineBaselines({ y: 100, align: 'beside' }, 1, 15)).toEqual([100]);
	});

	it('keeps room for every line of every name, in either language, inside the viewBox', () => {
		const model = healthWebChartModel({ scores: flat(5), discuss: [] });
		for (const label of model.labels) {
			for (const name of Object.values(healthWebDefinitions[label.dimension].name)) {
				const baselines = lineBaselines(label, labelLines(name).length, model.lineHeight);
				expect(baselines[0]! - 0.8 * model.fontSize).toBeGreaterThanOrEqual(label.box.top - 0.1);
				expect(baselines.at(-1)! + 0.25 * model.fontSize).toBeLessThanOrEqual(label.box.bottom + 0.1);
			}
			expect(label.box.top).toBeGreaterThanOrEqual(0);
			expect(label.box.bottom).toBeLessThanOrEqual(model.height);
		}
	});
});

describe('healthWebChartModel: properties', () => {
	const scores = fc.tuple(...healthWebDimensions.map(() => fc.integer({ min: 0, max: 10 }))).map(web);

	it('every point lies on its own axis at score / 10 of the radius, inside the viewBox', () => {
		fc.assert(
			fc.property(scores, fc.option(scores, { nil: null }), (current, previous) => {
				const m = healthWebChartModel({ scores: current, discuss: [] }, previous);
				for (const polygon of [m.current, m.previous].filter((p) => p !== null)) {
					for (const [index, point] of polygon.points.entries()) {
						expect(distance(point, m.centre)).toBeCloseTo((point.value / 10) * m.radius, 0);
						const axis = m.axes[index]!;
						// On the axis: the cross product of centre→axis and centre→point is (about) zero.
						const cross = (axis.x - m.centre.x) * (point.y - m.centre.y) - (axis.y - m.centre.y) * (point.x - m.centre.x);
						expect(Math.abs(cross)).toBeLessThan(m.radius * 0.2);
						expect(point.x).toBeGreaterThanOrEqual(0);
						expect(point.x).toBeLessThanOrEqual(m.width);
					}
				}
			})
		);
	});
});
