/**
 * Makes deleted data leave the disk, as far as each database allows (docs/configuration.md, "Deleted data on disk").
 * - `truncateWal(db)`: on SQLite, copies the WAL into the database file and truncates it to zero bytes, so the pages
 *   written before a deletion are gone; a no-op on PostgreSQL. Called after an account is deleted.
 * - `reclaimDeletedSpace(db, kind)`: housekeeping's share: the same checkpoint on SQLite; VACUUM on PostgreSQL, so
 *   the space of deleted rows is marked free and gets overwritten by new rows.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { log } from '../log';
import type { DatabaseKind } from './client';

/** Tries this often, waiting a little longer each time, while another connection still reads an older snapshot. */
const attempts = 5;
const pauseMs = 50;

type Checkpoint = { busy: number; log: number; checkpointed: number };

/** True when the WAL was truncated (or there is none); false when readers kept it busy every time. */
export async function truncateWal<T>(db: Kysely<T>): Promise<boolean> {
	if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return true;
	for (let attempt = 1; attempt <= attempts; attempt++) {
		if (await checkpointOnce(db)) return true;
		await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt));
	}
	// Not an error for the deletion itself: the rows are gone; housekeeping truncates the WAL on its next run.
	log().warn({ attempts }, 'the SQLite WAL could not be truncated after a deletion: a reader kept it busy');
	return false;
}

/**
 * One attempt that does not wait: better-sqlite3 is synchronous, so the busy timeout would stall every request of
 * this process. The connection is held for the three statements, so nothing else runs with the timeout at zero.
 */
async function checkpointOnce<T>(db: Kysely<T>): Promise<boolean> {
	return db.connection().execute(async (connection) => {
		const { rows: timeout } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(connection);
		await sql`pragma busy_timeout = 0`.execute(connection);
		try {
			const { rows } = await sql<Checkpoint>`pragma wal_checkpoint(TRUNCATE)`.execute(connection);
			return rows[0]?.busy === 0;
		} finally {
			await sql.raw(`pragma busy_timeout = ${Number(timeout[0]?.timeout ?? 5000)}`).execute(connection);
		}
	});
}

export async function reclaimDeletedSpace<T>(db: Kysely<T>, kind: DatabaseKind): Promise<void> {
	if (kind === 'sqlite') {
		await truncateWal(db);
		return;
	}
	// Plain VACUUM, not FULL: it takes no exclusive lock, so brug keeps answering. It cannot run in a transaction;
	// Kysely sends it on a pooled connection of its own.
	await sql`vacuum`.execute(db);
}
