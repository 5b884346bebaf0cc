import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '$lib/time';
import { minChartTextPx, renderedTextPx } from '$lib/ui/chart-text';
import { moodChartModel, type MoodPoint, type MoodValue } from './mood-chart';

/**
 * A small chart with round numbers: the plot runs from x 112 to 364 (63 per day over 5 days) and from y 164 (mood 1)
 * to 16 (mood 5), 37 per step.
 */
const small = { endDay: '2026-03-05', days: 5, width: 400, height: 200 } as const;

describe('addDays', () => {
	it('counts calendar days across months, leap days and daylight saving', () => {
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
		expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
	});

	it('refuses what is not a date', () => {
		expect(() => addDays('2026-02-30', 0)).toThrow(RangeError);
		expect(() => addDays('5 maart', 0)).toThrow(RangeError);
	});
});

describe('moodChartModel: scales', () => {
	it('places the days of the window from left to right and mood 1 to 5 from bottom to top', () => {
		const model = moodChartModel(
			[
				{ day: '2026-03-01', mood: 1 },
				{ day: '2026-03-02', mood: 2 },
				{ day: '2026-03-03', mood: 3 },
				{ day: '2026-03-04', mood: 4 },
				{ day: '2026-03-05', mood: 5 }
			],
			small
		);
		expect(model.plot).toEqual({ left: 112, right: 364, top: 16, bottom: 164 });
		expect(model.dots.map((dot) => [dot.day, dot.x, dot.y])).toEqual([
			['2026-03-01', 112, 164],
			['2026-03-02', 175, 127],
			['2026-03-03', 238, 90],
			['2026-03-04', 301, 53],
			['2026-03-05', 364, 16]
		]);
		expect(model.yTicks).toEqual([
			{ value: 1, position: 164 },
			{ value: 2, position: 127 },
			{ value: 3, position: 90 },
			{ value: 4, position: 53 },
			{ value: 5, position: 16 }
		]);
		expect(model.path).toBe('M112,164L175,127L238,90L301,53L364,16');
		expect(model.startDay).toBe('2026-03-01');
		expect(model.endDay).toBe('2026-03-05');
	});

	it('defaults to four weeks on a 380 × 230 view with words of at least 12 px on a phone, numbers rounded to 0.1', () => {
		const model = moodChartModel([{ day: '2026-03-14', mood: 3 }], { endDay: '2026-03-28' });
		expect(model.days).toBe(28);
		expect(model.startDay).toBe('2026-03-01');
		expect([model.width, model.height]).toEqual([380, 230]);
		expect(renderedTextPx(model.fontSize, model.width)).toBeGreaterThanOrEqual(minChartTextPx);
		// Day 13 of 0..27 on 112..344: 112 + 13 × 232 / 27 = 223.70…; mood 3 halfway between 194 and 16.
		expect(model.dots).toEqual([{ day: '2026-03-14', mood: 3, count: 1, x: 223.7, y: 105 }]);
	});

	it('puts a weekly day label, counted back from the last day so the last day always has one', () => {
		const model = moodChartModel([], { endDay: '2026-03-28' });
		expect(model.xTicks).toEqual([
			{ value: '2026-03-07', position: 163.6 },
			{ value: '2026-03-14', position: 223.7 },
			{ value: '2026-03-21', position: 283.9 },
			{ value: '2026-03-28', position: 344 }
		]);
		expect(moodChartModel([], small).xTicks).toEqual([{ value: '2026-03-05', position: 364 }]);
		expect(moodChartModel([], { ...small, days: 15 }).xTicks.map((tick) => tick.value)).toEqual([
			'2026-02-19',
			'2026-02-26',
			'2026-03-05'
		]);
	});
});

describe('moodChartModel: days without an entry', () => {
	it('leave a gap in the line and get no dot, no mark of any kind', () => {
		const model = moodChartModel(
			[
				{ day: '2026-03-01', mood: 3 },
				{ day: '2026-03-02', mood: 4 },
				{ day: '2026-03-04', mood: 2 },
				{ day: '2026-03-05', mood: 5 }
			],
			small
		);
		expect(model.path).toBe('M112,90L175,53M301,127L364,16');
		expect(model.dots.map((dot) => dot.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-04', '2026-03-05']);
		expect(model.daysWithEntry).toBe(4);
	});

	it('never draw a line across several missing days', () => {
		const model = moodChartModel(
			[
				{ day: '2026-03-01', mood: 2 },
				{ day: '2026-03-05', mood: 4 }
			],
			small
		);
		expect(model.path).toBe('M112,127ZM364,53Z');
		expect(model.path).not.toContain('L');
	});
});

describe('moodChartModel: edge cases', () => {
	it('with no entries: no path, no dots, no average, but axes', () => {
		const model = moodChartModel([], small);
		expect(model.path).toBeNull();
		expect(model.dots).toEqual([]);
		expect(model.daysWithEntry).toBe(0);
		expect(model.averageMood).toBeNull();
		expect(model.yTicks).toHaveLength(5);
	});

	it('with one entry: one dot, and a path that is just that point', () => {
		const model = moodChartModel([{ day: '2026-03-03', mood: 4 }], small);
		expect(model.dots).toEqual([{ day: '2026-03-03', mood: 4, count: 1, x: 238, y: 53 }]);
		expect(model.path).toBe('M238,53Z');
		expect(model.averageMood).toBe(4);
	});

	it('with a window of one day: the dot sits in the middle', () => {
		const model = moodChartModel([{ day: '2026-03-05', mood: 5 }], { ...small, days: 1 });
		expect(model.startDay).toBe('2026-03-05');
		expect(model.dots).toEqual([{ day: '2026-03-05', mood: 5, count: 1, x: 238, y: 16 }]);
		expect(model.xTicks).toEqual([{ value: '2026-03-05', position: 238 }]);
	});

	it('takes the mean of several entries on one day, rounded to 0.1, and keeps the count', () => {
		const model = moodChartModel(
			[
				{ day: '2026-03-02', mood: 2 },
				{ day: '2026-03-02', mood: 3 },
				{ day: '2026-03-02', mood: 3 },
				{ day: '2026-03-03', mood: 4 },
				{ day: '2026-03-03', mood: 5 }
			],
			small
		);
		// 8 / 3 = 2.666… → 2.7, drawn where 2.7 belongs (as the table says): y = 164 - 1.7 × 37 = 101.1
		expect(model.dots).toEqual([
			{ day: '2026-03-02', mood: 2.7, count: 3, x: 175, y: 101.1 },
			{ day: '2026-03-03', mood: 4.5, count: 2, x: 238, y: 34.5 }
		]);
		expect(model.path).toBe('M175,101.1L238,34.5');
		// Each day counts once: (8/3 + 4.5) / 2 = 3.58… → 3.6
		expect(model.averageMood).toBe(3.6);
		expect(model.daysWithEntry).toBe(2);
	});

	it('includes both edges of the window and ignores what lies outside it', () => {
		const model = moodChartModel(
			[
				{ day: '2026-02-28', mood: 1 },
				{ day: '2026-03-01', mood: 2 },
				{ day: '2026-03-05', mood: 4 },
				{ day: '2026-03-06', mood: 5 },
				{ day: 'not a day', mood: 3 }
			],
			small
		);
		expect(model.dots.map((dot) => dot.day)).toEqual(['2026-03-01', '2026-03-05']);
		expect(model.averageMood).toBe(3);
	});

	it('ignores moods outside 1 to 5 that slipped past the types', () => {
		const model = moodChartModel(
			[
				{ day: '2026-03-01', mood: 0 as MoodValue },
				{ day: '2026-03-02', mood: 2.5 as MoodValue },
				{ day: '2026-03-03', mood: 3 }
			],
			small
		);
		expect(model.dots.map((dot) => dot.day)).toEqual(['2026-03-03']);
	});

	it('crosses a month end and a daylight-saving change without losing or doubling a day', () => {
		const model = moodChartModel([{ day: '2026-03-29', mood: 3 }], { endDay: '2026-04-02', days: 7 });
		expect(model.startDay).toBe('2026-03-27');
		expect(model.dots).toHaveLength(1);
	});

	it('refuses a window that is not a whole number of days, a bad end day or a chart too small to draw', () => {
		expect(() => moodChartModel([], { ...small, days: 0 })).toThrow(RangeError);
		expect(() => moodChartModel([], { ...small, days: 2.5 })).toThrow(RangeError);
		expect(() => moodChartModel([], { ...small, endDay: '2026-13-01' })).toThrow(RangeError);
		expect(() => moodChartModel([], { ...small, width: 100 })).toThrow(RangeError);
	});
});

describe('moodChartModel: properties', () => {
	const endDay = '2026-03-28';
	const point = fc.record({
		day: fc.integer({ min: -40, max: 10 }).map((offset) => addDays(endDay, offset)),
		mood: fc.constantFrom<MoodValue>(1, 2, 3, 4, 5)
	});

	it('one dot per day with an entry inside the window, inside the plot, counts adding up', () => {
		fc.assert(
			fc.property(fc.array(point, { maxLength: 60 }), fc.integer({ min: 1, max: 42 }), (points: MoodPoint[], days) => {
				const model = moodChartModel(points, { endDay, days });
				const inside = points.filter((p) => p.day >= model.startDay && p.day <= endDay);
				expect(model.dots.length).toBe(new Set(inside.map((p) => p.day)).size);
				expect(model.dots.reduce((total, dot) => total + dot.count, 0)).toBe(inside.length);
				for (const dot of model.dots) {
					expect(dot.x).toBeGreaterThanOrEqual(model.plot.left);
					expect(dot.x).toBeLessThanOrEqual(model.plot.right);
					expect(dot.y).toBeGreaterThanOrEqual(model.plot.top);
					expect(dot.y).toBeLessThanOrEqual(model.plot.bottom);
					expect(dot.mood).toBeGreaterThanOrEqual(1);
					expect(dot.mood).toBeLessThanOrEqual(5);
				}
				expect(model.path === null).toBe(model.dots.length === 0);
				// Each run of consecutive days is its own piece of line: one "M" per run, never more.
				const runs = model.dots.filter((dot, i) => i === 0 || addDays(model.dots[i - 1]!.day, 1) !== dot.day).length;
				expect((model.path ?? '').split('M').length - 1).toBe(runs);
			})
		);
	});
});
