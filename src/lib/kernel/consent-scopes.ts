/**
 * Consent scopes: what a person can share with a professional, and with whom. Every feature that holds shared data
 * names its scope from here, and the access check takes one.
 * - `consentScopes`: every scope, in the order people see them. Journal entries and thought records are never a
 *   scope: a person shares a single entry by marking it "bespreek dit".
 * - `consentAudiences`: a grant is to one professional, or to their whole organisation (colleagues see it too).
 * - `parseScopes(values)`: the known scopes among form or JSON values, sorted and without doubles.
 */
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
