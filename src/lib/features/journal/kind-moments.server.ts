/**
 * Kind moments: small gestures of kindness or attention someone noticed (someone listened, greeted, helped).
 * - `noteKindMoment`, `deleteKindMoment`, `listKindMoments` (newest first); text encrypted at rest.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { decrypt, encrypt, encryptedColumns } from '$lib/server/crypto';
import type { SignedInAccount } from '$lib/features/accounts/accounts.server';
import { requireSignedIn } from '$lib/features/access/policy.server';
import { containsCrisisSignal } from '$lib/features/support/crisis-signals';
import { localDay } from '$lib/time';
import type { KindMomentInput } from './self-help.schema';

export interface KindMoment {
	id: string;
	day: string;
	body: string;
	createdAt: string;
}

const { kindMomentBody } = encryptedColumns;

export async function noteKindMoment(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; input: KindMomentInput; now?: Date }
): Promise<{ id: string; crisis: boolean }> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	const id = crypto.randomUUID();
	await db
		.insertInto('kind_moment')
		.values({ id, account_id: account.id, day: localDay(now), body: encrypt(options.input.body, kindMomentBody.context(id)), created_at: now.toISOString() })
		.execute();
	return { id, crisis: containsCrisisSignal(options.input.body) };
}

export async function deleteKindMoment(db: Kysely<Database>, options: { actor: SignedInAccount | null; id: string }): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('kind_moment').where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function listKindMoments(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; limit?: number }
): Promise<KindMoment[]> {
	const account = requireSignedIn(options.actor);
	const rows = await db
		.selectFrom('kind_moment')
		.selectAll()
		.where('account_id', '=', account.id)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(options.limit ?? 50)
		.execute();
	return rows.map((row) => ({ id: row.id, day: row.day, body: decrypt(row.body, kindMomentBody.context(row.id)), createdAt: row.created_at }));
}
