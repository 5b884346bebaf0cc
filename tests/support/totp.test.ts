import { describe, expect, it } from 'vitest';
import { totpCode, unusedTotpCode } from './totp';

describe('totpCode', () => {
	// RFC 6238 appendix B, SHA-1 key "12345678901234567890" (base32 below), last 6 digits.
	const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
	it.each([
		[59, '287082'],
		[1111111109, '081804'],
		[1234567890, '005924'],
		[2000000000, '279037']
	])('at %i s gives %s', (seconds, code) => {
		expect(totpCode(secret, seconds * 1000)).toBe(code);
	});
});

describe('unusedTotpCode', () => {
	it('gives the current code, then the next step’s, never the same one twice', async () => {
		const secret = 'JBSWY3DPEHPK3PXP';
		const first = await unusedTotpCode(secret);
		const second = await unusedTotpCode(secret);
		const now = Date.now();
		expect([totpCode(secret, now), totpCode(secret, now - 30_000)]).toContain(first);
		expect(second).not.toBe(first);
		expect([totpCode(secret, now), totpCode(secret, now + 30_000)]).toContain(second);
	});
});
