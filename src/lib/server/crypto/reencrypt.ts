/**
 * Which columns hold encrypted text, and moving them to the current key after a rotation.
 *
 * - `registerEncryptedColumn(column)` declares a column written with `encrypt`; returns the column, whose `context`
 *                                       the feature then uses, so writing and re-encrypting agree (see columns.ts)
 * - `registeredEncryptedColumns()`    the declared columns
 * - `reencryptAll(db, keyring, options)` rewrites, batch by batch, every value not made with the current key;
 *                                       returns per column how many were rewritten and how many could not be read
 *
 * Old values are found by their prefix ("v1.<keyId>.") in SQL, so after the first complete run a start costs one
 * scan per column that finds nothing: no decryption, no writes.
 */
import { sql, type Kysely } from 'kysely';
import { ciphertextPrefix, decryptText, DecryptionError, encryptText } from './encryption';
import type { Keyring } from './keyring.js';

export interface EncryptedColumn {
	table: string;
	/** The row's id column; ordered on to walk the table in batches (text ids, see decisions/002). */
	idColumn: string;
	/** May be nullable: null stays null. */
	column: string;
	/** The context the feature encrypts this column's values with, e.g. (id) => `journal_entry.body:${id}`. */
	context: (id: string) => string;
}

export interface ColumnReencryption {
	table: string;
	column: string;
	rewritten: number;
	/** Values with an unknown key or altered data: left as they are, to be looked into (see the log). */
	unreadable: number;
}

export interface ReencryptOptions {
	/** Default: every registered column. */
	columns?: readonly EncryptedColumn[];
	/** Rows per read and per write transaction (default 500), so a large table never sits in memory at once. */
	batchSize?: number;
}

const registry = new Map<string, EncryptedColumn>();

export function registerEncryptedColumn(column: EncryptedColumn): EncryptedColumn {
	// Registering again replaces the entry, so a module evaluated twice (dev server reloads) does no harm.
	registry.set(`${column.table}.${column.column}`, column);
	return column;
}

export function registeredEncryptedColumns(): EncryptedColumn[] {
	return [...registry.values()];
}

export async function reencryptAll(
	// The tables are declared by features at run time, not known to the Database type.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	keyring: Keyring,
	options: ReencryptOptions = {}
): Promise<ColumnReencryption[]> {
	const columns = options.columns ?? registeredEncryptedColumns();
	const batchSize = options.batchSize ?? 500;
	const report: ColumnReencryption[] = [];
	for (const column of columns) report.push(await reencryptColumn(db, keyring, column, batchSize));
	return report;
}

interface StoredValue {
	id: string | number;
	value: string;
}

async function reencryptColumn(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	keyring: Keyring,
	target: EncryptedColumn,
	batchSize: number
): Promise<ColumnReencryption> {
	const result: ColumnReencryption = { table: target.table, column: target.column, rewritten: 0, unreadable: 0 };
	const current = ciphertextPrefix(keyring.currentKeyId);
	const id = sql.ref(target.idColumn);
	const value = sql.ref(target.column);
	// Keyset pagination on the id: unreadable rows keep their old prefix, and must not be read again and again.
	let after: string | number | undefined;
	for (;;) {
		const { rows } = await sql<StoredValue>`
			select ${id} as id, ${value} as value from ${sql.table(target.table)}
			where ${value} is not null and substr(${value}, 1, ${sql.lit(current.length)}) <> ${current}
			${after === undefined ? sql`` : sql`and ${id} > ${after}`}
			order by ${id} limit ${sql.lit(batchSize)}`.execute(db);
		if (rows.length === 0) return result;
		after = rows[rows.length - 1]?.id;

		const updates: { row: StoredValue; next: string }[] = [];
		for (const row of rows) {
			const context = target.context(String(row.id));
			try {
				updates.push({ row, next: encryptText(keyring, decryptText(keyring, row.value, context), context) });
			} catch (error) {
				if (!(error instanceof DecryptionError)) throw error;
				result.unreadable += 1;
			}
		}
		await db.transaction().execute(async (trx) => {
			for (const { row, next } of updates) {
				// Only if the value is still the one read: a feature may have saved a new text in the meantime.
				const written = await trx
					.updateTable(target.table)
					.set({ [target.column]: next })
					.where(target.idColumn, '=', row.id)
					.where(target.column, '=', row.value)
					.executeTakeFirst();
				if (written.numUpdatedRows > 0n) result.rewritten += 1;
			}
		});
	}
}
