/**
 * Keeps no address longer than needed.
 * - `purgeUnconfirmedAccounts`: removes accounts whose address was never confirmed once the link has expired
 *   (someone may have typed another person's address; that person never agreed to be in brug).
 * - `purgeExpiredInvitationsAndTokens`: expired invitations (they hold someone's address) and API tokens a month
 *   after they stopped working.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { DatabaseKind } from '$lib/server/db/client';
import { emailVerificationHours } from '$lib/server/mail/templates';

export async function purgeUnconfirmedAccounts(
	db: Kysely<Database>,
	options: { kind: DatabaseKind; now?: Date }
): Promise<number> {
	const cutoff = new Date((options.now ?? new Date()).getTime() - emailVerificationHours * 60 * 60 * 1000);
	// better-auth writes native values on PostgreSQL and ISO text and 0/1 on SQLite (see schema.ts).
	const postgres = options.kind === 'postgres';
	const result = await db
		.deleteFrom('account')
		.where('email_verified', '=', postgres ? false : 0)
		.where('created_at', '<', postgres ? cutoff : cutoff.toISOString())
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function purgeExpiredInvitationsAndTokens(db: Kysely<Database>, options: { now?: Date } = {}): Promise<number> {
	const now = options.now ?? new Date();
	const monthAgo = new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000).toISOString();
	// One after the other: housekeeping is never in a hurry, and it should hold one connection at most.
	const removed = [
		await db.deleteFrom('client_invitation').where('expires_at', '<=', now.toISOString()).executeTakeFirst(),
		await db.deleteFrom('organisation_invitation').where('expires_at', '<=', now.toISOString()).executeTakeFirst(),
		await db.deleteFrom('api_token').where('expires_at', '<=', monthAgo).executeTakeFirst()
	];
	return removed.reduce((sum, result) => sum + Number(result.numDeletedRows), 0);
}
