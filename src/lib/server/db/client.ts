/**
 * Opens brug's database: SQLite (better-sqlite3) by default, PostgreSQL (pg) when a postgres:// URL is given.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { log } from '../log';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseHandle {
	db: Kysely<Database>;
	kind: DatabaseKind;
	close(): Promise<void>;
}

export type DatabaseTarget =
	| { kind: 'sqlite'; file: string }
	| { kind: 'postgres'; url: string; maxConnections?: number };

/** Chooses the target from configuration: PostgreSQL when DATABASE_URL is set, else `<dataDir>/brug.sqlite`. */
export function databaseTarget(options: { databaseUrl?: string; dataDir: string }): DatabaseTarget {
	if (options.databaseUrl) return { kind: 'postgres', url: options.databaseUrl };
	return { kind: 'sqlite', file: path.join(options.dataDir, 'brug.sqlite') };
}

export function openDatabase(target: DatabaseTarget): DatabaseHandle {
	if (target.kind === 'postgres') {
		// JIT off: brug's queries are short, and PostgreSQL's cost estimate of an outcome report's set-based query (a few
		// hundred ms of work) passes the JIT thresholds, so compiling it took longer than running it (bench:reports).
		const pool = new pg.Pool({ connectionString: target.url, max: target.maxConnections ?? 10, options: '-c jit=off' });
		// An idle connection the server ends (a restart, a failover, a dropped test database) must not crash brug:
		// the pool replaces it on the next query. Without a listener, Node treats the event as an uncaught error.
		pool.on('error', (error: Error & { code?: string }) => {
			log().warn({ code: error.code ?? error.name }, 'an idle database connection was closed by the server');
		});
		// A connection that breaks while checked out (between two queries of a request) emits on the client, not on the
		// pool; that request's query fails and becomes a 503 (hooks.server.ts), but the event itself must not crash brug.
		pool.on('connect', (client) => {
			client.on('error', (error: Error & { code?: string }) => {
				log().warn({ code: error.code ?? error.name }, 'a database connection broke');
			});
		});
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		return { db, kind: 'postgres', close: () => db.destroy() };
	}
	if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
	const sqlite = new SQLite(target.file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	// Wait for a writer instead of failing at once with SQLITE_BUSY.
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	// Deleted rows, index entries and freed pages are overwritten with zeros, so a deleted person cannot be read back
	// from the file; the WAL still holds the old pages until a checkpoint truncates it (see ./reclaim.ts).
	sqlite.pragma('secure_delete = ON');
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
	return { db, kind: 'sqlite', close: () => db.destroy() };
}

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(db: Kysely<Database>): Promise<boolean> {
	try {
		await sql`select 1`.execute(db);
		return true;
	} catch {
		return false;
	}
}
