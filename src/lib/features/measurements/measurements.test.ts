import { describe, expect, it } from 'vitest';
import { hashResultToken, isWellFormedResultToken } from './measurements';

describe('result tokens', () => {
	it('accepts only 22 base64url characters (128 bits)', () => {
		expect(isWellFormedResultToken('AAAAAAAAAAAAAAAAAAAAAA')).toBe(true);
		expect(isWellFormedResultToken('abc-_DEF0123456789xyzQ')).toBe(true);
		expect(isWellFormedResultToken('short')).toBe(false);
		expect(isWellFormedResultToken('AAAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
		expect(isWellFormedResultToken('AAAAAAAAAAAAAAAAAAAAA=')).toBe(false);
		expect(isWellFormedResultToken('../../etc/passwdAAAAAA')).toBe(false);
	});
	it('hashes with SHA-256 so the database never holds the token', () => {
		const hash = hashResultToken('AAAAAAAAAAAAAAAAAAAAAA');
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(hash).not.toContain('AAAA');
		expect(hashResultToken('AAAAAAAAAAAAAAAAAAAAAA')).toBe(hash);
		expect(hashResultToken('AAAAAAAAAAAAAAAAAAAAAB')).not.toBe(hash);
	});
});
