/**
 * Kind moments: small gestures of kindness or attention someone noticed (someone listened, greeted, helped).
 * Text is encrypted at rest; each use-case reaches only the acting person's own moments.
 * - `noteKindMoment`, `updateKindMoment`, `deleteKindMoment`: write; the answer of note and update says whether a
 *   crisis signal was seen (the moment is always saved).
 * - `listKindMoments`: newest first, paged by `before` (`<created-at>|<id>` of the last moment of a page, see db/cursor.ts).
 * - `getKindMoment`: one moment, or undefined.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { olderThan } from '$lib/server/db/cursor';
import type { KindMomentTable } from '$lib/server/db/schema';
import { decrypt, encrypt, encryptedColumns } from '$lib/server/crypto';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
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

function openKindMoment(row: KindMomentTable): KindMoment {
	return { id: row.id, day: row.day, body: decrypt(row.body, kindMomentBody.context(row.id)), createdAt: row.created_at };
}

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

/** New words for the moment; its day stays the day it was noted. */
export async function updateKindMoment(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string; input: KindMomentInput }
): Promise<{ ok: boolean; crisis: boolean }> {
	const account = requireSignedIn(options.actor);
	const result = await db
		.updateTable('kind_moment')
		.set({ body: encrypt(options.input.body, kindMomentBody.context(options.id)) })
		.where('id', '=', options.id)
		.where('account_id', '=', account.id)
		.executeTakeFirst();
	return { ok: Number(result.numUpdatedRows) > 0, crisis: containsCrisisSignal(options.input.body) };
}

export async function deleteKindMoment(db: Kysely<Database>, options: { actor: SignedInAccount | null; id: string }): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('kind_moment').where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function getKindMoment(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string }
): Promise<KindMoment | undefined> {
	const account = requireSignedIn(options.actor);
	const row = await db.selectFrom('kind_moment').selectAll().where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return row && openKindMoment(row);
}

export async function listKindMoments(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; limit?: number; before?: string }
): Promise<KindMoment[]> {
	const account = requireSignedIn(options.actor);
	let query = db.selectFrom('kind_moment').selectAll().where('account_id', '=', account.id);
	const older = olderThan(options.before);
	if (older) query = query.where(older);
	const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit ?? 50).execute();
	return rows.map(openKindMoment);
}
