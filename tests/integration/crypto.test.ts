/**
 * Encryption at rest, end to end: journal-like text stored through `encryptText` is not readable in the database
 * (on SQLite not even in the raw file bytes), reads back, and moves to a new key after a rotation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/schema';
import {
	ciphertextKeyId,
	decryptText,
	encryptText,
	loadKeyring,
	reencryptAll,
	registerEncryptedColumn,
	registeredEncryptedColumns,
	rotateKeyring,
	type EncryptedColumn,
	type Keyring
} from '$lib/server/crypto';
import { testDatabases, type TestDatabase } from './databases';

// A type alias, not an interface: withTables<T>() needs the index signature an alias has.
type ProbeTables = {
	crypto_probe: { id: string; body: string };
	crypto_control: { id: string; body: string };
};
type ProbeDatabase = Database & ProbeTables;

// Distinctive, so a hit in the file bytes cannot be a coincidence.
const secret = 'Sinds Joop er niet meer is, praat ik soms dagenlang met niemand en dat doet pijn.';
const control = 'Deze controlezin staat bewust onversleuteld in de database, ter vergelijking.';

const probe: EncryptedColumn = {
	table: 'crypto_probe',
	idColumn: 'id',
	column: 'body',
	context: (id) => `crypto_probe.body:${id}`
};

/** The bytes SQLite keeps on disk for this database: the main file after a checkpoint, and any WAL left. */
async function sqliteFileBytes(db: Kysely<ProbeDatabase>): Promise<Buffer> {
	await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
	const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
	const file = rows.find((row) => row.name === 'main')?.file;
	if (!file) throw new Error('The SQLite database has no file on disk.');
	const parts = [fs.readFileSync(file)];
	if (fs.existsSync(`${file}-wal`)) parts.push(fs.readFileSync(`${file}-wal`));
	return Buffer.concat(parts);
}

describe.each(testDatabases())('encryption at rest on $name', (target: TestDatabase) => {
	let handle: DatabaseHandle;
	let db: Kysely<ProbeDatabase>;
	let dataDir: string;
	let keyring: Keyring;

	beforeEach(async () => {
		handle = await target.open();
		db = handle.db.withTables<ProbeTables>();
		for (const table of ['crypto_probe', 'crypto_control'] as const) {
			await db.schema
				.createTable(table)
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('body', 'text', (c) => c.notNull())
				.execute();
		}
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-crypto-'));
		keyring = loadKeyring({ dataDir });
	});

	afterEach(async () => {
		await handle.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	async function store(id: string, text: string, using = keyring): Promise<void> {
		await db.insertInto('crypto_probe').values({ id, body: encryptText(using, text, probe.context(id)) }).execute();
	}

	async function storedRows() {
		return db.selectFrom('crypto_probe').select(['id', 'body']).orderBy('id').execute();
	}

	test('stored journal-like text is not readable in the database, and decrypts back', async () => {
		await store('entry-1', secret);
		await db.insertInto('crypto_control').values({ id: 'control-1', body: control }).execute();

		const [row] = await storedRows();
		expect(row?.body).toMatch(new RegExp(`^v1\\.${keyring.currentKeyId}\\.`));
		expect(row?.body).not.toContain('Joop');
		expect(decryptText(keyring, row?.body ?? '', probe.context('entry-1'))).toBe(secret);

		if (handle.kind === 'sqlite') {
			const bytes = await sqliteFileBytes(db);
			// The control proves the scan sees stored text at all; the secret must not be there in any form.
			expect(bytes.includes(Buffer.from(control, 'utf8'))).toBe(true);
			expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
			expect(bytes.includes(Buffer.from('dagenlang met niemand', 'utf8'))).toBe(false);
			expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
		}
	});

	test('a value copied to another row does not decrypt there', async () => {
		await store('entry-1', secret);
		const [row] = await storedRows();
		await db.insertInto('crypto_probe').values({ id: 'entry-2', body: row?.body ?? '' }).execute();
		expect(() => decryptText(keyring, row?.body ?? '', probe.context('entry-2'))).toThrow(/another row or column/);
	});

	test('after a rotation, reencryptAll moves every row to the new key in batches, and they still decrypt', async () => {
		const texts = new Map([
			['entry-1', secret],
			['entry-2', 'Vandaag de hond uitgelaten en met de buurvrouw gepraat.'],
			['entry-3', ''],
			['entry-4', 'Ik ben naar het wijkcentrum gegaan. 🙂'],
			['entry-5', 'Morgen bel ik mijn zus.']
		]);
		for (const [id, text] of texts) await store(id, text);
		const oldKeyId = keyring.currentKeyId;

		const rotation = rotateKeyring({ dataDir });
		const rotated = loadKeyring({ dataDir });
		expect(rotated.currentKeyId).toBe(rotation.keyId);
		// Written after the rotation, so already on the new key: left alone.
		await store('entry-6', 'Nieuw na de rotatie.', rotated);
		texts.set('entry-6', 'Nieuw na de rotatie.');

		const report = await reencryptAll(db, rotated, { columns: [probe], batchSize: 2 });
		expect(report).toEqual([{ table: 'crypto_probe', column: 'body', rewritten: 5, unreadable: 0 }]);

		const rows = await storedRows();
		expect(rows.map((row) => row.id)).toEqual([...texts.keys()]);
		for (const row of rows) {
			expect(ciphertextKeyId(row.body)).toBe(rotated.currentKeyId);
			expect(ciphertextKeyId(row.body)).not.toBe(oldKeyId);
			expect(decryptText(rotated, row.body, probe.context(row.id))).toBe(texts.get(row.id));
		}

		// Nothing left to do: a second run (as on the next start) rewrites nothing.
		expect(await reencryptAll(db, rotated, { columns: [probe] })).toEqual([
			{ table: 'crypto_probe', column: 'body', rewritten: 0, unreadable: 0 }
		]);
	});

	test('rows it cannot read are counted and left as they are; the rest is still re-encrypted', async () => {
		await store('entry-1', secret);
		const stranger = loadKeyring({ dataDir: fs.mkdtempSync(path.join(dataDir, 'elsewhere-')) });
		await store('entry-2', 'Van een andere installatie.', stranger);
		await db.insertInto('crypto_probe').values({ id: 'entry-3', body: 'not encrypted at all' }).execute();
		const before = await storedRows();

		rotateKeyring({ dataDir });
		const rotated = loadKeyring({ dataDir });
		const report = await reencryptAll(db, rotated, { columns: [probe] });

		expect(report).toEqual([{ table: 'crypto_probe', column: 'body', rewritten: 1, unreadable: 2 }]);
		const after = await storedRows();
		expect(ciphertextKeyId(after[0]?.body ?? '')).toBe(rotated.currentKeyId);
		expect(after.slice(1)).toEqual(before.slice(1));
	});

	test('reencryptAll walks the registered columns by default', async () => {
		registerEncryptedColumn(probe);
		expect(registeredEncryptedColumns()).toContain(probe);
		await store('entry-1', secret);

		rotateKeyring({ dataDir });
		const rotated = loadKeyring({ dataDir });
		const report = await reencryptAll(db, rotated);

		expect(report).toContainEqual({ table: 'crypto_probe', column: 'body', rewritten: 1, unreadable: 0 });
		const [row] = await storedRows();
		expect(decryptText(rotated, row?.body ?? '', probe.context('entry-1'))).toBe(secret);
	});
});
