import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
	it('allows the limit, then says how long to wait', () => {
		let now = 1_000_000;
		const limiter = new RateLimiter({ limit: 3, windowSeconds: 60 }, () => now);
		for (let i = 0; i < 3; i++) expect(limiter.hit('a')).toEqual({ allowed: true });
		expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
		now += 45_000;
		expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 15 });
		// Another key has its own window.
		expect(limiter.hit('b')).toEqual({ allowed: true });
	});

	it('starts a new window after the old one ends', () => {
		let now = 0;
		const limiter = new RateLimiter({ limit: 1, windowSeconds: 10 }, () => now);
		expect(limiter.hit('a').allowed).toBe(true);
		expect(limiter.hit('a').allowed).toBe(false);
		now += 10_000;
		expect(limiter.hit('a').allowed).toBe(true);
	});

	it('forgets a key on reset', () => {
		const limiter = new RateLimiter({ limit: 1, windowSeconds: 60 });
		limiter.hit('a');
		expect(limiter.hit('a').allowed).toBe(false);
		limiter.reset('a');
		expect(limiter.hit('a').allowed).toBe(true);
	});

	it('never rounds a wait down to zero seconds', () => {
		let now = 0;
		const limiter = new RateLimiter({ limit: 0, windowSeconds: 1 }, () => now);
		now = 0;
		limiter.hit('a');
		now = 999;
		expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
	});
});
