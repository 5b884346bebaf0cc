import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { isDatabaseReachable, openDatabase, type DatabaseHandle } from '$lib/server/db/client';
import { migrateToLatest, migrations } from '$lib/server/db/migrate';
import type { MeasurementTable } from '$lib/server/db/schema';
import { testDatabases, type OpenOptions, type TestDatabase } from './databases';

/** Migration names as files on disk, so a file the glob in migrate.ts misses is noticed. */
const migrationFiles = fs
	.readdirSync(path.resolve('migrations'))
	.filter((file) => file.endsWith('.ts'))
	.map((file) => file.replace(/\.ts$/, ''))
	.sort();

function recordedMigrations(handle: DatabaseHandle) {
	return sql<{ name: string }>`select name from brug_migration order by name`
		.execute(handle.db)
		.then((result) => result.rows.map((row) => row.name));
}

function sampleMeasurement(): MeasurementTable {
	return {
		id: 'b6f1c0de-0000-4000-8000-000000000001',
		instrument_id: 'djg-11',
		instrument_version: '1',
		scoring_version: 1,
		answers: JSON.stringify({ 1: 'yes', 2: 'more_or_less', 3: 'no' }),
		total: 7,
		emotional: 4,
		social: 3,
		band: 'moderately_lonely',
		taken_at: '2026-11-21T12:30:00.000Z',
		account_id: null,
		access_token_hash: 'a'.repeat(64)
	};
}

describe.each(testDatabases())('database on $name', (target: TestDatabase) => {
	const opened: DatabaseHandle[] = [];
	async function open(options?: OpenOptions): Promise<DatabaseHandle> {
		const handle = await target.open(options);
		opened.push(handle);
		return handle;
	}
	afterEach(async () => {
		await Promise.all(opened.splice(0).map((handle) => handle.close()));
	});

	test('applies every migration to a fresh database and records each one', async () => {
		const handle = await open({ migrate: false });
		expect(migrationFiles).toContain('001-measurements');
		expect(Object.keys(migrations).sort()).toEqual(migrationFiles);

		const result = await migrateToLatest(handle.db);

		expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual(
			migrationFiles.map((name) => [name, 'Success'])
		);
		expect(await recordedMigrations(handle)).toEqual(migrationFiles);
	});

	test('applying the migrations again changes nothing', async () => {
		const handle = await open();

		const again = await migrateToLatest(handle.db);

		expect(again.results).toEqual([]);
		expect(await recordedMigrations(handle)).toEqual(migrationFiles);
	});

	test('stores a measurement and returns it unchanged', async () => {
		const handle = await open();
		const row = sampleMeasurement();

		await handle.db.insertInto('measurement').values(row).execute();
		const stored = await handle.db.selectFrom('measurement').selectAll().where('id', '=', row.id).execute();

		expect(stored).toEqual([row]);
	});

	test('refuses a second measurement with the same result token', async () => {
		const handle = await open();
		await handle.db.insertInto('measurement').values(sampleMeasurement()).execute();

		const duplicate = { ...sampleMeasurement(), id: 'b6f1c0de-0000-4000-8000-000000000002' };

		await expect(handle.db.insertInto('measurement').values(duplicate).execute()).rejects.toThrow(/unique/i);
	});

	test('enforces foreign keys', async () => {
		const handle = await open();
		// Throwaway tables: no migration has a foreign key yet, and the guarantee must hold before one does.
		await handle.db.schema
			.createTable('fk_parent')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.execute();
		await handle.db.schema
			.createTable('fk_child')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('parent_id', 'text', (c) => c.notNull().references('fk_parent.id'))
			.execute();

		await expect(
			sql`insert into fk_child (id, parent_id) values ('c1', 'missing')`.execute(handle.db)
		).rejects.toThrow(/foreign key/i);
	});

	test('is reachable while open and unreachable once closed', async () => {
		const handle = await open();
		expect(await isDatabaseReachable(handle.db)).toBe(true);

		await handle.close();

		expect(await isDatabaseReachable(handle.db)).toBe(false);
	});
});

describe('SQLite connection settings', () => {
	const sqlite = testDatabases().find((target) => target.name === 'sqlite');
	let handle: DatabaseHandle | undefined;
	afterEach(async () => {
		await handle?.close();
		handle = undefined;
	});

	test('uses write-ahead logging and enforces foreign keys', async () => {
		expect(sqlite).toBeDefined();
		handle = await sqlite!.open();

		const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
		const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db);

		expect(journal.rows).toEqual([{ journal_mode: 'wal' }]);
		expect(foreignKeys.rows).toEqual([{ foreign_keys: 1 }]);
	});
});

describe('isDatabaseReachable', () => {
	test('is false for a PostgreSQL server that does not answer', async () => {
		// Port 1 on the loopback interface refuses at once; nothing listens there.
		const handle = openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/brug_nowhere' });
		try {
			expect(await isDatabaseReachable(handle.db)).toBe(false);
		} finally {
			await handle.close();
		}
	});
});
