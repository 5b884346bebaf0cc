/**
 * Pure helpers for measurements.
 * - `hashResultToken(token)`: what the database keeps instead of the token (SHA-256, hex).
 * - `isWellFormedResultToken(value)`: cheap shape check before any database work.
 * - `scoringVersion`: version of brug's scoring rules, stored with every measurement.
 */
import { createHash } from 'node:crypto';

export const scoringVersion = 1;

export function hashResultToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isWellFormedResultToken(value: string): boolean {
	return /^[A-Za-z0-9_-]{22}$/.test(value);
}
