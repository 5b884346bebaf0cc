/**
 * A professional's invitations to people: a short code, optionally mailed, that a person types to connect.
 * - `createClientInvitation`: a new code (8 characters, 14 days, single use, stored as a hash).
 * - `listClientInvitations`, `revokeClientInvitation`: the professional's open invitations.
 * - `findClientInvitation`: who invites, before the person decides (consent.server.ts accepts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { MailDeliveryError, type Mailer, type MailLocale } from '$lib/server/mail/mailer';
import { renderMail } from '$lib/server/mail/templates';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireMembership } from '$lib/kernel/policy.server';
import { recordAuditEvent } from '$lib/kernel/audit.server';
import { clientInvitationDays, createClientCode, formatClientCode, hashClientCode, normaliseClientCode } from './consent';
import { clientInvitationMail } from './consent-mails';

const day = 24 * 60 * 60 * 1000;

export async function createClientInvitation(
	db: Kysely<Database>,
	options: {
		actor: SignedInAccount | null;
		organisationId?: string;
		email?: string;
		locale: MailLocale;
		mailer: Pick<Mailer, 'send'>;
		linkFor: (code: string, locale: MailLocale) => string;
		now?: Date;
	}
): Promise<{ id: string; code: string; expiresAt: string; organisationId: string; mailed: boolean }> {
	const memberships = await requireMembership(db, options.actor, {
		role: 'professional',
		organisationId: options.organisationId
	});
	const organisationId = memberships[0]!.organisationId;
	const now = options.now ?? new Date();
	const code = createClientCode();
	const id = crypto.randomUUID();
	const expiresAt = new Date(now.getTime() + clientInvitationDays * day).toISOString();
	const email = options.email?.toLowerCase() || null;
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('client_invitation')
			.values({
				id,
				professional_id: options.actor!.id,
				organisation_id: organisationId,
				email,
				code_hash: hashClientCode(code),
				created_at: now.toISOString(),
				expires_at: expiresAt
			})
			.execute();
		await recordAuditEvent(trx, { actorId: options.actor!.id, organisationId, action: 'client_invitation.created', object: id, now });
	});
	if (email) {
		const professional = await db.selectFrom('account').select('name').where('id', '=', options.actor!.id).executeTakeFirstOrThrow();
		const organisation = await db.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow();
		const names = { professionalName: professional.name, organisationName: organisation.name };
		const data = { url: options.linkFor(code, options.locale), code: formatClientCode(code), ...names };
		try {
			await options.mailer.send({ to: email, ...renderMail(clientInvitationMail, data, options.locale) });
		} catch (error) {
			// The code still works: the professional hands it over instead (the page says the mail failed).
			if (!(error instanceof MailDeliveryError)) throw error;
			return { id, code, expiresAt, organisationId, mailed: false };
		}
	}
	return { id, code, expiresAt, organisationId, mailed: email !== null };
}

export async function listClientInvitations(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; now?: Date }
) {
	await requireMembership(db, options.actor, { role: 'professional' });
	return db
		.selectFrom('client_invitation')
		.innerJoin('organisation', 'organisation.id', 'client_invitation.organisation_id')
		.select([
			'client_invitation.id',
			'client_invitation.email',
			'organisation.name as organisationName',
			'client_invitation.created_at as createdAt',
			'client_invitation.expires_at as expiresAt'
		])
		.where('client_invitation.professional_id', '=', options.actor!.id)
		.where('client_invitation.expires_at', '>', (options.now ?? new Date()).toISOString())
		.orderBy('client_invitation.created_at', 'desc')
		.execute();
}

export async function revokeClientInvitation(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; invitationId: string }
): Promise<boolean> {
	await requireMembership(db, options.actor, { role: 'professional' });
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('client_invitation')
			.select(['id', 'organisation_id'])
			.where('id', '=', options.invitationId)
			.where('professional_id', '=', options.actor!.id)
			.executeTakeFirst();
		if (!row) return false;
		await trx.deleteFrom('client_invitation').where('id', '=', row.id).execute();
		await recordAuditEvent(trx, {
			actorId: options.actor!.id,
			organisationId: row.organisation_id,
			action: 'client_invitation.revoked',
			object: row.id
		});
		return true;
	});
}

export interface ClientInvitationView {
	id: string;
	professionalId: string;
	professionalName: string;
	organisationId: string;
	organisationName: string;
}

/** Only an open invitation from someone who still works as a professional in that organisation. */
export async function findClientInvitation(
	db: Kysely<Database>,
	options: { code: string; now?: Date }
): Promise<ClientInvitationView | undefined> {
	const code = normaliseClientCode(options.code);
	if (!code) return undefined;
	return db
		.selectFrom('client_invitation')
		.innerJoin('account', 'account.id', 'client_invitation.professional_id')
		.innerJoin('organisation', 'organisation.id', 'client_invitation.organisation_id')
		.innerJoin('membership', (join) =>
			join
				.onRef('membership.account_id', '=', 'client_invitation.professional_id')
				.onRef('membership.organisation_id', '=', 'client_invitation.organisation_id')
				.on('membership.role', '=', 'professional')
		)
		.select([
			'client_invitation.id',
			'client_invitation.professional_id as professionalId',
			'account.name as professionalName',
			'organisation.id as organisationId',
			'organisation.name as organisationName'
		])
		.where('client_invitation.code_hash', '=', hashClientCode(code))
		.where('client_invitation.expires_at', '>', (options.now ?? new Date()).toISOString())
		.executeTakeFirst();
}
