import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ciphertextKeyId, decryptText, DecryptionError, encryptText, needsReencryption } from './encryption';
import { keyIdOf, type Keyring } from './keyring.js';

function keyringWith(...keys: Buffer[]): Keyring {
	const last = keys[keys.length - 1] as Buffer;
	return { currentKeyId: keyIdOf(last), keys: new Map(keys.map((key) => [keyIdOf(key), key])) };
}

function failure(run: () => unknown): DecryptionError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(DecryptionError);
		return error as DecryptionError;
	}
	throw new Error('expected a DecryptionError');
}

/** Changes one character of the base64url part at `index` (2: IV, 3: ciphertext and tag), keeping the format. */
function flipCharacter(ciphertext: string, index: number): string {
	const parts = ciphertext.split('.');
	const part = parts[index] as string;
	parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
	return parts.join('.');
}

const context = 'journal_entry.body:0b6f1c0d-0000-4000-8000-000000000001';
const journal = 'Vandaag voelde ik me eenzaam; 🌧️ maar ’s avonds belde Anneke — dat hielp. Ça va. 漢字';

describe('encryptText and decryptText', () => {
	const keyring = keyringWith(crypto.randomBytes(32));

	it.each([
		['Unicode journal text', journal],
		['an empty string', ''],
		['a long text', 'Ik loop elke dag een rondje. '.repeat(2000)]
	])('round-trips %s', (_, text) => {
		expect(decryptText(keyring, encryptText(keyring, text, context), context)).toBe(text);
	});

	it('writes v1.<keyId>.<iv>.<ciphertext+tag> in characters safe for any TEXT column', () => {
		const stored = encryptText(keyring, journal, context);
		expect(stored).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
		expect(stored.split('.')[1]).toBe(keyring.currentKeyId);
		expect(ciphertextKeyId(stored)).toBe(keyring.currentKeyId);
		expect(stored).not.toContain('eenzaam');
	});

	it('uses a new IV every time, so equal texts give unrelated ciphertexts', () => {
		const made = Array.from({ length: 50 }, () => encryptText(keyring, 'Ik voel me alleen.', context));
		expect(new Set(made).size).toBe(50);
		expect(new Set(made.map((stored) => stored.split('.')[2])).size).toBe(50);
	});

	it('refuses altered ciphertext, an altered IV and a cut-off tag as authentication failures', () => {
		const stored = encryptText(keyring, journal, context);
		expect(failure(() => decryptText(keyring, flipCharacter(stored, 3), context)).reason).toBe('authentication');
		expect(failure(() => decryptText(keyring, flipCharacter(stored, 2), context)).reason).toBe('authentication');
		const [version, keyId, iv, body] = encryptText(keyring, 'ab', context).split('.') as [string, string, string, string];
		const cut = Buffer.from(body, 'base64url').subarray(0, -1).toString('base64url');
		const cutOff = [version, keyId, iv, cut].join('.');
		expect(failure(() => decryptText(keyring, cutOff, context)).reason).toBe('authentication');
	});

	it('refuses a value moved to another row or column (the context is authenticated)', () => {
		const stored = encryptText(keyring, journal, context);
		const error = failure(() => decryptText(keyring, stored, 'journal_entry.body:another-row'));
		expect(error.reason).toBe('authentication');
		expect(failure(() => decryptText(keyring, stored, 'journal_entry.title:0b6f1c0d')).reason).toBe('authentication');
	});

	it('refuses a key id it does not hold, naming the id but no content', () => {
		const stored = encryptText(keyringWith(crypto.randomBytes(32)), journal, context);
		const error = failure(() => decryptText(keyring, stored, context));
		expect(error.reason).toBe('unknown-key');
		expect(error.message).toContain(ciphertextKeyId(stored));
		expect(error.message).not.toContain('eenzaam');
	});

	it.each(['', 'Vandaag voelde ik me eenzaam', 'v2.0011aabb.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA', 'v1.xyz.a.b'])(
		'refuses %j as malformed',
		(value) => {
			expect(failure(() => decryptText(keyring, value, context)).reason).toBe('malformed');
		}
	);

	it('requires a context', () => {
		expect(() => encryptText(keyring, journal, ' ')).toThrow(TypeError);
		expect(() => decryptText(keyring, encryptText(keyring, journal, context), '')).toThrow(TypeError);
	});
});

describe('after a key rotation', () => {
	const oldKey = crypto.randomBytes(32);
	const before = keyringWith(oldKey);
	const after = keyringWith(oldKey, crypto.randomBytes(32));
	const stored = encryptText(before, journal, context);

	it('still decrypts what the old key made, and marks it for re-encryption', () => {
		expect(decryptText(after, stored, context)).toBe(journal);
		expect(needsReencryption(after, stored)).toBe(true);
	});

	it('encrypts with the new key, which needs no re-encryption', () => {
		const fresh = encryptText(after, journal, context);
		expect(ciphertextKeyId(fresh)).toBe(after.currentKeyId);
		expect(ciphertextKeyId(fresh)).not.toBe(ciphertextKeyId(stored));
		expect(needsReencryption(after, fresh)).toBe(false);
		expect(needsReencryption(before, stored)).toBe(false);
	});
});
