/**
 * Personal API tokens, the pure part: the secret a person gives a script or app to reach their own data.
 * - `createApiTokenSecret()`: `brug_` and 32 random bytes in base64url; shown once, never stored.
 * - `isWellFormedApiToken(value)`: cheap shape check before any database work.
 * - `hashApiToken(token)`: what the database keeps instead (SHA-256, hex).
 * - `apiTokenDays`, `lastUsedPrecisionMs`: how long a token works, and how often its last use is written.
 */
import { createHash, randomBytes } from 'node:crypto';

export const apiTokenPrefix = 'brug_';

/** A year: long enough for a home script, short enough that a forgotten token stops working by itself. */
export const apiTokenDays = 365;

/** "Last used" to the hour is enough for a person to spot a token they no longer use, and spares a write per call. */
export const lastUsedPrecisionMs = 60 * 60 * 1000;

export function createApiTokenSecret(): string {
	return `${apiTokenPrefix}${randomBytes(32).toString('base64url')}`;
}

// The prefix lets secret scanners (and people) recognise a leaked brug token.
const tokenPattern = /^brug_[A-Za-z0-9_-]{43}$/;

export function isWellFormedApiToken(value: string): boolean {
	return tokenPattern.test(value);
}

/** A token carries 256 random bits, so a plain SHA-256 is enough: there is nothing to guess a dictionary from. */
export function hashApiToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}
