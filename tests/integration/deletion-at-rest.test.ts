/**
 * Deletion that reaches the disk, on SQLite: after an account is deleted, the raw bytes of the database file, its
 * WAL and its shared-memory index hold neither the address, nor the account id, nor what the person wrote (as text
 * or as its stored ciphertext), while brug still has the database open and after it closed it. A control run with
 * secure_delete off shows that the scan does find what a plain deletion leaves behind.
 * PostgreSQL keeps dead rows until VACUUM reuses their space (docs/configuration.md); housekeeping's share of that is
 * checked on both databases at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/client';
import { migrateToLatest } from '$lib/server/db/migrate';
import { reclaimDeletedSpace, truncateWal } from '$lib/server/db/reclaim';
import type { SignedInAccount } from '$lib/server/auth/account';
import { deleteAccount } from '$lib/composers/personal-data/personal-data.server';
import { openClientRecord } from '$lib/composers/client-record/clients.server';
import { instruments } from '$lib/features/instruments/instruments';
import { createJournalEntry } from '$lib/features/journal/journal.server';
import { claimMeasurement, saveAnonymousMeasurement } from '$lib/features/measurements/measurements.server';
import { testDatabases } from './databases';
import { professionalFixtures } from './professional-fixtures';

// A data key of this file's own, from the environment, so no key file is read or written (see crypto/keyring.js).
vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-deletion-at-rest-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const address = 'wilhelmina.deletion-probe@example.nl';
const marker = 'Merkteken-Zwanenburg-7731';
// Long enough that the entry's ciphertext spills onto overflow pages of its own.
const body = `${marker}: ${'Vandaag heb ik met niemand gepraat, ook niet bij de bakker. '.repeat(80)}`;
const djg11 = instruments['djg-11'];
const answers = Object.fromEntries(djg11.items.map((item) => [item.number, 'yes']));

/** The files SQLite keeps for this database: the main file, and the WAL and its index while they exist. */
function databaseFiles(file: string): Buffer[] {
	return [file, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
}

/** How often each needle occurs in the bytes, as UTF-8 (how SQLite stores text here). */
function hits<K extends string>(files: Buffer[], needles: Record<K, string>): Record<K, number> {
	const counts = {} as Record<K, number>;
	for (const [name, needle] of Object.entries(needles) as [K, string][]) {
		const bytes = Buffer.from(needle, 'utf8');
		let count = 0;
		for (const file of files) {
			for (let at = file.indexOf(bytes); at !== -1; at = file.indexOf(bytes, at + 1)) count++;
		}
		counts[name] = count;
	}
	return counts;
}

describe('account deletion on the SQLite disk', () => {
	let dir: string;
	let file: string;
	let handle: DatabaseHandle;
	let closed: Promise<void> | undefined;
	// The files must outlive the handle, to be read after brug closed them.
	const close = () => (closed ??= handle.close());

	beforeEach(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-at-rest-'));
		file = path.join(dir, 'brug.sqlite');
		handle = openDatabase({ kind: 'sqlite', file });
		closed = undefined;
		await migrateToLatest(handle.db);
	});
	afterEach(async () => {
		await close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	/**
	 * Wilhelmina writes in her journal, fills in the DJG and shares it with Piet, who reads her record (audit events
	 * that keep existing without her). Ben, another person, keeps his data, so the pages she shared stay in use.
	 */
	async function wilhelminaAndOthers(): Promise<{ person: SignedInAccount; ben: SignedInAccount; needles: Record<'address' | 'accountId' | 'marker' | 'ciphertext', string> }> {
		const fixtures = professionalFixtures(handle);
		const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		const piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		const person = await fixtures.person(address, 'Wilhelmina');
		const ben = await fixtures.person('ben@example.nl', 'Ben');
		for (const who of [person, ben]) {
			const saved = await saveAnonymousMeasurement(handle.db, { instrument: djg11, answers });
			expect(await claimMeasurement(handle.db, { token: saved.token, accountId: who.id })).toBe(true);
			await fixtures.connect(who, piet, ['measurements']);
			await openClientRecord(handle.db, { actor: piet, personId: who.id });
		}
		const { id } = await createJournalEntry(handle.db, { actor: person, input: { mood: 2, body, wentWell: marker } });
		await createJournalEntry(handle.db, { actor: ben, input: { mood: 4, body: 'Ben ging vissen.', wentWell: null } });
		const stored = await handle.db.selectFrom('journal_entry').select('body').where('id', '=', id).executeTakeFirstOrThrow();
		// A stretch from the middle of the ciphertext: what an attacker with the key would need to find.
		const ciphertext = stored.body!.slice(200, 260);
		const needles = { address, accountId: person.id, marker, ciphertext };
		const before = hits(databaseFiles(file), needles);
		expect(before.address).toBeGreaterThan(0);
		expect(before.accountId).toBeGreaterThan(0);
		expect(before.ciphertext).toBeGreaterThan(0);
		// The plain marker is never on disk, even before: the journal is encrypted. It is checked afterwards all the
		// same, and the ciphertext is what shows the entry itself has gone.
		expect(before.marker).toBe(0);
		return { person, ben, needles };
	}

	it('leaves no byte of the address, the id or the journal in the file, the WAL or its index', async () => {
		const { person, ben, needles } = await wilhelminaAndOthers();

		expect(await deleteAccount(handle.db, { account: person })).toEqual({ ok: true });

		const none = { address: 0, accountId: 0, marker: 0, ciphertext: 0 };
		expect(hits(databaseFiles(file), needles), 'while open').toEqual(none);
		// A write after the deletion starts a new WAL; it must not bring anything back.
		await createJournalEntry(handle.db, { actor: ben, input: { mood: 3, body: 'Later die week.', wentWell: null } });
		expect(hits(databaseFiles(file), needles), 'after another write').toEqual(none);
		await close();
		expect(hits(databaseFiles(file), needles), 'after close').toEqual(none);
	});

	it('control: with secure_delete off the same scan finds the deleted person', async () => {
		await sql`pragma secure_delete = off`.execute(handle.db);
		const { person, needles } = await wilhelminaAndOthers();

		await deleteAccount(handle.db, { account: person });

		const open = hits(databaseFiles(file), needles);
		expect(open.address + open.accountId + open.ciphertext).toBeGreaterThan(0);
	});
});

describe('truncating the WAL while another connection reads', () => {
	it('gives up without stalling while a reader holds an old snapshot, and succeeds once it is done', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-at-rest-'));
		const file = path.join(dir, 'brug.sqlite');
		const handle = openDatabase({ kind: 'sqlite', file });
		const reader = new SQLite(file);
		try {
			await migrateToLatest(handle.db);
			reader.prepare('begin').run();
			reader.prepare('select count(*) from account').get();
			await handle.db.insertInto('organisation').values({ id: 'o1', name: 'Buurthuis', kind: 'welfare', created_at: new Date().toISOString() }).execute();

			const started = performance.now();
			expect(await truncateWal(handle.db)).toBe(false);
			// Five short tries, not better-sqlite3's blocking busy timeout of five seconds.
			expect(performance.now() - started).toBeLessThan(2000);
			expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

			reader.prepare('commit').run();
			expect(await truncateWal(handle.db)).toBe(true);
			expect(fs.statSync(`${file}-wal`).size).toBe(0);
			// The connection's own busy timeout is back for everything else.
			expect((await sql<{ timeout: number }>`pragma busy_timeout`.execute(handle.db)).rows[0]?.timeout).toBe(5000);
		} finally {
			reader.close();
			await handle.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe.each(testDatabases())('housekeeping reclaims deleted space on $name', (target) => {
	it('truncates the SQLite WAL, or VACUUMs every table on PostgreSQL', async () => {
		const handle = await target.open();
		try {
			const person = await professionalFixtures(handle).person(address, 'Wilhelmina');
			await createJournalEntry(handle.db, { actor: person, input: { mood: 2, body, wentWell: null } });
			await handle.db.deleteFrom('account').where('id', '=', person.id).execute();

			await reclaimDeletedSpace(handle.db, handle.kind);

			if (handle.kind === 'sqlite') {
				const { rows } = await sql<{ file: string; name: string }>`pragma database_list`.execute(handle.db);
				expect(fs.statSync(`${rows.find((row) => row.name === 'main')!.file}-wal`).size).toBe(0);
			} else {
				const { rows } = await sql<{ relname: string }>`select relname from pg_stat_user_tables
					where relname in ('account', 'journal_entry', 'measurement', 'audit_event') and last_vacuum is not null`.execute(handle.db);
				expect(rows.map((row) => row.relname).sort()).toEqual(['account', 'audit_event', 'journal_entry', 'measurement']);
			}
		} finally {
			await handle.close();
		}
	});
});
