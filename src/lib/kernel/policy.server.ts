/**
 * The one place that decides access. Routes call these at the door, and use-cases call them again inside, so no
 * caller can forget. Each throws a SvelteKit HttpError: 401 without an account, 403 otherwise (pages show the
 * error page, the API turns it into problem+json).
 * - `requireSignedIn(actor)`: the account, or 401.
 * - `requireMembership(db, actor, { role, organisationId? })`: the actor's memberships with that role; professionals
 *   and admins must have two-step sign-in on.
 * - `requireOrganisationAdmin(db, actor, organisationId)`: shorthand for the admin role in one organisation.
 * - `requireClientAccess(db, actor, { personId, scope?, withGroups? })`: the actor is a professional (with two-step
 *   sign-in) and the set-based rule `clientGrants` lets them read the person (for that scope). Without a scope only
 *   a guidance grant counts; `withGroups` lets a group's leader in too (the client page shows them the group part).
 * - `withClientAccess(db, actor, { personId, scope? }, work)`: `work` in a transaction that first queues behind any
 *   consent change of the person and then checks access, so a withdrawal is never overtaken by a read or a write.
 */
import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { MembershipRole } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { ConsentScope } from './consent-scopes';
import { lockPersonForConsent } from './consent-lock.server';
import { clientGrants, type ClientGrant } from './client-access.server';
import { membershipAllows, type AccessReason, type MembershipFact } from './policy';

function refuse(status: 401 | 403, reason: AccessReason): never {
	const messages: Record<AccessReason, string> = {
		sign_in_required: 'Sign in first.',
		two_factor_required: 'Turn on two-step sign-in first.',
		no_access: 'You do not have access to this.'
	};
	error(status, messages[reason], { reason });
}

export function requireSignedIn(actor: SignedInAccount | null): SignedInAccount {
	if (!actor) refuse(401, 'sign_in_required');
	return actor;
}

export async function membershipsOf(db: Kysely<Database>, accountId: string): Promise<MembershipFact[]> {
	const rows = await db
		.selectFrom('membership')
		.select(['organisation_id', 'role'])
		.where('account_id', '=', accountId)
		.execute();
	return rows.map((r) => ({ organisationId: r.organisation_id, role: r.role }));
}

export async function requireMembership(
	db: Kysely<Database>,
	actor: SignedInAccount | null,
	need: { role: MembershipRole; organisationId?: string }
): Promise<MembershipFact[]> {
	const account = requireSignedIn(actor);
	const memberships = await membershipsOf(db, account.id);
	if (!membershipAllows(memberships, need)) refuse(403, 'no_access');
	// Professionals and admins reach other people's data: a password alone is not enough.
	if (!account.twoFactorEnabled) refuse(403, 'two_factor_required');
	return memberships.filter(
		(m) => m.role === need.role && (need.organisationId === undefined || m.organisationId === need.organisationId)
	);
}

export async function requireOrganisationAdmin(
	db: Kysely<Database>,
	actor: SignedInAccount | null,
	organisationId: string
): Promise<MembershipFact> {
	const [membership] = await requireMembership(db, actor, { role: 'admin', organisationId });
	return membership!;
}

/** The grants that let the actor read one client (see `clientGrants`). */
export type ActiveGrant = ClientGrant;

export async function requireClientAccess(
	db: Kysely<Database>,
	actor: SignedInAccount | null,
	options: { personId: string; scope?: ConsentScope; withGroups?: boolean }
): Promise<ActiveGrant> {
	await requireMembership(db, actor, { role: 'professional' });
	const grant = (
		await clientGrants(db, { professionalId: actor!.id, personIds: [options.personId], scope: options.scope, withGroups: options.withGroups })
	).get(options.personId);
	if (!grant) refuse(403, 'no_access');
	return grant;
}

export function withClientAccess<T>(
	db: Kysely<Database>,
	actor: SignedInAccount | null,
	options: { personId: string; scope?: ConsentScope; withGroups?: boolean },
	work: (trx: Kysely<Database>, grant: ActiveGrant, actor: SignedInAccount) => Promise<T>
): Promise<T> {
	return db.transaction().execute(async (trx) => {
		await lockPersonForConsent(trx, options.personId, 'share');
		const grant = await requireClientAccess(trx, actor, options);
		return work(trx, grant, actor!);
	});
}
