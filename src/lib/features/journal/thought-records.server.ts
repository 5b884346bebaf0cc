/**
 * Thought checks (a CBT thought record): situation, thought, how strongly believed, facts for and against, another
 * way to see it, how strongly now, one small action. Text is encrypted at rest; only the person's own records.
 * - `createThoughtRecord`, `deleteThoughtRecord`; the answer of create says whether a crisis signal was seen.
 * - `listThoughtRecords`: newest first.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { ThoughtRecordTable } from '$lib/server/db/schema';
import { decrypt, decryptOptional, encrypt, encryptOptional, encryptedColumns as c } from '$lib/server/crypto';
import type { SignedInAccount } from '$lib/features/accounts/accounts.server';
import { requireSignedIn } from '$lib/features/access/policy.server';
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
			situation: encrypt(input.situation, c.thoughtSituation.context(id)),
			thought: encrypt(input.thought, c.thoughtThought.context(id)),
			belief_before: input.beliefBefore,
			facts_for: encryptOptional(input.factsFor, c.thoughtFactsFor.context(id)),
			facts_against: encryptOptional(input.factsAgainst, c.thoughtFactsAgainst.context(id)),
			alternative: encryptOptional(input.alternative, c.thoughtAlternative.context(id)),
			belief_after: input.beliefAfter,
			small_action: encryptOptional(input.smallAction, c.thoughtSmallAction.context(id)),
			discuss: 0,
			created_at: now.toISOString(),
			updated_at: now.toISOString()
		})
		.execute();
	const texts = [input.situation, input.thought, input.factsFor, input.factsAgainst, input.alternative, input.smallAction];
	return { id, crisis: containsCrisisSignal(...texts) };
}

export async function deleteThoughtRecord(db: Kysely<Database>, options: { actor: SignedInAccount | null; id: string }): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('thought_record').where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function listThoughtRecords(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; limit?: number }
): Promise<ThoughtRecord[]> {
	const account = requireSignedIn(options.actor);
	const rows = await db
		.selectFrom('thought_record')
		.selectAll()
		.where('account_id', '=', account.id)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(options.limit ?? 50)
		.execute();
	return rows.map(openThoughtRecord);
}
