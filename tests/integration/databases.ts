/**
 * The databases every integration suite runs on: SQLite always, PostgreSQL when the global setup found a server.
 * Each `open()` gives a fresh, migrated database of its own; `close()` also deletes it.
 *
 *   describe.each(testDatabases())('measurements on $name', (target) => {
 *     let handle: DatabaseHandle;
 *     beforeEach(async () => { handle = await target.open(); });
 *     afterEach(() => handle.close());
 *   });
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/client';
import { migrateToLatest } from '$lib/server/db/migrate';

export interface OpenOptions {
	/** Apply the migrations before returning (default true); false gives an empty database. */
	migrate?: boolean;
}

export interface TestDatabase {
	name: 'sqlite' | 'postgres';
	open(options?: OpenOptions): Promise<DatabaseHandle>;
	/**
	 * PostgreSQL only: a new, empty database of its own for another process (the built server migrates it), as a URL,
	 * with the function that drops it. SQLite needs no such thing: that process is given a data dir instead.
	 */
	createEmpty?(): Promise<EmptyDatabase>;
}

export interface EmptyDatabase {
	url: string;
	drop(): Promise<void>;
}

export function testDatabases(): TestDatabase[] {
	const targets: TestDatabase[] = [{ name: 'sqlite', open: openSqlite }];
	const postgresUrl = inject('postgresUrl');
	if (postgresUrl) {
		targets.push({
			name: 'postgres',
			open: (options) => openPostgres(postgresUrl, options),
			createEmpty: () => createEmptyPostgres(postgresUrl)
		});
	}
	return targets;
}

/** A file in its own temp dir rather than :memory:, so WAL and file locking behave as in production. */
async function openSqlite(options: OpenOptions = {}): Promise<DatabaseHandle> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-sqlite-'));
	const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
	let handle: DatabaseHandle;
	try {
		handle = openDatabase({ kind: 'sqlite', file: path.join(dir, 'brug.sqlite') });
	} catch (error) {
		removeDir();
		throw error;
	}
	return prepare(handle, options, removeDir);
}

/** A database of its own on the shared test server (so suites and workers never see each other), dropped on close. */
async function openPostgres(serverUrl: string, options: OpenOptions = {}): Promise<DatabaseHandle> {
	const { url, drop } = await createEmptyPostgres(serverUrl);
	const handle = openDatabase({ kind: 'postgres', url, maxConnections: 5 });
	return prepare(handle, options, drop);
}

async function createEmptyPostgres(serverUrl: string): Promise<EmptyDatabase> {
	const name = `brug_t_${randomBytes(6).toString('hex')}`;
	await administer(serverUrl, `create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	// "with (force)" also ends the connections of another process that still uses it.
	return { url: url.toString(), drop: () => administer(serverUrl, `drop database if exists ${name} with (force)`) };
}

async function administer(serverUrl: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

/** Migrates (unless asked not to) and makes close() idempotent and responsible for deleting the database. */
async function prepare(
	handle: DatabaseHandle,
	options: OpenOptions,
	remove: () => void | Promise<void>
): Promise<DatabaseHandle> {
	let closing: Promise<void> | undefined;
	const close = () =>
		(closing ??= (async () => {
			try {
				await handle.close();
			} finally {
				await remove();
			}
		})());
	if (options.migrate ?? true) {
		try {
			await migrateToLatest(handle.db);
		} catch (error) {
			await close();
			throw error;
		}
	}
	return { db: handle.db, kind: handle.kind, close };
}
