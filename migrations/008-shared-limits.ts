/**
 * State that every instance of brug must share, so that several processes on one database act as one:
 * - `attempt_counter`: the abuse limits' counters. One row per key and fixed window; the key is a keyed hash
 *   (HMAC) of the action and who tries it, so no client address or e-mail address is stored. Rows whose window has
 *   ended are swept.
 * - `setup_token`: the one-time token that opens the setup page on a fresh install. One row at most (the primary key
 *   is a constant); the token itself is never stored, only the random nonce it is derived from. `used_at` is set in
 *   the transaction that creates the organisation, so the token works once, whichever instance receives it.
 * Forward-only: never edit this file once released; add a new numbered migration instead.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('attempt_counter')
		.addColumn('key_hash', 'text', (c) => c.notNull())
		/** The end of the fixed window this row counts (UTC ISO text); the row is worthless after it. */
		.addColumn('window_ends_at', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('attempt_counter_pk', ['key_hash', 'window_ends_at'])
		.execute();
	await db.schema.createIndex('attempt_counter_window_idx').on('attempt_counter').column('window_ends_at').execute();

	await db.schema
		.createTable('setup_token')
		/** Always 'first-organisation': the constant key makes a second row impossible. */
		.addColumn('id', 'text', (c) => c.primaryKey())
		/** Random; the token is an HMAC of it under the shared auth secret, so every instance can show the same token. */
		.addColumn('nonce', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
}
