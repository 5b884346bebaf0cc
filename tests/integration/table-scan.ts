/**
 * Scans a whole test database for traces of a person, for the deletion tests.
 * - `tablesInDatabase(handle)`: the tables as the database itself lists them, so a table added later is scanned too.
 * - `tracesOf(handle, ...needles)`: every `table.column` holding a value that contains a needle (ignoring case).
 */
import { sql } from 'kysely';
import type { DatabaseHandle } from '$lib/server/db/client';

export async function tablesInDatabase(handle: DatabaseHandle): Promise<string[]> {
	const query =
		handle.kind === 'sqlite'
			? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
			: sql<{ name: string }>`select table_name as name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE'`;
	return (await query.execute(handle.db)).rows.map((r) => r.name).sort();
}

function asText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString();
	if (value instanceof Uint8Array) return Buffer.from(value).toString('latin1');
	return typeof value === 'string' ? value : JSON.stringify(value);
}

export async function tracesOf(handle: DatabaseHandle, ...needles: string[]): Promise<string[]> {
	const lowered = needles.map((n) => n.toLowerCase());
	const found = new Set<string>();
	for (const table of await tablesInDatabase(handle)) {
		const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(handle.db);
		for (const row of rows) {
			for (const [column, value] of Object.entries(row)) {
				const text = asText(value).toLowerCase();
				if (lowered.some((needle) => text.includes(needle))) found.add(`${table}.${column}`);
			}
		}
	}
	return [...found].sort();
}
