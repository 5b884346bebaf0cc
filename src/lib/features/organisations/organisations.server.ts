/**
 * Organisations and the people who work in them. Every use-case checks access itself and audits admin actions.
 * - `createOrganisationWithAdmin`: the setup page: a new organisation and its first admin (a confirmed account).
 * - `listOrganisationsOfAccount`: the organisations someone works in, with their roles.
 * - `getOrganisationForAdmin`: name, members and open invitations, for its admins.
 * - `inviteMember`: mails an invitation to join as professional or admin.
 * - `revokeMemberInvitation`, `removeMember`: undo an invitation; end a membership (never the last admin).
 * - `findMemberInvitation`, `acceptMemberInvitation`, `joinWithNewAccount`, `accountExistsFor`: the invited
 *   person's side.
 */
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { MembershipRole, OrganisationKind } from '$lib/server/db/schema';
import type { Auth } from '$lib/server/auth/auth';
import { MailDeliveryError, type Mailer, type MailLocale } from '$lib/server/mail/mailer';
import { renderMail } from '$lib/server/mail/templates';
import type { Locale } from '$lib/paraglide/runtime';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireOrganisationAdmin, requireSignedIn } from '$lib/kernel/policy.server';
import { recordAuditEvent } from '$lib/kernel/audit.server';
import type { ConsentNarrowed } from '$lib/kernel/person-data';
import {
	createInvitationToken,
	hashInvitationToken,
	isLastAdmin,
	isWellFormedInvitationToken,
	memberInvitationDays
} from './organisations';
import { memberInvitationMail } from './organisation-mails';
import type { SetupClaim } from './setup-token.server';

const day = 24 * 60 * 60 * 1000;

/** Thrown inside the transaction to roll it back when the setup token was used meanwhile. */
class SetupTokenTaken extends Error {}

export async function createOrganisationWithAdmin(
	db: Kysely<Database>,
	auth: Auth,
	input: {
		organisation: { name: string; kind: OrganisationKind };
		admin: { name: string; email: string; password: string; locale: Locale };
		/** The setup page's token claim (setup-token.server.ts), taken in the same transaction as the organisation. */
		claim?: SetupClaim;
		now?: Date;
	}
): Promise<{ ok: true; organisationId: string; accountId: string } | { ok: false; reason: 'email_taken' | 'setup_token_used' | 'password_guessable' }> {
	const created = await createVerifiedAccount(auth, input.admin);
	if (!created.ok) return created;
	const now = (input.now ?? new Date()).toISOString();
	const organisationId = crypto.randomUUID();
	try {
		await db.transaction().execute(async (trx) => {
			if (input.claim && !(await input.claim(trx))) throw new SetupTokenTaken();
			await trx.insertInto('organisation').values({ id: organisationId, ...input.organisation, created_at: now }).execute();
			await trx
				.insertInto('membership')
				.values({ id: crypto.randomUUID(), organisation_id: organisationId, account_id: created.accountId, role: 'admin', created_at: now })
				.execute();
			await recordAuditEvent(trx, { actorId: created.accountId, organisationId, action: 'organisation.created' });
		});
	} catch (error) {
		if (!(error instanceof SetupTokenTaken)) throw error;
		// The sign-in layer made the account outside the transaction: without its organisation it must not stay.
		await db.deleteFrom('account').where('id', '=', created.accountId).execute();
		return { ok: false, reason: 'setup_token_used' };
	}
	return { ok: true, organisationId, accountId: created.accountId };
}

export interface OrganisationOfAccount {
	id: string;
	name: string;
	kind: OrganisationKind;
	roles: MembershipRole[];
}

export async function listOrganisationsOfAccount(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null }
): Promise<OrganisationOfAccount[]> {
	const account = requireSignedIn(options.actor);
	const rows = await db
		.selectFrom('membership')
		.innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
		.select(['organisation.id', 'organisation.name', 'organisation.kind', 'membership.role'])
		.where('membership.account_id', '=', account.id)
		.orderBy('organisation.name')
		.execute();
	const byId = new Map<string, OrganisationOfAccount>();
	for (const row of rows) {
		const entry = byId.get(row.id) ?? { id: row.id, name: row.name, kind: row.kind, roles: [] };
		entry.roles.push(row.role);
		byId.set(row.id, entry);
	}
	return [...byId.values()];
}

export interface OrganisationMember {
	membershipId: string;
	accountId: string;
	name: string;
	email: string;
	role: MembershipRole;
	twoFactorEnabled: boolean;
	since: string;
}

export async function getOrganisationForAdmin(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; organisationId: string; now?: Date }
) {
	await requireOrganisationAdmin(db, options.actor, options.organisationId);
	const organisation = await db
		.selectFrom('organisation')
		.select(['id', 'name', 'kind'])
		.where('id', '=', options.organisationId)
		.executeTakeFirstOrThrow();
	const members: OrganisationMember[] = (
		await db
			.selectFrom('membership')
			.innerJoin('account', 'account.id', 'membership.account_id')
			.select([
				'membership.id as membershipId',
				'account.id as accountId',
				'account.name',
				'account.email',
				'membership.role',
				'account.two_factor_enabled',
				'membership.created_at as since'
			])
			.where('membership.organisation_id', '=', options.organisationId)
			.orderBy('account.name')
			.orderBy('membership.role')
			.execute()
	).map(({ two_factor_enabled, ...member }) => ({ ...member, twoFactorEnabled: Boolean(two_factor_enabled) }));
	const invitations = await db
		.selectFrom('organisation_invitation')
		.select(['id', 'email', 'role', 'created_at as createdAt', 'expires_at as expiresAt'])
		.where('organisation_id', '=', options.organisationId)
		.where('expires_at', '>', (options.now ?? new Date()).toISOString())
		.orderBy('created_at', 'desc')
		.execute();
	return { organisation, members, invitations };
}

export async function inviteMember(
	db: Kysely<Database>,
	options: {
		actor: SignedInAccount | null;
		organisationId: string;
		email: string;
		role: MembershipRole;
		locale: MailLocale;
		mailer: Pick<Mailer, 'send'>;
		linkFor: (token: string, locale: MailLocale) => string;
		now?: Date;
	}
): Promise<{ ok: true } | { ok: false; reason: 'already_member' | 'mail_failed' }> {
	await requireOrganisationAdmin(db, options.actor, options.organisationId);
	const email = options.email.toLowerCase();
	const existing = await db
		.selectFrom('membership')
		.innerJoin('account', 'account.id', 'membership.account_id')
		.select('membership.id')
		.where('membership.organisation_id', '=', options.organisationId)
		.where('membership.role', '=', options.role)
		.where('account.email', '=', email)
		.executeTakeFirst();
	if (existing) return { ok: false, reason: 'already_member' };
	const organisation = await db
		.selectFrom('organisation')
		.select('name')
		.where('id', '=', options.organisationId)
		.executeTakeFirstOrThrow();
	const now = options.now ?? new Date();
	const token = createInvitationToken();
	const id = crypto.randomUUID();
	await db.transaction().execute(async (trx) => {
		// A new invitation replaces an older one for the same address and role: only the newest link works.
		await trx
			.deleteFrom('organisation_invitation')
			.where('organisation_id', '=', options.organisationId)
			.where('email', '=', email)
			.where('role', '=', options.role)
			.execute();
		await trx
			.insertInto('organisation_invitation')
			.values({
				id,
				organisation_id: options.organisationId,
				email,
				role: options.role,
				token_hash: hashInvitationToken(token),
				invited_by: options.actor!.id,
				created_at: now.toISOString(),
				expires_at: new Date(now.getTime() + memberInvitationDays * day).toISOString()
			})
			.execute();
		await recordAuditEvent(trx, {
			actorId: options.actor!.id,
			organisationId: options.organisationId,
			action: 'organisation.invitation_sent',
			object: options.role,
			now
		});
	});
	const data = { url: options.linkFor(token, options.locale), organisationName: organisation.name, role: options.role };
	try {
		await options.mailer.send({ to: email, ...renderMail(memberInvitationMail, data, options.locale) });
	} catch (error) {
		if (!(error instanceof MailDeliveryError)) throw error;
		// Unsent, the link exists nowhere: remove the invitation so the list does not promise a mail.
		await db.deleteFrom('organisation_invitation').where('id', '=', id).execute();
		return { ok: false, reason: 'mail_failed' };
	}
	return { ok: true };
}

export async function revokeMemberInvitation(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; organisationId: string; invitationId: string }
): Promise<boolean> {
	await requireOrganisationAdmin(db, options.actor, options.organisationId);
	return db.transaction().execute(async (trx) => {
		const deleted = await trx
			.deleteFrom('organisation_invitation')
			.where('id', '=', options.invitationId)
			.where('organisation_id', '=', options.organisationId)
			.executeTakeFirst();
		if (Number(deleted.numDeletedRows) === 0) return false;
		await recordAuditEvent(trx, {
			actorId: options.actor!.id,
			organisationId: options.organisationId,
			action: 'organisation.invitation_revoked'
		});
		return true;
	});
}

/** Ends a membership. A professional who leaves loses every client of this organisation at once. */
export async function removeMember(
	db: Kysely<Database>,
	options: {
		actor: SignedInAccount | null;
		organisationId: string;
		membershipId: string;
		now?: Date;
		/** What ends with the professional's work there (the composers loop over every feature). */
		narrowed: (trx: Kysely<Database>, change: ConsentNarrowed) => Promise<void>;
	}
): Promise<{ ok: true; removedSelf: boolean; role: MembershipRole } | { ok: false; reason: 'not_found' | 'last_admin' }> {
	await requireOrganisationAdmin(db, options.actor, options.organisationId);
	const now = (options.now ?? new Date()).toISOString();
	return db.transaction().execute(async (trx) => {
		await lockOrganisation(trx, options.organisationId);
		const members = await trx
			.selectFrom('membership')
			.select(['id as membershipId', 'role', 'account_id'])
			.where('organisation_id', '=', options.organisationId)
			.execute();
		const member = members.find((m) => m.membershipId === options.membershipId);
		if (!member) return { ok: false, reason: 'not_found' } as const;
		if (isLastAdmin(members, member.membershipId)) return { ok: false, reason: 'last_admin' } as const;
		await trx.deleteFrom('membership').where('id', '=', member.membershipId).execute();
		if (member.role === 'professional') {
			await trx
				.updateTable('consent_grant')
				.set({ ended_at: now, end_reason: 'professional_left' })
				.where('professional_id', '=', member.account_id)
				.where('organisation_id', '=', options.organisationId)
				// Consent to the whole organisation came through them, but was given to the team: it stays.
				.where('audience', '=', 'professional')
				.where('ended_at', 'is', null)
				.execute();
			await options.narrowed(trx, { organisationId: options.organisationId, professionalId: member.account_id, reason: 'professional_left', now });
			await trx
				.deleteFrom('client_invitation')
				.where('professional_id', '=', member.account_id)
				.where('organisation_id', '=', options.organisationId)
				.execute();
		}
		await recordAuditEvent(trx, {
			actorId: options.actor!.id,
			organisationId: options.organisationId,
			subjectId: member.account_id,
			action: 'organisation.member_removed',
			object: member.role
		});
		return { ok: true, removedSelf: member.account_id === options.actor!.id, role: member.role } as const;
	});
}

/**
 * Two admins removing each other at the same moment must not leave the organisation without one. PostgreSQL runs
 * such transactions side by side, so they queue on the organisation's row; SQLite runs them one at a time anyway.
 */
async function lockOrganisation(trx: Kysely<Database>, organisationId: string): Promise<void> {
	if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
	await trx.selectFrom('organisation').select('id').where('id', '=', organisationId).forUpdate().execute();
}

export interface MemberInvitationView {
	id: string;
	organisationId: string;
	organisationName: string;
	email: string;
	role: MembershipRole;
}

export async function findMemberInvitation(
	db: Kysely<Database>,
	options: { token: string; now?: Date }
): Promise<MemberInvitationView | undefined> {
	if (!isWellFormedInvitationToken(options.token)) return undefined;
	return db
		.selectFrom('organisation_invitation')
		.innerJoin('organisation', 'organisation.id', 'organisation_invitation.organisation_id')
		.select([
			'organisation_invitation.id',
			'organisation.id as organisationId',
			'organisation.name as organisationName',
			'organisation_invitation.email',
			'organisation_invitation.role'
		])
		.where('organisation_invitation.token_hash', '=', hashInvitationToken(options.token))
		.where('organisation_invitation.expires_at', '>', (options.now ?? new Date()).toISOString())
		.executeTakeFirst();
}

/** The signed-in account joins, if the invitation was sent to its address. */
export async function acceptMemberInvitation(
	db: Kysely<Database>,
	options: { token: string; actor: SignedInAccount | null; now?: Date }
): Promise<{ ok: true; organisationId: string; role: MembershipRole } | { ok: false; reason: 'invalid' | 'other_address' }> {
	const account = requireSignedIn(options.actor);
	const invitation = await findMemberInvitation(db, options);
	if (!invitation) return { ok: false, reason: 'invalid' };
	if (invitation.email !== account.email.toLowerCase()) return { ok: false, reason: 'other_address' };
	await join(db, invitation, account.id, options.now);
	return { ok: true, organisationId: invitation.organisationId, role: invitation.role };
}

/** Someone without an account joins: the invitation proves the address, so the account starts confirmed. */
export async function joinWithNewAccount(
	db: Kysely<Database>,
	auth: Auth,
	options: { token: string; name: string; password: string; locale: Locale; now?: Date }
): Promise<{ ok: true; email: string; organisationId: string; role: MembershipRole } | { ok: false; reason: 'invalid' | 'email_taken' | 'password_guessable' }> {
	const invitation = await findMemberInvitation(db, options);
	if (!invitation) return { ok: false, reason: 'invalid' };
	const created = await createVerifiedAccount(auth, {
		email: invitation.email,
		password: options.password,
		name: options.name,
		locale: options.locale
	});
	if (!created.ok) return created;
	await join(db, invitation, created.accountId, options.now);
	return { ok: true, email: invitation.email, organisationId: invitation.organisationId, role: invitation.role };
}

async function join(db: Kysely<Database>, invitation: MemberInvitationView, accountId: string, at = new Date()) {
	await db.transaction().execute(async (trx) => {
		// Whoever deletes the invitation joins; a second, simultaneous accept finds nothing to do.
		const deleted = await trx.deleteFrom('organisation_invitation').where('id', '=', invitation.id).executeTakeFirst();
		if (Number(deleted.numDeletedRows) === 0) return;
		const already = await trx
			.selectFrom('membership')
			.select('id')
			.where('organisation_id', '=', invitation.organisationId)
			.where('account_id', '=', accountId)
			.where('role', '=', invitation.role)
			.executeTakeFirst();
		if (already) return;
		await trx
			.insertInto('membership')
			.values({
				id: crypto.randomUUID(),
				organisation_id: invitation.organisationId,
				account_id: accountId,
				role: invitation.role,
				created_at: at.toISOString()
			})
			.execute();
		await recordAuditEvent(trx, {
			actorId: accountId,
			organisationId: invitation.organisationId,
			subjectId: accountId,
			action: 'organisation.member_joined',
			object: invitation.role,
			now: at
		});
	});
}

/** For the invitation page only: whether to offer "sign in" or "create an account" to the holder of the link. */
export async function accountExistsFor(db: Kysely<Database>, email: string): Promise<boolean> {
	const row = await db.selectFrom('account').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst();
	return row !== undefined;
}
