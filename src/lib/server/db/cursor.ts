/**
 * Keyset paging for newest-first lists: a page ends at a row, and the next page starts just below it.
 * - `pageCursor(at, id)`: the cursor of the last row of a page, `<instant>|<id>` (rows can share a millisecond).
 * - `parseCursor(value)`: back into its parts; a bare ISO instant is accepted too (the page then starts strictly
 *   before it). Undefined for anything else.
 */
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
