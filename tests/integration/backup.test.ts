/**
 * `npm run backup` and a restore, on SQLite: the copy is made while brug has the database open (with writes still in
 * the WAL), restored into a fresh data directory with the keys file given separately, and a person's encrypted
 * journal reads back through brug's own code, as a new process would (fresh modules, so fresh configuration and
 * keyring). Without the keys file the copy does not give the text away. On PostgreSQL the script only names pg_dump.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/client';
import { migrateToLatest } from '$lib/server/db/migrate';
import { createJournalEntry } from '$lib/features/journal/journal.server';
import { professionalFixtures } from './professional-fixtures';

// This file's "first process" keeps its keys in a data dir of its own (keys.json), as a default installation does.
const original = vi.hoisted(() => {
	const dir = `${process.env.TMPDIR ?? '/tmp'}/brug-backup-original-${Date.now()}-${process.pid}`;
	vi.stubEnv('BRUG_DATA_KEY', undefined);
	vi.stubEnv('BRUG_DATA_DIR', dir);
	return dir;
});
afterAll(() => vi.unstubAllEnvs());

const script = path.resolve('scripts/backup.js');
const journalText = 'Vanmorgen belde mijn zus uit Deventer; we hebben een uur gepraat over vroeger.';
const writtenLast = 'Na het bellen een rondje om de vijver gelopen.';

function backup(args: string[], env: Record<string, string>) {
	return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', ...env } });
}

/** What a fresh brug process would read: modules loaded anew, so config() and the keyring come from this data dir. */
async function journalAsReadFrom(dataDir: string, accountId: string): Promise<string[]> {
	vi.resetModules();
	vi.stubEnv('BRUG_DATA_DIR', dataDir);
	const client = await import('$lib/server/db/client');
	const { migrateToLatest: migrate } = await import('$lib/server/db/migrate');
	const { listJournalEntries } = await import('$lib/features/journal/journal.server');
	const handle = client.openDatabase(client.databaseTarget({ dataDir }));
	try {
		await migrate(handle.db);
		const entries = await listJournalEntries(handle.db, { actor: { id: accountId, email: 'x@example.nl', locale: 'nl', twoFactorEnabled: false } });
		return entries.map((entry) => entry.body ?? '');
	} finally {
		await handle.close();
	}
}

describe('npm run backup on SQLite, and a restore', () => {
	let handle: DatabaseHandle;
	let closed = false;
	let scratch: string;

	beforeEach(async () => {
		fs.mkdirSync(original, { recursive: true });
		scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-backup-'));
		handle = openDatabase({ kind: 'sqlite', file: path.join(original, 'brug.sqlite') });
		closed = false;
		await migrateToLatest(handle.db);
	});
	afterEach(async () => {
		if (!closed) await handle.close();
		fs.rmSync(original, { recursive: true, force: true });
		fs.rmSync(scratch, { recursive: true, force: true });
	});

	it('copies the running database, and the copy with the keys file apart gives the journal back', async () => {
		const anna = await professionalFixtures(handle).person('anna@example.nl', 'Anna');
		await createJournalEntry(handle.db, { actor: anna, input: { mood: 4, body: journalText, wentWell: null } });
		await createJournalEntry(handle.db, { actor: anna, input: { mood: 3, body: writtenLast, wentWell: null } });
		// The last write is still in the WAL only: the online backup must include it.
		expect(fs.statSync(path.join(original, 'brug.sqlite-wal')).size).toBeGreaterThan(0);

		const copy = path.join(scratch, 'copies', 'nightly.sqlite');
		const made = backup([copy], { BRUG_DATA_DIR: original });
		expect(made.stderr).toBe('');
		expect(made.status).toBe(0);
		expect(made.stdout).toContain(`written to ${copy}`);
		expect(made.stdout).toContain(path.join(original, 'keys.json'));
		expect(made.stdout).toContain(path.join(original, 'auth-secret'));
		expect(made.stdout).toMatch(/apart from the database/);
		expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
		// It never overwrites an earlier copy.
		const again = backup([copy], { BRUG_DATA_DIR: original });
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('exists already');

		// The keys are kept apart; the original data dir is lost.
		const keysApart = path.join(scratch, 'keys-kept-elsewhere.json');
		fs.copyFileSync(path.join(original, 'keys.json'), keysApart);
		await handle.close();
		closed = true;
		fs.rmSync(original, { recursive: true, force: true });

		// Restored without the keys: brug starts with a new key and cannot read the text.
		const withoutKeys = path.join(scratch, 'restored-without-keys');
		fs.mkdirSync(withoutKeys);
		fs.copyFileSync(copy, path.join(withoutKeys, 'brug.sqlite'));
		await expect(journalAsReadFrom(withoutKeys, anna.id)).rejects.toMatchObject({ name: 'DecryptionError', reason: 'unknown-key' });

		// Restored as the README says: the copy as brug.sqlite in a fresh data dir, the keys file beside it.
		const restored = path.join(scratch, 'restored');
		fs.mkdirSync(restored);
		fs.copyFileSync(copy, path.join(restored, 'brug.sqlite'));
		fs.copyFileSync(keysApart, path.join(restored, 'keys.json'));
		expect(await journalAsReadFrom(restored, anna.id)).toEqual([writtenLast, journalText]);
	});

	it('writes a dated copy into a directory it is given', async () => {
		const made = backup([scratch + path.sep], { BRUG_DATA_DIR: original });
		expect(made.status).toBe(0);
		const copies = fs.readdirSync(scratch);
		expect(copies).toEqual([expect.stringMatching(/^brug-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.sqlite$/)]);
	});

	it('says so when there is no database, and names pg_dump on PostgreSQL without writing a file', async () => {
		const missing = backup([path.join(scratch, 'x.sqlite')], { BRUG_DATA_DIR: path.join(scratch, 'nothing-here') });
		expect(missing.status).toBe(1);
		expect(missing.stderr).toContain(`there is no database at ${path.join(scratch, 'nothing-here', 'brug.sqlite')}`);

		const postgres = backup([path.join(scratch, 'x.sqlite')], { BRUG_DATA_DIR: original, DATABASE_URL: 'postgres://brug:geheim@db.example.nl/brug' });
		expect(postgres.status).toBe(0);
		expect(postgres.stdout).toContain('pg_dump --format=custom');
		expect(postgres.stdout).toContain('pg_restore');
		// The URL (and its password) is not printed: the line refers to the variable.
		expect(postgres.stdout).not.toContain('geheim');
		expect(fs.readdirSync(scratch)).toEqual([]);
	});
});
