/**
 * The journal's face: journal entries, thought checks and kind moments, the person's own. Professionals never read
 * them as such: they see an entry only while the person marks it "bespreek dit", under the toolkit's scope
 * (`sharedEntriesScope`), and then only through the client record, which audits each read.
 */
import { personDataFeature } from '$lib/kernel/person-data';
import { lastDayPerPerson, latestPerPerson } from '$lib/kernel/last-day.server';
import { listJournalEntries } from './journal.server';
import { listKindMoments } from './kind-moments.server';
import { listThoughtRecords } from './thought-records.server';
import { sharedEntriesScope } from './shared-entries.server';

const all = 1_000_000;

export const journalData = personDataFeature({
	name: 'journal',
	scope: sharedEntriesScope,
	tables: ['journal_entry', 'thought_record', 'kind_moment'],
	async exportPart(db, { account }) {
		return {
			journal: await listJournalEntries(db, { actor: account, limit: all }),
			thoughtChecks: await listThoughtRecords(db, { actor: account, limit: all }),
			kindMoments: await listKindMoments(db, { actor: account, limit: all })
		};
	},
	async lastActiveDays(db, personIds) {
		const tables = ['journal_entry', 'thought_record', 'kind_moment'] as const;
		return latestPerPerson(...(await Promise.all(tables.map((table) => lastDayPerPerson(db, table, personIds)))));
	},
	async activityDays(db, personId, { from, to }) {
		const kinds = [
			['journal', 'journal_entry'],
			['thought', 'thought_record'],
			['kind_moment', 'kind_moment']
		] as const;
		const found = await Promise.all(
			kinds.map(async ([kind, table]) => {
				const rows = await db.selectFrom(table).select('day').where('account_id', '=', personId).where('day', '>=', from).where('day', '<=', to).execute();
				return rows.map((row) => ({ kind, day: row.day }));
			})
		);
		return found.flat();
	},
	/** Entries marked "bespreek dit" that this professional has not opened yet (no read of theirs in the audit log). */
	async readForClients(db, { readerId, personIds }) {
		const unread = new Map<string, { unreadShared: number }>();
		if (personIds.length === 0) return unread;
		for (const table of ['journal_entry', 'thought_record'] as const) {
			const rows = await db
				.selectFrom(table)
				.select(['account_id', (eb) => eb.fn.countAll<number>().as('n')])
				.where('account_id', 'in', [...personIds])
				.where('discuss', '=', 1)
				.where(({ not, exists, selectFrom }) =>
					not(
						exists(
							selectFrom('audit_event')
								.select('audit_event.id')
								.where('audit_event.actor_id', '=', readerId)
								.where('audit_event.action', '=', 'client.shared_entry.read')
								.whereRef('audit_event.object', '=', `${table}.id`)
						)
					)
				)
				.groupBy('account_id')
				.execute();
			for (const row of rows) unread.set(row.account_id, { unreadShared: (unread.get(row.account_id)?.unreadShared ?? 0) + Number(row.n) });
		}
		return unread;
	}
});
