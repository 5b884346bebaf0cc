/**
 * A second click on "save" must not store the same thing twice. Forms refuse a save identical to one made moments ago.
 * - `repeatWindowMs`: how long an identical save counts as a repeat (60 s).
 * - `RepeatedSaveError`: thrown by a use-case that refused a repeat; nothing was stored.
 * - `queueSavesFor(trx, key)`: inside a transaction, waits for any other transaction saving under the same key, so
 *   the check for a repeat and the insert are one step even for two submits at the same moment.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db';

export const repeatWindowMs = 60_000;

export class RepeatedSaveError extends Error {
	constructor() {
		super('The same values were saved less than a minute ago.');
		this.name = 'RepeatedSaveError';
	}
}

/**
 * PostgreSQL runs transactions side by side: a transaction-scoped advisory lock on the key queues them (released at
 * commit, so the next one sees the row just saved). SQLite runs one transaction at a time already.
 */
export async function queueSavesFor(trx: Kysely<Database>, key: string): Promise<void> {
	if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
	await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** The earliest instant (ISO 8601) a save at `now` counts as a repeat of. */
export function repeatWindowStart(now: Date): string {
	return new Date(now.getTime() - repeatWindowMs).toISOString();
}
