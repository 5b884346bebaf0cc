/**
 * Consent between a person and a professional: the person's side. The person decides; every decision is kept as
 * history. (The professional's invitation codes are in client-invitations.server.ts.)
 * - `acceptClientInvitation`: connect with the chosen scopes, for only the professional or their whole organisation.
 * - `listConsentGrantsForPerson`: current and past grants, newest first.
 * - `changeConsentScopes`: ends the grant and starts a new one with other scopes or audience (history is never edited).
 * - `withdrawConsent`: ends a grant; access ends at once, since every read checks for an active grant.
 */
import type { ConsentNarrowed } from '$lib/kernel/person-data';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { decrypt, encrypt, encryptedColumns } from '$lib/server/crypto';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { recordAuditEvent } from '$lib/kernel/audit.server';
import { parseScopes, type ConsentAudience, type ConsentScope } from '$lib/kernel/consent-scopes';
import { findClientInvitation } from './client-invitations.server';
import { lockPersonForConsent } from '$lib/kernel/consent-lock.server';
import { setReportConsent } from '$lib/features/report-consent/index.server';

// The consent use-cases in one import for tests and the pages that use several (their homes are the modules named).
export { lockPersonForConsent };
export { createClientInvitation, findClientInvitation, listClientInvitations, revokeClientInvitation, type ClientInvitationView } from './client-invitations.server';

/**
 * What ends when consent narrows, given by the caller (the composers loop over every feature's `consentNarrowed`), so
 * consent needs to know no feature that depends on it.
 */
export type NarrowedHandler = (trx: Kysely<Database>, change: ConsentNarrowed) => Promise<void>;

export async function acceptClientInvitation(
	db: Kysely<Database>,
	options: {
		actor: SignedInAccount | null;
		code: string;
		scopes: ConsentScope[];
		personName: string;
		audience?: ConsentAudience;
		/** Count in the organisation's figures (true), or not (false); left out: as it is. */
		countInReports?: boolean;
		now?: Date;
		narrowed: NarrowedHandler;
	}
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
				person_name: encrypt(options.personName.trim(), encryptedColumns.consentPersonName.context(grantId)),
				granted_at: now,
				ended_at: null,
				end_reason: null,
				previous_grant_id: current?.id ?? null
			})
			.execute();
		// After the new grant: connecting again for only the professional takes the team's requests away, never theirs.
		if (current) await options.narrowed(trx, { personId: account.id, organisationId: invitation.organisationId, reason: 'consent_changed', now });
		await recordAuditEvent(trx, {
			actorId: account.id,
			organisationId: invitation.organisationId,
			subjectId: account.id,
			action: 'consent.granted',
			object: parseScopes(options.scopes).join(','),
			now: new Date(now)
		});
		if (options.countInReports !== undefined) {
			await setReportConsent(trx, { personId: account.id, organisationId: invitation.organisationId, on: options.countInReports, now: new Date(now) });
		}
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
	return rows.map((row) => ({
		...row,
		personName: decrypt(row.personName, encryptedColumns.consentPersonName.context(row.id)),
		professionalActive: Boolean(row.professionalActive),
		scopes: parseScopes(JSON.parse(row.scopes) as unknown[])
	}));
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
	options: { actor: SignedInAccount | null; grantId: string; scopes: ConsentScope[]; audience?: ConsentAudience; now?: Date; narrowed: NarrowedHandler }
): Promise<{ ok: true; grantId: string } | { ok: false; reason: 'not_found' | 'professional_left' }> {
	const account = requireSignedIn(options.actor);
	const now = (options.now ?? new Date()).toISOString();
	const scopes = parseScopes(options.scopes);
	return db.transaction().execute(async (trx) => {
		await lockPersonForConsent(trx, account.id, 'update');
		const current = await activeGrantOf(trx, account.id, options.grantId);
		// A place in a group is joined and left, not reshaped: its grant carries what the group needs, no more.
		if (!current || current.audience === 'group') return { ok: false, reason: 'not_found' } as const;
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
				// The ciphertext is bound to its row: the new grant gets the name encrypted for its own id.
				person_name: encrypt(
					decrypt(current.person_name, encryptedColumns.consentPersonName.context(current.id)),
					encryptedColumns.consentPersonName.context(grantId)
				),
				scopes: JSON.stringify(scopes),
				audience,
				granted_at: now,
				previous_grant_id: current.id
			})
			.execute();
		// What the new grant no longer covers (a scope, or the team taken away) ends with it.
		await options.narrowed(trx, { personId: account.id, organisationId: current.organisation_id, reason: 'consent_changed', now });
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
	options: { actor: SignedInAccount | null; grantId: string; now?: Date; narrowed: NarrowedHandler }
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
		// What it covered ends too (open requests), so it never comes back if the person connects again.
		await options.narrowed(trx, { personId: account.id, organisationId: current.organisation_id, reason: 'consent_withdrawn', now });
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
