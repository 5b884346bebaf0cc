/**
 * Consent scopes: what a person can share with a professional, and with whom. Every feature that holds shared data
 * names its scope from here, and the access check takes one.
 * - `consentScopes`: every scope, in the order people see them. Journal entries and thought records are never a
 *   scope: a person shares a single entry by marking it "bespreek dit".
 * - `grantableScopes`: what a person chooses when they connect with a professional; `group` is never chosen there: it
 *   comes with joining a group training and is for that group's leaders only.
 * - `consentAudiences`: a grant is to one professional, or to their whole organisation (colleagues see it too); a
 *   grant of audience `group` lets in the leaders of one group.
 * - `parseScopes(values)`: the known scopes among form or JSON values, sorted and without doubles.
 */
export const consentScopes = ['measurements', 'programme', 'health_web', 'relationship_summary', 'group'] as const;
export type ConsentScope = (typeof consentScopes)[number];

export const grantableScopes = ['measurements', 'programme', 'health_web', 'relationship_summary'] as const satisfies readonly ConsentScope[];
export type GrantableScope = (typeof grantableScopes)[number];

/** Whom a grant lets in: the one professional (the default), or every professional of their organisation (a team). */
export const consentAudiences = ['professional', 'organisation'] as const;
export type ConsentAudience = (typeof consentAudiences)[number] | 'group';

export function isConsentScope(value: unknown): value is ConsentScope {
	return typeof value === 'string' && (consentScopes as readonly string[]).includes(value);
}

/** Known scopes only, in the canonical order; unknown values are dropped (the schema reports them). */
export function parseScopes(values: readonly unknown[]): ConsentScope[] {
	return consentScopes.filter((scope) => values.includes(scope));
}
