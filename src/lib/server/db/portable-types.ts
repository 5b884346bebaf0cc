/**
 * Column types that differ between the two databases, for migrations whose rows are written by a library
 * that hands the driver real Dates and booleans (better-auth): native types on PostgreSQL, and on SQLite the
 * ISO-8601 text and 0/1 integers that the library writes there. brug's own tables keep text instants everywhere
 * (docs/decisions/002-portable-columns.md).
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export interface NativeColumnTypes {
	instant: 'timestamptz' | 'text';
	boolean: 'boolean' | 'integer';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function nativeColumnTypes(db: Kysely<any>): NativeColumnTypes {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
	return postgres ? { instant: 'timestamptz', boolean: 'boolean' } : { instant: 'text', boolean: 'integer' };
}
