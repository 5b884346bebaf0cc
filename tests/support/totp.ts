/** A TOTP code generator (RFC 6238, SHA-1, 30 s, 6 digits) for tests: an authenticator app in twenty lines. */
import { createHmac } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(input: string): Buffer {
	const clean = input.replace(/=+$/, '').toUpperCase();
	let bits = '';
	for (const char of clean) {
		const value = alphabet.indexOf(char);
		if (value === -1) throw new Error(`not base32: ${char}`);
		bits += value.toString(2).padStart(5, '0');
	}
	const bytes = bits.match(/.{8}/g) ?? [];
	return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

export function totpCode(secretBase32: string, at = Date.now()): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
	const digest = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
	const offset = digest[digest.length - 1]! & 0x0f;
	const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
	return value.toString().padStart(6, '0');
}
