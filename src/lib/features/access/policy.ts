/**
 * Who may do what: the rules as plain data and functions, so they are tested without a database.
 * - `AccessReason`: why access was refused; pages and the API turn it into words.
 * - `grantAllows(grant, scope)`: an active grant that includes the scope.
 * - `membershipAllows(memberships, need)`: a membership with that role (in that organisation, when given).
 */
import type { ConsentScope } from '$lib/features/consent/consent';
import type { MembershipRole } from '$lib/server/db/schema';

export type AccessReason = 'sign_in_required' | 'two_factor_required' | 'no_access';

export interface MembershipFact {
	organisationId: string;
	role: MembershipRole;
}

export interface GrantFact {
	scopes: readonly ConsentScope[];
	endedAt: string | null;
}

export function grantAllows(grant: GrantFact | undefined, scope?: ConsentScope): boolean {
	if (!grant || grant.endedAt !== null) return false;
	return scope === undefined || grant.scopes.includes(scope);
}

export function membershipAllows(
	memberships: readonly MembershipFact[],
	need: { role: MembershipRole; organisationId?: string }
): boolean {
	return memberships.some(
		(m) => m.role === need.role && (need.organisationId === undefined || m.organisationId === need.organisationId)
	);
}
