/**
 * Who may do what: the rules as plain data and functions, so they are tested without a database.
 * - `AccessReason`: why access was refused; pages and the API turn it into words.
 * - `membershipAllows(memberships, need)`: a membership with that role (in that organisation, when given).
 * - `chooseGrants(grants, actorId)`: of a person's active grants that reach a professional, the ones that count.
 */
import { parseScopes, type ConsentScope } from '$lib/kernel/consent-scopes';
import type { MembershipRole } from '$lib/server/db/schema';

export type AccessReason = 'sign_in_required' | 'two_factor_required' | 'no_access';

export interface MembershipFact {
	organisationId: string;
	role: MembershipRole;
}

export function membershipAllows(
	memberships: readonly MembershipFact[],
	need: { role: MembershipRole; organisationId?: string }
): boolean {
	return memberships.some(
		(m) => m.role === need.role && (need.organisationId === undefined || m.organisationId === need.organisationId)
	);
}

export interface ReachingGrant {
	/** Null once that professional's account is gone (a team grant still counts). */
	professionalId: string | null;
	organisationId: string;
	grantedAt: string;
	scopes: readonly ConsentScope[];
}

/**
 * One organisation's grants count, because notes and ratings belong to one organisation: the one of a grant that
 * names the actor, else of the newest grant (a team grant). Within it, a grant to the actor and one to the team add
 * up. `own` is the grant that names the actor, else the newest. Null without grants.
 */
export function chooseGrants<G extends ReachingGrant>(
	grants: readonly G[],
	actorId: string
): { organisationId: string; grants: G[]; own: G; scopes: ConsentScope[] } | null {
	// Newest first; the same instant in two organisations is decided by the organisation, never by row order.
	const newestFirst = [...grants].sort((a, b) => b.grantedAt.localeCompare(a.grantedAt) || a.organisationId.localeCompare(b.organisationId));
	const pick = newestFirst.find((g) => g.professionalId === actorId) ?? newestFirst[0];
	if (!pick) return null;
	const inOrganisation = newestFirst.filter((g) => g.organisationId === pick.organisationId);
	const scopes = parseScopes(inOrganisation.flatMap((g) => g.scopes));
	return { organisationId: pick.organisationId, grants: inOrganisation, own: pick, scopes };
}
