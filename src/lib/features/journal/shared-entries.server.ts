/**
 * "Bespreek dit": a person marks one journal entry or thought check to talk about with a professional they are
 * linked with. Journal entries are never a consent scope of their own; a marked entry reaches only professionals
 * whose grant includes the toolkit's scope (`sharedEntriesScope`), and only while it is marked.
 * - `sharedEntriesScope`: the scope a grant needs for marked entries to reach the professional.
 * - `setDiscuss`: mark or unmark one of the person's own entries.
 * - `readSharedEntries`: for the client record, inside its audited transaction, after the access check for
 *   `sharedEntriesScope`: the marked entries of a person, each read written to the audit log.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import type { ConsentScope } from '$lib/kernel/consent-scopes';
import { recordClientReads } from '$lib/kernel/audit.server';
import { openJournalEntry, type JournalEntry } from './journal.server';
import { openThoughtRecord, type ThoughtRecord } from './thought-records.server';

export type DiscussKind = 'journal' | 'thought';

/** Marked entries belong to the toolkit, so they go where the toolkit's activity goes. */
export const sharedEntriesScope: ConsentScope = 'programme';

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

/** Call only after the policy allowed the reader for `sharedEntriesScope`, inside the transaction that audits the read. */
export async function readSharedEntries(
	trx: Kysely<Database>,
	options: { reader: SignedInAccount; personId: string; organisationId: string; now?: Date }
): Promise<SharedEntries> {
	const journal = (await trx.selectFrom('journal_entry').selectAll().where('account_id', '=', options.personId).where('discuss', '=', 1).orderBy('created_at', 'desc').execute()).map(openJournalEntry);
	const thoughts = (await trx.selectFrom('thought_record').selectAll().where('account_id', '=', options.personId).where('discuss', '=', 1).orderBy('created_at', 'desc').execute()).map(openThoughtRecord);
	await recordClientReads(
		trx,
		[...journal, ...thoughts].map((entry) => ({
			actor: options.reader,
			grant: { organisationId: options.organisationId, personId: options.personId },
			action: 'client.shared_entry.read' as const,
			object: entry.id,
			now: options.now
		}))
	);
	return { journal, thoughts };
}
