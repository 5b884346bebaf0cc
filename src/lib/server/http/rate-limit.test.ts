import { describe, expect, it } from 'vitest';
import { decide, windowAt, type RateRule } from './rate-limit';

const rule: RateRule = { limit: 3, windowSeconds: 60 };

describe('rate windows', () => {
	it('are aligned, so two instances started at different times count in the same window', () => {
		expect(windowAt(rule, 120_000)).toEqual({ endsAt: 180_000 });
		expect(windowAt(rule, 179_999)).toEqual({ endsAt: 180_000 });
		expect(windowAt(rule, 180_000)).toEqual({ endsAt: 240_000 });
	});

	it('allow the limit, then say how long to wait until the window ends', () => {
		const now = 135_000;
		const window = windowAt(rule, now);
		for (const attempts of [1, 2, 3]) expect(decide(rule, attempts, window, now)).toEqual({ allowed: true });
		expect(decide(rule, 4, window, now)).toEqual({ allowed: false, retryAfterSeconds: 45 });
		expect(decide(rule, 4, window, now + 30_000)).toEqual({ allowed: false, retryAfterSeconds: 15 });
	});

	it('never round a wait down to zero seconds', () => {
		const window = windowAt({ limit: 0, windowSeconds: 1 }, 999);
		expect(decide({ limit: 0, windowSeconds: 1 }, 1, window, 999)).toEqual({ allowed: false, retryAfterSeconds: 1 });
	});
});
