/**
 * The one place that decides access. Routes call these at the door, and use-cases call them again inside, so no
 * caller can forget. Each throws a SvelteKit HttpError: 401 without an account, 403 otherwise (pages show the
 * error page, the API turns it into problem+json).
 * - `requireSignedIn(actor)`: the account, or 401.
 * - `requireMembership(db, actor, { role, organisationId? })`: the actor's memberships with that role; professionals
 *   and admins must have two-step sign-in on.
 * - `requireOrganisationAdmin(db, actor, organisationId)`: shorthand for the admin role in one organisation.
 * - `requireClientAccess(db, actor, { personId, scope? })`: the person's active consent, within an organisation where
 *   the actor is still a professional: a grant to the actor, or to the whole organisation (audience 'organisation',
 *   a team). Scopes add up across the grants in one organisation; a grant to the actor picks the organisation (else
 *   the newest). Never the actor's own record: a professional is not their own client.
 * - `withClientAccess(db, actor, { personId, scope? }, work)`: `work` in a transaction that first queues behind any
 *   consent change of the person and then checks access, so a withdrawal is never overtaken by a read or a write.
 * - `reachesActor(actorId)`: the same "to the actor or to the whole organisation" as a Kysely condition on
 *   consent_grant, for lists (the caseload, the client list).
 */
import { error } from '@sveltejs/kit';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { MembershipRole } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { parseScopes, type ConsentScope } from '$lib/kernel/consent-scopes';
import { lockPersonForConsent } from '$lib/kernel/consent-lock.server';
import { chooseGrants, grantAllows, membershipAllows, type AccessReason, type MembershipFact } from './policy';

function refuse(status: 401 | 403, reason: AccessReason): never {
	const messages: Record<AccessReason, string> = {
		sign_in_required: 'Sign in first.',
		two_factor_required: 'Turn on two-step sign-in first.',
		no_access: 'You do not have access to this.'
	};
	error(status, { message: messages[reason], reason });
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

export interface ActiveGrant {
	id: string;
	personId: string;
	organisationId: string;
	/** The name the person chose for the professional, or their e-mail address. */
	personName: string;
	scopes: ConsentScope[];
	grantedAt: string;
	/** The person lets the whole organisation in (a team): colleagues see the same. */
	sharedWithTeam: boolean;
}

/** A grant lets the actor in when it names them, or names nobody in particular but their whole organisation. */
export function reachesActor(actorId: string) {
	return (eb: ExpressionBuilder<Database, 'consent_grant'>) =>
		eb.and([
			eb.or([eb('consent_grant.professional_id', '=', actorId), eb('consent_grant.audience', '=', 'organisation')]),
			// A professional who is also a client of their own team is never their own professional (notes about them).
			eb('consent_grant.person_id', '!=', actorId)
		]);
}

export async function requireClientAccess(
	db: Kysely<Database>,
	actor: SignedInAccount | null,
	options: { personId: string; scope?: ConsentScope }
): Promise<ActiveGrant> {
	const memberships = await requireMembership(db, actor, { role: 'professional' });
	const rows = await db
		.selectFrom('consent_grant')
		.selectAll()
		.where('consent_grant.person_id', '=', options.personId)
		.where(reachesActor(actor!.id))
		.where('ended_at', 'is', null)
		.where('organisation_id', 'in', memberships.map((m) => m.organisationId))
		.orderBy('granted_at', 'desc')
		.execute();
	const chosen = chooseGrants(rows.map(reachingGrant), actor!.id);
	if (!chosen || !grantAllows({ scopes: chosen.scopes, endedAt: null }, options.scope)) refuse(403, 'no_access');
	const { scopes } = chosen;
	const own = chosen.own.row;
	// A person may leave the name empty: pages then name them by their address, never by nothing.
	const personName =
		own.person_name ||
		(await db.selectFrom('account').select('email').where('id', '=', own.person_id).executeTakeFirstOrThrow()).email;
	return {
		id: own.id,
		personId: own.person_id,
		organisationId: own.organisation_id,
		personName,
		scopes,
		grantedAt: own.granted_at,
		sharedWithTeam: chosen.grants.some((grant) => grant.row.audience === 'organisation')
	};
}

export function withClientAccess<T>(
	db: Kysely<Database>,
	actor: SignedInAccount | null,
	options: { personId: string; scope?: ConsentScope },
	work: (trx: Kysely<Database>, grant: ActiveGrant, actor: SignedInAccount) => Promise<T>
): Promise<T> {
	return db.transaction().execute(async (trx) => {
		await lockPersonForConsent(trx, options.personId, 'share');
		const grant = await requireClientAccess(trx, actor, options);
		return work(trx, grant, actor!);
	});
}

/** A consent_grant row as `chooseGrants` takes it, keeping the row. */
export function reachingGrant<R extends { professional_id: string | null; organisation_id: string; granted_at: string; scopes: string }>(row: R) {
	return {
		professionalId: row.professional_id,
		organisationId: row.organisation_id,
		grantedAt: row.granted_at,
		scopes: parseScopes(JSON.parse(row.scopes) as unknown[]),
		row
	};
}
