/**
 * Authenticated encryption of the free text people write about themselves (journal entries, notes), stored as one
 * compact string in an ordinary TEXT column on SQLite and PostgreSQL alike.
 *
 * - `encryptText(keyring, plaintext, context)`  "v1.<keyId>.<iv>.<ciphertext+tag>" made with the current key
 * - `decryptText(keyring, ciphertext, context)` the text back; throws `DecryptionError`
 * - `needsReencryption(keyring, ciphertext)`    true when it was made with a key other than the current one
 * - `ciphertextKeyId(ciphertext)`               the id of the key that made it
 * - `ciphertextPrefix(keyId)`                   what every ciphertext made with that key starts with (for SQL)
 * - `DecryptionError`                           reason `malformed`, `unknown-key` or `authentication`
 *
 * AES-256-GCM with a fresh random 96-bit IV per value (NIST SP 800-38D allows 2^32 random IVs per key, far beyond
 * what brug writes between rotations) and the full 16-byte tag. The `context`, e.g. "journal_entry.body:<row id>",
 * is authenticated but not stored: a ciphertext copied to another row or column no longer decrypts.
 * See docs/decisions/007-encryption-at-rest.md.
 */
import crypto from 'node:crypto';
import type { Keyring } from './keyring.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// base64url without padding: 12 IV bytes are 16 characters, at least a 16-byte tag is 22 or more.
const format = /^v1\.([0-9a-f]{8})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

export type DecryptionFailure = 'malformed' | 'unknown-key' | 'authentication';

/** A stored value could not be decrypted. The message names the context, never any content. */
export class DecryptionError extends Error {
	constructor(
		readonly reason: DecryptionFailure,
		message: string
	) {
		super(message);
		this.name = 'DecryptionError';
	}
}

export function encryptText(keyring: Keyring, plaintext: string, context: string): string {
	requireContext(context);
	const key = keyring.keys.get(keyring.currentKeyId);
	if (!key) throw new Error(`The keyring does not hold its current key ${keyring.currentKeyId}.`);
	const iv = crypto.randomBytes(IV_BYTES);
	const cipher = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
	cipher.setAAD(Buffer.from(context, 'utf8'));
	const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
	return `${ciphertextPrefix(keyring.currentKeyId)}${iv.toString('base64url')}.${body.toString('base64url')}`;
}

export function decryptText(keyring: Keyring, ciphertext: string, context: string): string {
	requireContext(context);
	const { keyId, iv, body } = parse(ciphertext, context);
	const key = keyring.keys.get(keyId);
	if (!key) {
		throw new DecryptionError(
			'unknown-key',
			`Cannot decrypt ${context}: key ${keyId} is not in the keyring (keys.json or BRUG_DATA_KEY from elsewhere?).`
		);
	}
	const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
	decipher.setAAD(Buffer.from(context, 'utf8'));
	decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
	try {
		// Nothing from update() is returned before final() has checked the tag.
		const text = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
		return text.toString('utf8');
	} catch {
		throw new DecryptionError(
			'authentication',
			`Cannot decrypt ${context}: the value was altered, or was stored for another row or column.`
		);
	}
}

export function needsReencryption(keyring: Keyring, ciphertext: string): boolean {
	return ciphertextKeyId(ciphertext) !== keyring.currentKeyId;
}

/** Throws `DecryptionError` (malformed) for a string that is not a brug ciphertext. */
export function ciphertextKeyId(ciphertext: string): string {
	return parse(ciphertext, 'value').keyId;
}

export function ciphertextPrefix(keyId: string): string {
	return `${VERSION}.${keyId}.`;
}

function parse(ciphertext: string, context: string): { keyId: string; iv: Buffer; body: Buffer } {
	const match = format.exec(ciphertext);
	const iv = match ? Buffer.from(match[2] ?? '', 'base64url') : undefined;
	const body = match ? Buffer.from(match[3] ?? '', 'base64url') : undefined;
	if (!match?.[1] || iv?.length !== IV_BYTES || !body || body.length < TAG_BYTES) {
		throw new DecryptionError('malformed', `Cannot decrypt ${context}: it is not a brug ciphertext (v1).`);
	}
	return { keyId: match[1], iv, body };
}

// An empty context would let a value move anywhere unnoticed, which is what the context exists to prevent.
function requireContext(context: string): void {
	if (context.trim() === '') throw new TypeError('An encryption context such as "journal_entry.body:<id>" is required.');
}
