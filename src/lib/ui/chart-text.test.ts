import { describe, expect, it } from 'vitest';
import { chartFontUnits, minChartTextPx, phoneChartWidth, renderedTextPx } from './chart-text';

describe('chart text in viewBox units', () => {
	it('draws a viewBox as wide as the phone at the pixel size itself', () => {
		expect(chartFontUnits(phoneChartWidth)).toBe(12);
		expect(renderedTextPx(12, phoneChartWidth)).toBe(12);
	});

	it('needs larger units in a wider viewBox: 15 units in 640 show 8.4 px, 21.5 units are enough', () => {
		expect(renderedTextPx(15, 640)).toBeCloseTo(8.39, 2);
		expect(chartFontUnits(640)).toBe(21.5);
		expect(renderedTextPx(21.5, 640)).toBeGreaterThanOrEqual(minChartTextPx);
		expect(renderedTextPx(21, 640)).toBeLessThan(minChartTextPx);
	});

	it('rounds up to half units and always reaches the minimum', () => {
		for (const width of [200, 333, 358, 397.4, 640, 897.2]) {
			for (const rendered of [288, 320, 358]) {
				const units = chartFontUnits(width, rendered, 12);
				expect(units * 2).toBe(Math.round(units * 2));
				expect(renderedTextPx(units, width, rendered)).toBeGreaterThanOrEqual(12 - 1e-9);
				expect(renderedTextPx(units - 0.5, width, rendered)).toBeLessThan(12);
			}
		}
	});

	it('refuses widths that are not positive', () => {
		expect(() => chartFontUnits(0)).toThrow(RangeError);
		expect(() => renderedTextPx(12, 640, -1)).toThrow(RangeError);
	});
});
