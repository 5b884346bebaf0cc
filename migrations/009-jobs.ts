/**
 * Jobs (src/lib/server/jobs): one row per keyed job, ever, so a key enqueued again (by another instance, after a
 * restart, after the job finished) is recognised and never runs twice.
 * - `key_hash`: SHA-256 of the job's key. A key may name a person (person, day, kind); the hash keeps that id out of
 *   the table once the job is done.
 * - `payload`: ids only, as JSON; the SQLite runner's queue reads it, and it is emptied when the job ends. On
 *   PostgreSQL the queue (pg-boss, schema `pgboss`) carries the payload and this column stays empty.
 * - `state`: queued, running, done, failed (gave up after `max_attempts`) or cancelled.
 * - `attempts`: how often the job was started; `locked_until`: a running job's lease (SQLite runner).
 * Instants are UTC ISO text. Forward-only: never edit this file once released; add a new numbered migration instead.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('job')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('key_hash', 'text', (c) => c.notNull())
		.addColumn('payload', 'text')
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('run_at', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('max_attempts', 'integer', (c) => c.notNull())
		.addColumn('locked_until', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('finished_at', 'text')
		.addUniqueConstraint('job_kind_key_unique', ['kind', 'key_hash'])
		.execute();
	await db.schema.createIndex('job_due_idx').on('job').columns(['state', 'run_at']).execute();
}
