/** The lock that puts a person's consent decisions and the reads and writes that depend on them in one queue. */
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db';

/**
 * A person's consent decisions happen one at a time: PostgreSQL runs transactions side by side, so they queue on the
 * person's account row (a withdraw and a change at the same moment must not leave a grant active). SQLite runs
 * transactions one at a time anyway. Reads of the person's data take a shared lock on the same row (clients.server).
 */
export async function lockPersonForConsent(trx: Kysely<Database>, personId: string, mode: 'update' | 'share'): Promise<void> {
	if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
	const query = trx.selectFrom('account').select('id').where('id', '=', personId);
	await (mode === 'update' ? query.forUpdate() : query.forShare()).execute();
}
