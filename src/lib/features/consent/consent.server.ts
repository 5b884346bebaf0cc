/**
 * Consent between a person and a professional. The person decides; every decision is kept as history.
 * Professional side:
 * - `createClientInvitation`: a short code (optionally mailed) that a person types to connect.
 * - `listClientInvitations`, `revokeClientInvitation`: the professional's open invitations.
 * Person side:
 * - `findClientInvitation`: who invites, before the person decides.
 * - `acceptClientInvitation`: connect with the chosen scopes, for only the professional or their whole organisation.
 * - `listConsentGrantsForPerson`: current and past grants, newest first.
 * - `changeConsentScopes`: ends the grant and starts a new one with other scopes or audience (history is never edited).
 * - `withdrawConsent`: ends a grant; access ends at once, since every read checks for an active grant.
 */
import { endMeasurementRequests } from '$lib/features/measurement-requests/measurement-requests.server';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { lockPersonForConsent } from './consent-lock.server';

export { lockPersonForConsent };
import type { Database } from '$lib/server/db';
import { MailDeliveryError, type Mailer, type MailLocale } from '$lib/server/mail/mailer';
import { renderMail } from '$lib/server/mail/templates';
import type { SignedInAccount } from '$lib/features/accounts/accounts.server';
import { requireMembership, requireSignedIn } from '$lib/features/access/policy.server';
import { recordAuditEvent } from '$lib/features/audit/audit.server';
import {
	clientInvitationDays,
	createClientCode,
	formatClientCode,
	hashClientCode,
	normaliseClientCode,
	parseScopes,
	type ConsentAudience,
	type ConsentScope
} from './consent';
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

export async function acceptClientInvitation(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; code: string; scopes: ConsentScope[]; personName: string; audience?: ConsentAudience; now?: Date }
): Promise<{ ok: true; grantId: string } | { ok: false; reason: 'invalid' | 'own_invitation' }> {
	const account = requireSignedIn(options.actor);
	const invitation = await findClientInvitation(db, options);
	if (!invitation) return { ok: false, reason: 'invalid' };
	if (invitation.professionalId === account.id) return { ok: false, reason: 'own_invitation' };
	const now = (options.now ?? new Date()).toISOString();
	const grantId = crypto.randomUUID();
	const used = await db.transaction().execute(async (trx) => {
		await lockPersonForConsent(trx, account.id, 'update');
		// Single use, also when two people type the code at the same moment: only the one who deletes it goes on.
		const deleted = await trx.deleteFrom('client_invitation').where('id', '=', invitation.id).executeTakeFirst();
		if (Number(deleted.numDeletedRows) === 0) return false;
		// Connecting again with the same professional replaces the current grant, keeping it as history.
		const current = await trx
			.selectFrom('consent_grant')
			.select('id')
			.where('person_id', '=', account.id)
			.where('professional_id', '=', invitation.professionalId)
			.where('organisation_id', '=', invitation.organisationId)
			.where('ended_at', 'is', null)
			.executeTakeFirst();
		if (current) {
			await trx
				.updateTable('consent_grant')
				.set({ ended_at: now, end_reason: 'changed' })
				.where('id', '=', current.id)
				.where('ended_at', 'is', null)
				.execute();
		}
		await trx
			.insertInto('consent_grant')
			.values({
				id: grantId,
				person_id: account.id,
				professional_id: invitation.professionalId,
				organisation_id: invitation.organisationId,
				scopes: JSON.stringify(parseScopes(options.scopes)),
				audience: options.audience ?? 'professional',
				person_name: options.personName.trim(),
				granted_at: now,
				ended_at: null,
				end_reason: null,
				previous_grant_id: current?.id ?? null
			})
			.execute();
		// After the new grant: connecting again for only the professional takes the team's requests away, never theirs.
		if (current) await endMeasurementRequests(trx, { personId: account.id, organisationId: invitation.organisationId, reason: 'consent_changed', now });
		await recordAuditEvent(trx, {
			actorId: account.id,
			organisationId: invitation.organisationId,
			subjectId: account.id,
			action: 'consent.granted',
			object: parseScopes(options.scopes).join(','),
			now: new Date(now)
		});
		return true;
	});
	if (!used) return { ok: false, reason: 'invalid' };
	return { ok: true, grantId };
}

export interface ConsentGrantView {
	id: string;
	professionalName: string | null;
	organisationName: string | null;
	personName: string;
	scopes: ConsentScope[];
	audience: ConsentAudience;
	/** The professional still works in the organisation: "only them" is a choice that can still mean something. */
	professionalActive: boolean;
	grantedAt: string;
	endedAt: string | null;
	endReason: string | null;
}

export async function listConsentGrantsForPerson(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null }
): Promise<ConsentGrantView[]> {
	const account = requireSignedIn(options.actor);
	const rows = await db
		.selectFrom('consent_grant')
		.leftJoin('account as professional', 'professional.id', 'consent_grant.professional_id')
		.leftJoin('organisation', 'organisation.id', 'consent_grant.organisation_id')
		.select([
			'consent_grant.id',
			'professional.name as professionalName',
			'organisation.name as organisationName',
			'consent_grant.person_name as personName',
			'consent_grant.scopes',
			'consent_grant.audience',
			'consent_grant.granted_at as grantedAt',
			'consent_grant.ended_at as endedAt',
			'consent_grant.end_reason as endReason',
			(eb) => stillProfessional(eb).as('professionalActive')
		])
		.where('consent_grant.person_id', '=', account.id)
		.orderBy('consent_grant.granted_at', 'desc')
		// A change ends one grant and starts the next in the same millisecond: the current one comes first.
		.orderBy((eb) => eb.case().when('consent_grant.ended_at', 'is', null).then(0).else(1).end())
		.orderBy('consent_grant.ended_at', 'desc')
		.execute();
	return rows.map((row) => ({ ...row, professionalActive: Boolean(row.professionalActive), scopes: parseScopes(JSON.parse(row.scopes) as unknown[]) }));
}

/** Whether the grant's professional is still a professional of the grant's organisation. */
function stillProfessional(eb: ExpressionBuilder<Database, 'consent_grant'>) {
	return eb.exists(
		eb
			.selectFrom('membership')
			.select('membership.id')
			.whereRef('membership.account_id', '=', 'consent_grant.professional_id')
			.whereRef('membership.organisation_id', '=', 'consent_grant.organisation_id')
			.where('membership.role', '=', 'professional')
	);
}

async function activeGrantOf(db: Kysely<Database>, personId: string, grantId: string) {
	return db
		.selectFrom('consent_grant')
		.selectAll()
		.where('id', '=', grantId)
		.where('person_id', '=', personId)
		.where('ended_at', 'is', null)
		.executeTakeFirst();
}

export async function changeConsentScopes(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; grantId: string; scopes: ConsentScope[]; audience?: ConsentAudience; now?: Date }
): Promise<{ ok: true; grantId: string } | { ok: false; reason: 'not_found' | 'professional_left' }> {
	const account = requireSignedIn(options.actor);
	const now = (options.now ?? new Date()).toISOString();
	const scopes = parseScopes(options.scopes);
	return db.transaction().execute(async (trx) => {
		await lockPersonForConsent(trx, account.id, 'update');
		const current = await activeGrantOf(trx, account.id, options.grantId);
		if (!current) return { ok: false, reason: 'not_found' } as const;
		const audience = options.audience ?? current.audience;
		// A team grant outlives the professional who invited; "only them" would then be a grant nobody can use.
		if (audience === 'professional') {
			const working = await trx
				.selectFrom('membership')
				.select('id')
				.where('account_id', '=', current.professional_id)
				.where('organisation_id', '=', current.organisation_id)
				.where('role', '=', 'professional')
				.executeTakeFirst();
			if (!working) return { ok: false, reason: 'professional_left' } as const;
		}
		const grantId = crypto.randomUUID();
		await trx
			.updateTable('consent_grant')
			.set({ ended_at: now, end_reason: 'changed' })
			.where('id', '=', current.id)
			.where('ended_at', 'is', null)
			.execute();
		await trx
			.insertInto('consent_grant')
			.values({
				...current,
				id: grantId,
				scopes: JSON.stringify(scopes),
				audience,
				granted_at: now,
				previous_grant_id: current.id
			})
			.execute();
		// Requests the new grant no longer covers (no measurements scope, or no longer the team) end with it.
		await endMeasurementRequests(trx, { personId: account.id, organisationId: current.organisation_id, reason: 'consent_changed', now });
		await recordAuditEvent(trx, {
			actorId: account.id,
			organisationId: current.organisation_id,
			subjectId: account.id,
			action: 'consent.changed',
			object: scopes.join(','),
			now: new Date(now)
		});
		return { ok: true, grantId } as const;
	});
}

export async function withdrawConsent(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; grantId: string; now?: Date }
): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const now = (options.now ?? new Date()).toISOString();
	return db.transaction().execute(async (trx) => {
		await lockPersonForConsent(trx, account.id, 'update');
		const current = await activeGrantOf(trx, account.id, options.grantId);
		if (!current) return false;
		await trx
			.updateTable('consent_grant')
			.set({ ended_at: now, end_reason: 'withdrawn' })
			.where('id', '=', current.id)
			.where('ended_at', 'is', null)
			.execute();
		// Open requests end too, so they never come back if the person connects with this professional again.
		await endMeasurementRequests(trx, { personId: account.id, organisationId: current.organisation_id, reason: 'consent_withdrawn', now });
		await recordAuditEvent(trx, {
			actorId: account.id,
			organisationId: current.organisation_id,
			subjectId: account.id,
			action: 'consent.withdrawn',
			now: new Date(now)
		});
		return true;
	});
}
