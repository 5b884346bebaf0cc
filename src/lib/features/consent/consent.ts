/**
 * Consent, the pure part: what a person can share, and the short code a professional gives them.
 * - `consentScopes`: every scope, in the order people see them. Journal entries and thought records are never a
 *   scope: a person shares a single entry by marking it "bespreek dit" (a later feature).
 * - `consentAudiences`: a grant is to one professional, or to their whole organisation (colleagues see it too).
 * - `parseScopes(values)`: the known scopes among form or JSON values, sorted and without doubles.
 * - `createClientCode()`, `normaliseClientCode(input)`, `formatClientCode(code)`, `hashClientCode(code)`.
 */
import { createHash, randomInt } from 'node:crypto';

export const consentScopes = ['measurements', 'programme', 'health_web', 'relationship_summary'] as const;
export type ConsentScope = (typeof consentScopes)[number];

/** Whom a grant lets in: the one professional (the default), or every professional of their organisation (a team). */
export const consentAudiences = ['professional', 'organisation'] as const;
export type ConsentAudience = (typeof consentAudiences)[number];

export function isConsentScope(value: unknown): value is ConsentScope {
	return typeof value === 'string' && (consentScopes as readonly string[]).includes(value);
}

/** Known scopes only, in the canonical order; unknown values are dropped (the schema reports them). */
export function parseScopes(values: readonly unknown[]): ConsentScope[] {
	return consentScopes.filter((scope) => values.includes(scope));
}

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
