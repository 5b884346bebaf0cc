/**
 * A person's journal ("Hoe voelde ik me vandaag?"): mood, free text and what went well. Text is encrypted at rest.
 * Each use-case takes the acting account and reaches only that person's own entries.
 * - `createJournalEntry`, `updateJournalEntry`, `deleteJournalEntry`: write; the answer says whether the text holds
 *   a crisis signal, so the page can show the way to help (the entry is always saved).
 * - `listJournalEntries`: newest first, paged by `before` (`<created-at>|<id>` of the last entry of a page, see db/cursor.ts).
 * - `getJournalEntry`: one entry, or undefined.
 * - `listMoodPoints`: day and mood between two local days, for the mood chart.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { olderThan } from '$lib/server/db/cursor';
import type { JournalEntryTable } from '$lib/server/db/schema';
import { decryptOptional, encryptOptional, encryptedColumns } from '$lib/server/crypto';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { containsCrisisSignal } from '$lib/features/support/crisis-signals';
import { localDay } from '$lib/time';
import type { JournalEntryInput } from './self-help.schema';

export interface JournalEntry {
	id: string;
	day: string;
	mood: number;
	body: string | null;
	wentWell: string | null;
	discuss: boolean;
	createdAt: string;
	updatedAt: string;
}

const { journalBody, journalWentWell } = encryptedColumns;

export function openJournalEntry(row: JournalEntryTable): JournalEntry {
	return {
		id: row.id,
		day: row.day,
		mood: row.mood,
		body: decryptOptional(row.body, journalBody.context(row.id)),
		wentWell: decryptOptional(row.went_well, journalWentWell.context(row.id)),
		discuss: Boolean(row.discuss),
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

function sealed(id: string, input: JournalEntryInput) {
	return {
		mood: input.mood,
		body: encryptOptional(input.body, journalBody.context(id)),
		went_well: encryptOptional(input.wentWell, journalWentWell.context(id))
	};
}

export async function createJournalEntry(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; input: JournalEntryInput; now?: Date }
): Promise<{ id: string; crisis: boolean }> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	const id = crypto.randomUUID();
	await db
		.insertInto('journal_entry')
		.values({ id, account_id: account.id, day: localDay(now), ...sealed(id, options.input), discuss: 0, created_at: now.toISOString(), updated_at: now.toISOString() })
		.execute();
	return { id, crisis: containsCrisisSignal(options.input.body, options.input.wentWell) };
}

export async function updateJournalEntry(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string; input: JournalEntryInput; now?: Date }
): Promise<{ ok: boolean; crisis: boolean }> {
	const account = requireSignedIn(options.actor);
	const result = await db
		.updateTable('journal_entry')
		.set({ ...sealed(options.id, options.input), updated_at: (options.now ?? new Date()).toISOString() })
		.where('id', '=', options.id)
		.where('account_id', '=', account.id)
		.executeTakeFirst();
	return { ok: Number(result.numUpdatedRows) > 0, crisis: containsCrisisSignal(options.input.body, options.input.wentWell) };
}

export async function deleteJournalEntry(db: Kysely<Database>, options: { actor: SignedInAccount | null; id: string }): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('journal_entry').where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function getJournalEntry(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string }
): Promise<JournalEntry | undefined> {
	const account = requireSignedIn(options.actor);
	const row = await db.selectFrom('journal_entry').selectAll().where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return row && openJournalEntry(row);
}

export async function listJournalEntries(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; limit?: number; before?: string }
): Promise<JournalEntry[]> {
	const account = requireSignedIn(options.actor);
	let query = db.selectFrom('journal_entry').selectAll().where('account_id', '=', account.id);
	const older = olderThan(options.before);
	if (older) query = query.where(older);
	const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit ?? 50).execute();
	return rows.map(openJournalEntry);
}

export async function listMoodPoints(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; fromDay: string; toDay: string }
): Promise<{ day: string; mood: 1 | 2 | 3 | 4 | 5 }[]> {
	const account = requireSignedIn(options.actor);
	const rows = await db
		.selectFrom('journal_entry')
		.select(['day', 'mood'])
		.where('account_id', '=', account.id)
		.where('day', '>=', options.fromDay)
		.where('day', '<=', options.toDay)
		.orderBy('day')
		.execute();
	return rows.map((r) => ({ day: r.day, mood: r.mood as 1 | 2 | 3 | 4 | 5 }));
}

