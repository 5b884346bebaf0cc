import { describe, expect, it } from 'vitest';
import { axisTicks, barLength, intervalDomain, largestShown, linearScale, shadeStep, tickStep } from './report-layout';

describe('linearScale', () => {
	it('maps the ends and the middle', () => {
		const x = linearScale([-4, 4], [100, 340]);
		expect(x(-4)).toBe(100);
		expect(x(0)).toBe(220);
		expect(x(4)).toBe(340);
	});
	it('refuses a domain with one point', () => {
		expect(() => linearScale([2, 2], [0, 10])).toThrow(RangeError);
	});
});

describe('intervalDomain and axisTicks', () => {
	it('holds a change of −1.9 with its interval −2.6 … −1.2 around zero', () => {
		const { domain, step } = intervalDomain([-1.9, -2.6, -1.2]);
		expect(step).toBe(1);
		expect(domain).toEqual([-3, 3]);
		expect(axisTicks(domain, step)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
	});
	it('keeps at least the minimum span for tiny effects', () => {
		const { domain, step } = intervalDomain([0.05, -0.1], 0.6);
		expect(step).toBe(0.2);
		expect(domain[1]).toBeCloseTo(0.6);
		expect(axisTicks(domain, step)).toEqual([-0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6]);
	});
	it('uses steps of 2 and 5 for larger spans', () => {
		expect(tickStep(5)).toBe(2);
		expect(tickStep(12)).toBe(5);
		expect(intervalDomain([7.2]).domain).toEqual([-10, 10]);
	});
	it('ignores values that are not numbers', () => {
		expect(intervalDomain([Number.NaN, 0.5]).domain).toEqual([-1, 1]);
	});
});

describe('bars and shades', () => {
	it('scales a bar to the largest count and draws a hidden one as absent', () => {
		expect(barLength(12, 24, 200)).toBe(100);
		expect(barLength(null, 24, 200)).toBe(0);
		expect(barLength(5, 0, 200)).toBe(0);
	});
	it('shades a cell in four steps, hidden and zero cells blank', () => {
		expect(shadeStep(40, 40)).toBe(4);
		expect(shadeStep(11, 40)).toBe(2);
		expect(shadeStep(1, 40)).toBe(1);
		expect(shadeStep(0, 40)).toBe(0);
		expect(shadeStep(null, 40)).toBe(0);
	});
	it('finds the largest shown count', () => {
		expect(largestShown([null, 12, 30, null])).toBe(30);
		expect(largestShown([null, null])).toBe(0);
	});
});
