/**
 * Consent, the pure part: the short code a professional gives a person to connect (the scopes are in the kernel).
 * - `createClientCode()`, `normaliseClientCode(input)`, `formatClientCode(code)`, `hashClientCode(code)`.
 */
import { createHash, randomInt } from 'node:crypto';

// No 0/O, 1/I/L, 5/S, 2/Z: a code is read aloud, typed from paper, or copied by someone with poor eyesight.
export const clientCodeAlphabet = '346789ABCDEFGHJKMNPQRTUVWXY';
export const clientCodeLength = 8;

/** 8 characters from 27: about 38 bits. With expiry (14 days) and a limit on tries, guessing is hopeless. */
export function createClientCode(): string {
	let code = '';
	for (let i = 0; i < clientCodeLength; i += 1) code += clientCodeAlphabet[randomInt(clientCodeAlphabet.length)];
	return code;
}

/** Upper case, without spaces or dashes; returns null when it cannot be a code. */
export function normaliseClientCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== clientCodeLength) return null;
	for (const character of code) if (!clientCodeAlphabet.includes(character)) return null;
	return code;
}

/** "K7QM-4TXP": two groups of four are easier to read and type. */
export function formatClientCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function hashClientCode(code: string): string {
	return createHash('sha256').update(`client-code:${code}`).digest('hex');
}

export const clientInvitationDays = 14;
