/**
 * What a person does with the self-help toolkit: journal entries, thought checks, kind moments, planned small steps,
 * and which exercises they did. Free text is stored encrypted (src/lib/server/crypto/columns.ts lists the columns).
 * `day` is a local date (YYYY-MM-DD, Europe/Amsterdam); instants are UTC ISO text; booleans are 0/1.
 * Forward-only: never edit this file once released; add a new numbered migration instead.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('journal_entry')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('mood', 'integer', (c) => c.notNull())
		.addColumn('body', 'text')
		.addColumn('went_well', 'text')
		/** 1 when the person marked it "bespreek dit": a linked professional may read this one entry. */
		.addColumn('discuss', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('journal_entry_account_day_idx').on('journal_entry').columns(['account_id', 'day']).execute();

	await db.schema
		.createTable('thought_record')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('situation', 'text', (c) => c.notNull())
		.addColumn('thought', 'text', (c) => c.notNull())
		.addColumn('belief_before', 'integer', (c) => c.notNull())
		.addColumn('facts_for', 'text')
		.addColumn('facts_against', 'text')
		.addColumn('alternative', 'text')
		.addColumn('belief_after', 'integer')
		.addColumn('small_action', 'text')
		.addColumn('discuss', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('thought_record_account_day_idx').on('thought_record').columns(['account_id', 'day']).execute();

	await db.schema
		.createTable('kind_moment')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('kind_moment_account_day_idx').on('kind_moment').columns(['account_id', 'day']).execute();

	await db.schema
		.createTable('step_plan')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		/** A small step's content id (content/<locale>/steps/<id>.md). */
		.addColumn('step_id', 'text', (c) => c.notNull())
		.addColumn('planned_day', 'text', (c) => c.notNull())
		.addColumn('done_at', 'text')
		/** 1–5, after it was done. */
		.addColumn('how_it_went', 'integer')
		.addColumn('note', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('step_plan_account_day_idx').on('step_plan').columns(['account_id', 'planned_day']).execute();

	await db.schema
		.createTable('exercise_done')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('exercise_id', 'text', (c) => c.notNull())
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	// Once per exercise per day is all the suggestion needs; the index makes it so, also for simultaneous saves.
	await db.schema
		.createIndex('exercise_done_once_a_day_idx')
		.on('exercise_done')
		.columns(['account_id', 'exercise_id', 'day'])
		.unique()
		.execute();
}
