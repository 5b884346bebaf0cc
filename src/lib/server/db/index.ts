/**
 * The process-wide database, opened and migrated once on start (hooks.server.ts `init`).
 */
import type { Kysely } from 'kysely';
import { config } from '../env';
import { databaseTarget, openDatabase, type DatabaseHandle } from './client';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

let handle: DatabaseHandle | undefined;

export async function startDatabase(): Promise<DatabaseHandle> {
	if (handle) return handle;
	const { DATABASE_URL, dataDir } = config();
	const opened = openDatabase(databaseTarget({ databaseUrl: DATABASE_URL, dataDir }));
	await migrateToLatest(opened.db);
	handle = opened;
	return handle;
}

export function db(): Kysely<Database> {
	if (!handle) throw new Error('The database is not started yet.');
	return handle.db;
}

export function databaseKind(): DatabaseHandle['kind'] | undefined {
	return handle?.kind;
}

export async function stopDatabase(): Promise<void> {
	const closing = handle;
	handle = undefined;
	await closing?.close();
}

export type { Database } from './schema';
