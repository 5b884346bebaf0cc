/**
 * Thought checks (a CBT thought record): situation, thought, how strongly believed, facts for and against, another
 * way to see it, how strongly now, one small action. Text is encrypted at rest; only the person's own records.
 * - `createThoughtRecord`, `updateThoughtRecord`, `deleteThoughtRecord`: write; the answer of create and update says
 *   whether a crisis signal was seen (the record is always saved).
 * - `listThoughtRecords`: newest first, paged by `before` (`<created-at>|<id>` of the last record of a page, see db/cursor.ts).
 * - `getThoughtRecord`: one record, or undefined.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { olderThan } from '$lib/server/db/cursor';
import type { ThoughtRecordTable } from '$lib/server/db/schema';
import { decrypt, decryptOptional, encrypt, encryptOptional, encryptedColumns as c } from '$lib/server/crypto';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { containsCrisisSignal } from '$lib/features/support/crisis-signals';
import { localDay } from '$lib/time';
import type { ThoughtRecordInput } from './self-help.schema';

export interface ThoughtRecord extends ThoughtRecordInput {
	id: string;
	day: string;
	discuss: boolean;
	createdAt: string;
}

export function openThoughtRecord(row: ThoughtRecordTable): ThoughtRecord {
	return {
		id: row.id,
		day: row.day,
		situation: decrypt(row.situation, c.thoughtSituation.context(row.id)),
		thought: decrypt(row.thought, c.thoughtThought.context(row.id)),
		beliefBefore: row.belief_before,
		factsFor: decryptOptional(row.facts_for, c.thoughtFactsFor.context(row.id)),
		factsAgainst: decryptOptional(row.facts_against, c.thoughtFactsAgainst.context(row.id)),
		alternative: decryptOptional(row.alternative, c.thoughtAlternative.context(row.id)),
		beliefAfter: row.belief_after,
		smallAction: decryptOptional(row.small_action, c.thoughtSmallAction.context(row.id)),
		discuss: Boolean(row.discuss),
		createdAt: row.created_at
	};
}

/** The columns an input fills, free text encrypted for this row. */
function sealed(id: string, input: ThoughtRecordInput) {
	return {
		situation: encrypt(input.situation, c.thoughtSituation.context(id)),
		thought: encrypt(input.thought, c.thoughtThought.context(id)),
		belief_before: input.beliefBefore,
		facts_for: encryptOptional(input.factsFor, c.thoughtFactsFor.context(id)),
		facts_against: encryptOptional(input.factsAgainst, c.thoughtFactsAgainst.context(id)),
		alternative: encryptOptional(input.alternative, c.thoughtAlternative.context(id)),
		belief_after: input.beliefAfter,
		small_action: encryptOptional(input.smallAction, c.thoughtSmallAction.context(id))
	};
}

function hasCrisisSignal(input: ThoughtRecordInput): boolean {
	return containsCrisisSignal(input.situation, input.thought, input.factsFor, input.factsAgainst, input.alternative, input.smallAction);
}

export async function createThoughtRecord(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; input: ThoughtRecordInput; now?: Date }
): Promise<{ id: string; crisis: boolean }> {
	const account = requireSignedIn(options.actor);
	const { input } = options;
	const now = options.now ?? new Date();
	const id = crypto.randomUUID();
	await db
		.insertInto('thought_record')
		.values({
			id,
			account_id: account.id,
			day: localDay(now),
			...sealed(id, input),
			discuss: 0,
			created_at: now.toISOString(),
			updated_at: now.toISOString()
		})
		.execute();
	return { id, crisis: hasCrisisSignal(input) };
}

export async function updateThoughtRecord(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string; input: ThoughtRecordInput; now?: Date }
): Promise<{ ok: boolean; crisis: boolean }> {
	const account = requireSignedIn(options.actor);
	const result = await db
		.updateTable('thought_record')
		.set({ ...sealed(options.id, options.input), updated_at: (options.now ?? new Date()).toISOString() })
		.where('id', '=', options.id)
		.where('account_id', '=', account.id)
		.executeTakeFirst();
	return { ok: Number(result.numUpdatedRows) > 0, crisis: hasCrisisSignal(options.input) };
}

export async function deleteThoughtRecord(db: Kysely<Database>, options: { actor: SignedInAccount | null; id: string }): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('thought_record').where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function getThoughtRecord(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string }
): Promise<ThoughtRecord | undefined> {
	const account = requireSignedIn(options.actor);
	const row = await db.selectFrom('thought_record').selectAll().where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return row && openThoughtRecord(row);
}

export async function listThoughtRecords(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; limit?: number; before?: string }
): Promise<ThoughtRecord[]> {
	const account = requireSignedIn(options.actor);
	let query = db.selectFrom('thought_record').selectAll().where('account_id', '=', account.id);
	const older = olderThan(options.before);
	if (older) query = query.where(older);
	const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit ?? 50).execute();
	return rows.map(openThoughtRecord);
}
