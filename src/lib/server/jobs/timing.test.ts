import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { periodIndex, periodKey, periodStart, retryAt, untilNextPeriod } from './timing';

const sixHours = 6 * 60 * 60 * 1000;

describe('periods', () => {
	it('start at fixed instants counted from the epoch (six hours: 00, 06, 12 and 18 UTC)', () => {
		const at = new Date('2026-12-07T13:45:00Z');
		const index = periodIndex(at, sixHours);
		expect(periodStart(index, sixHours).toISOString()).toBe('2026-12-07T12:00:00.000Z');
		expect(untilNextPeriod(at, sixHours)).toBe(4 * 60 * 60 * 1000 + 15 * 60 * 1000);
		expect(periodKey(index)).toBe(`period:${index}`);
	});

	it('at a boundary, the next period is a whole period away', () => {
		expect(untilNextPeriod(new Date('2026-12-07T18:00:00Z'), sixHours)).toBe(sixHours);
	});

	it('hold every instant, and the next one starts after it within one period', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 1, max: 7 * 24 * 3600 * 1000 }), (ms, period) => {
				const at = new Date(ms);
				const index = periodIndex(at, period);
				const wait = untilNextPeriod(at, period);
				expect(periodStart(index, period).getTime()).toBeLessThanOrEqual(ms);
				expect(wait).toBeGreaterThan(0);
				expect(wait).toBeLessThanOrEqual(period);
				expect(periodIndex(new Date(ms + wait), period)).toBe(index + 1);
			})
		);
	});
});

describe('retryAt', () => {
	const now = new Date('2026-12-07T10:00:00Z');

	it('doubles the delay after each failed attempt', () => {
		expect(retryAt(now, 1, 30).toISOString()).toBe('2026-12-07T10:00:30.000Z');
		expect(retryAt(now, 2, 30).toISOString()).toBe('2026-12-07T10:01:00.000Z');
		expect(retryAt(now, 3, 30).toISOString()).toBe('2026-12-07T10:02:00.000Z');
	});

	it('waits at most a day, and not at all without a delay', () => {
		expect(retryAt(now, 40, 30).toISOString()).toBe('2026-12-08T10:00:00.000Z');
		expect(retryAt(now, 3, 0).getTime()).toBe(now.getTime());
	});
});
