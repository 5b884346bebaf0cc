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

const lastStepUsed = new Map<string, number>();

/**
 * A code that brug has not taken yet, as an app's next code: brug accepts each time step's code once, and one step
 * ahead of the clock at most, so a third code within one 30 s step waits for the next step.
 */
export async function unusedTotpCode(secretBase32: string): Promise<string> {
	for (;;) {
		const current = Math.floor(Date.now() / 1000 / 30);
		const step = Math.max(current, (lastStepUsed.get(secretBase32) ?? current - 1) + 1);
		if (step <= current + 1) {
			lastStepUsed.set(secretBase32, step);
			return totpCode(secretBase32, step * 30_000);
		}
		await new Promise((resolve) => setTimeout(resolve, (current + 1) * 30_000 - Date.now() + 50));
	}
}
