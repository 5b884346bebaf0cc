/**
 * Personal API tokens: a person lets a script or app use the JSON API as themselves, and can take that back.
 * - `createApiToken`: a new token with a label; the secret is returned once and only its hash is kept.
 * - `listApiTokens`: the person's tokens (never the secrets), newest first, expired ones included.
 * - `revokeApiToken`: deletes one of the person's tokens; it stops working at once.
 * - `revokeAllApiTokens`: with "sign out everywhere": every token of the person stops working.
 * - `accountForApiToken`: the account behind a token presented to the API, or null (unknown or expired).
 * A token acts with the account's full rights, including a professional's (their two-step sign-in was checked when
 * the session that created it began).
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { apiTokenDays, createApiTokenSecret, hashApiToken, isWellFormedApiToken, lastUsedPrecisionMs } from './api-tokens';
import { apiTokenLabelMaxLength } from './api-tokens.schema';

const day = 24 * 60 * 60 * 1000;

export interface ApiTokenView {
	id: string;
	label: string;
	createdAt: string;
	lastUsedAt: string | null;
	expiresAt: string;
}

export async function createApiToken(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; label: string; now?: Date }
): Promise<{ id: string; token: string; expiresAt: string }> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	const id = crypto.randomUUID();
	const token = createApiTokenSecret();
	const expiresAt = new Date(now.getTime() + apiTokenDays * day).toISOString();
	await db
		.insertInto('api_token')
		.values({
			id,
			account_id: account.id,
			// The form's schema already trims and limits it; this keeps other callers within the same bounds.
			label: options.label.trim().slice(0, apiTokenLabelMaxLength),
			token_hash: hashApiToken(token),
			created_at: now.toISOString(),
			last_used_at: null,
			expires_at: expiresAt
		})
		.execute();
	return { id, token, expiresAt };
}

export async function listApiTokens(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null }
): Promise<ApiTokenView[]> {
	const account = requireSignedIn(options.actor);
	return db
		.selectFrom('api_token')
		.select(['id', 'label', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'expires_at as expiresAt'])
		.where('account_id', '=', account.id)
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.execute();
}

export async function revokeApiToken(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; tokenId: string }
): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db
		.deleteFrom('api_token')
		.where('id', '=', options.tokenId)
		.where('account_id', '=', account.id)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function revokeAllApiTokens(db: Kysely<Database>, options: { actor: SignedInAccount | null }): Promise<number> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('api_token').where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function accountForApiToken(
	db: Kysely<Database>,
	token: string,
	now: Date = new Date()
): Promise<SignedInAccount | null> {
	if (!isWellFormedApiToken(token)) return null;
	const row = await db
		.selectFrom('api_token')
		.innerJoin('account', 'account.id', 'api_token.account_id')
		.select([
			'api_token.id as tokenId',
			'api_token.last_used_at as lastUsedAt',
			'account.id',
			'account.email',
			'account.locale',
			'account.two_factor_enabled'
		])
		.where('api_token.token_hash', '=', hashApiToken(token))
		.where('api_token.expires_at', '>', now.toISOString())
		.executeTakeFirst();
	if (!row) return null;
	if (row.lastUsedAt === null || now.getTime() - new Date(row.lastUsedAt).getTime() >= lastUsedPrecisionMs) {
		await db.updateTable('api_token').set({ last_used_at: now.toISOString() }).where('id', '=', row.tokenId).execute();
	}
	return {
		id: row.id,
		email: row.email,
		locale: row.locale === 'en' ? 'en' : 'nl',
		twoFactorEnabled: Boolean(row.two_factor_enabled)
	};
}
