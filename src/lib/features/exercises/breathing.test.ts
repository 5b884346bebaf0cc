import { describe, expect, it } from 'vitest';
import { breathingMoment, clockTime } from '../../../../static/ademhaling.js';

describe('paced breathing', () => {
	it.each([
		[0, 'in', 1],
		[3.9, 'in', 4],
		[4, 'out', 1],
		[9.5, 'out', 6],
		[10, 'in', 1],
		[119, 'out', 6],
		[120, 'done', 0],
		[-1, 'in', 1]
	] as const)('after %s seconds: %s, count %i', (seconds, phase, count) => {
		expect(breathingMoment(seconds)).toEqual({ phase, count });
	});

	it('shows the time as minutes and seconds', () => {
		expect(clockTime(0)).toBe('0:00');
		expect(clockTime(65.7)).toBe('1:05');
		expect(clockTime(120)).toBe('2:00');
	});
});
