import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createApiTokenSecret, hashApiToken, isWellFormedApiToken } from './api-tokens';

describe('API token secrets', () => {
	it('are brug_ and 256 random bits in base64url', () => {
		const token = createApiTokenSecret();
		expect(token).toMatch(/^brug_[A-Za-z0-9_-]{43}$/);
		expect(isWellFormedApiToken(token)).toBe(true);
		expect(new Set(Array.from({ length: 100 }, createApiTokenSecret)).size).toBe(100);
	});
	it('are stored only as a SHA-256 hash that does not contain them', () => {
		const token = createApiTokenSecret();
		expect(hashApiToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashApiToken(token)).toBe(hashApiToken(token));
		expect(hashApiToken(token)).not.toContain(token.slice(5));
		// A known vector, so the hash never changes by accident (tokens already given out would stop working).
		expect(hashApiToken('brug_')).toBe('6a33b7e33a1ea26fc34938fd03361cc6512bc9673960ff3c17178ccd72f9196c');
	});
	it('refuses anything that is not a token, before any database work', () => {
		const token = createApiTokenSecret();
		expect(isWellFormedApiToken('')).toBe(false);
		expect(isWellFormedApiToken(token.slice(5))).toBe(false);
		expect(isWellFormedApiToken(`${token}x`)).toBe(false);
		expect(isWellFormedApiToken(token.slice(0, -1))).toBe(false);
		expect(isWellFormedApiToken(`Brug_${token.slice(5)}`)).toBe(false);
		expect(isWellFormedApiToken(`${token.slice(0, -1)}=`)).toBe(false);
		expect(isWellFormedApiToken(` ${token}`)).toBe(false);
		fc.assert(fc.property(fc.string({ maxLength: 60 }), (value) => !isWellFormedApiToken(value) || /^brug_[\w-]{43}$/.test(value)));
	});
});
