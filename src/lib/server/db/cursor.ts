/**
 * Keyset paging for newest-first lists: a page ends at a row, and the next page starts just below it.
 * - `pageCursor(at, id)`: the cursor of the last row of a page, `<instant>|<id>` (rows can share a millisecond).
 * - `parseCursor(value)`: back into its parts; a bare ISO instant is accepted too (the page then starts strictly
 *   before it). Undefined for anything else.
 * - `olderThan(value, columns?)`: the WHERE condition for the next page of a newest-first list, or undefined when
 *   there is no (valid) cursor; columns default to `created_at` and `id`.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
export interface Cursor {
	at: string;
	id?: string;
}

export function pageCursor(at: string, id: string): string {
	return `${at}|${id}`;
}

export function parseCursor(value: string | undefined): Cursor | undefined {
	if (!value) return undefined;
	const [at = '', id, extra] = value.split('|');
	if (extra !== undefined || Number.isNaN(Date.parse(at))) return undefined;
	return { at: new Date(at).toISOString(), id: id || undefined };
}

export function olderThan(
	value: string | undefined,
	columns: { at: string; id: string } = { at: 'created_at', id: 'id' }
): RawBuilder<SqlBool> | undefined {
	const cursor = parseCursor(value);
	if (!cursor) return undefined;
	const at = sql.ref(columns.at);
	if (!cursor.id) return sql<SqlBool>`${at} < ${cursor.at}`;
	const id = sql.ref(columns.id);
	return sql<SqlBool>`(${at} < ${cursor.at} or (${at} = ${cursor.at} and ${id} < ${cursor.id}))`;
}
