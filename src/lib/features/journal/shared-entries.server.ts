/**
 * "Bespreek dit": a person marks one journal entry or thought check to talk about with a professional they are
 * linked with. Journal entries are never a consent scope; only marked entries are shown, and only while marked.
 * - `setDiscuss`: mark or unmark one of the person's own entries.
 * - `readSharedEntries`: for `openClientRecord` (clients.server), inside its audited transaction: the marked entries
 *   of a person, each read written to the audit log.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { recordAuditEvent } from '$lib/kernel/audit.server';
import { openJournalEntry, type JournalEntry } from './journal.server';
import { openThoughtRecord, type ThoughtRecord } from './thought-records.server';

export type DiscussKind = 'journal' | 'thought';

export async function setDiscuss(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; kind: DiscussKind; id: string; discuss: boolean }
): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const table = options.kind === 'journal' ? 'journal_entry' : 'thought_record';
	const result = await db
		.updateTable(table)
		.set({ discuss: options.discuss ? 1 : 0 })
		.where('id', '=', options.id)
		.where('account_id', '=', account.id)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export interface SharedEntries {
	journal: JournalEntry[];
	thoughts: ThoughtRecord[];
}

/** Call only after the policy allowed the reader (an active grant), inside the transaction that audits the read. */
export async function readSharedEntries(
	trx: Kysely<Database>,
	options: { readerId: string; personId: string; organisationId: string; now?: Date }
): Promise<SharedEntries> {
	const journal = (await trx.selectFrom('journal_entry').selectAll().where('account_id', '=', options.personId).where('discuss', '=', 1).orderBy('created_at', 'desc').execute()).map(openJournalEntry);
	const thoughts = (await trx.selectFrom('thought_record').selectAll().where('account_id', '=', options.personId).where('discuss', '=', 1).orderBy('created_at', 'desc').execute()).map(openThoughtRecord);
	for (const entry of [...journal, ...thoughts]) {
		await recordAuditEvent(trx, {
			actorId: options.readerId,
			organisationId: options.organisationId,
			subjectId: options.personId,
			action: 'client.shared_entry.read',
			object: entry.id,
			now: options.now
		});
	}
	return { journal, thoughts };
}
