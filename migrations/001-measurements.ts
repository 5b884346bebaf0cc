/**
 * Measurements: one completed instrument. Portable across SQLite and PostgreSQL (see docs/decisions/002).
 * Forward-only: never edit this file once released; add a new numbered migration instead.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('measurement')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('instrument_id', 'text', (c) => c.notNull())
		.addColumn('instrument_version', 'text', (c) => c.notNull())
		.addColumn('scoring_version', 'integer', (c) => c.notNull())
		.addColumn('answers', 'text', (c) => c.notNull())
		.addColumn('total', 'integer')
		.addColumn('emotional', 'integer')
		.addColumn('social', 'integer')
		.addColumn('band', 'text')
		.addColumn('taken_at', 'text', (c) => c.notNull())
		.addColumn('account_id', 'text')
		.addColumn('access_token_hash', 'text', (c) => c.unique())
		.execute();
	await db.schema.createIndex('measurement_account_idx').on('measurement').column('account_id').execute();
}
