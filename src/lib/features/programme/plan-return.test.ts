import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planReturnsAfter, worseBy, type ScoredMeasurement } from './plan-return';

const post: ScoredMeasurement = { id: 'post', takenAt: '2026-03-01T10:00:00.000Z', total: 4 };
const later = (total: number | null, id = 'later'): ScoredMeasurement => ({ id, takenAt: '2026-06-01T10:00:00.000Z', total });

describe('planReturnsAfter', () => {
	it('brings the plan back when a later measurement is two or more points higher', () => {
		expect(planReturnsAfter(post, later(6))).toBe(true);
		expect(planReturnsAfter(post, later(11))).toBe(true);
	});

	it('leaves it where it is for one point more, the same score, or a better one', () => {
		expect(planReturnsAfter(post, later(5))).toBe(false);
		expect(planReturnsAfter(post, later(4))).toBe(false);
		expect(planReturnsAfter(post, later(1))).toBe(false);
	});

	it('needs a post measurement and a newer one to compare', () => {
		expect(planReturnsAfter(null, later(9))).toBe(false);
		expect(planReturnsAfter(post, null)).toBe(false);
		expect(planReturnsAfter(post, post)).toBe(false);
		expect(planReturnsAfter(post, { id: 'older', takenAt: '2026-01-01T10:00:00.000Z', total: 10 })).toBe(false);
	});

	it('ignores a measurement without a total (too many items left open)', () => {
		expect(planReturnsAfter(post, later(null))).toBe(false);
		expect(planReturnsAfter({ ...post, total: null }, later(9))).toBe(false);
	});

	it('is exactly "at least worseBy higher" for every pair of totals', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 }), (before, after) => {
				expect(planReturnsAfter({ ...post, total: before }, later(after))).toBe(after - before >= worseBy);
			})
		);
	});
});
