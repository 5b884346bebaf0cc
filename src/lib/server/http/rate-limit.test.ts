import { describe, expect, it } from 'vitest';
import { clientGroup, decide, windowAt, type RateRule } from './rate-limit';

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

describe('client groups', () => {
	it('counts an IPv6 address by its /64, whatever its notation', () => {
		const group = '2001:db8:85a3:1::/64';
		for (const address of ['2001:db8:85a3:1::1', '2001:0db8:85a3:0001:ffff:0:0:2', '2001:DB8:85A3:1:a:b:c:d', '2001:db8:85a3:1::7%eth0']) {
			expect(clientGroup(address), address).toBe(group);
		}
		expect(clientGroup('2001:db8:85a3:2::1')).toBe('2001:db8:85a3:2::/64');
		expect(clientGroup('::1')).toBe('0:0:0:0::/64');
		expect(clientGroup('fe80::1:2:3:4')).toBe('fe80:0:0:0::/64');
		expect(clientGroup('2001:db8::1.2.3.4')).toBe('2001:db8:0:0::/64');
	});

	it('keeps an IPv4 address, also when mapped into IPv6, and anything else as it is', () => {
		expect(clientGroup('192.0.2.10')).toBe('192.0.2.10');
		expect(clientGroup('::ffff:192.0.2.10')).toBe('192.0.2.10');
		expect(clientGroup('unknown')).toBe('unknown');
	});
});
