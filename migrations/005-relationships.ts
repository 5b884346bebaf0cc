/**
 * A person's relationship map: the people in their life (relations), contacts that happened (contact moments),
 * planned moments of connection, and the token of their personal calendar feed. Owned by one account; nobody else
 * ever reads a row, a linked professional sees only counts (relationship_summary scope).
 * Names, notes and places are stored encrypted (src/lib/server/crypto/columns.ts lists the columns).
 * `day` columns are local dates (YYYY-MM-DD, Europe/Amsterdam); instants are UTC ISO text; lists are JSON text.
 * Forward-only: never edit this file once released; add a new numbered migration instead.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('relation')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		/** First name or nickname, encrypted: it names somebody who never agreed to be in brug. */
		.addColumn('nickname', 'text', (c) => c.notNull())
		/** intimate, friends or community. */
		.addColumn('circle', 'text', (c) => c.notNull())
		/** JSON array of what this contact brings (ids from contactBrings). */
		.addColumn('brings', 'text', (c) => c.notNull())
		.addColumn('rhythm', 'text', (c) => c.notNull())
		.addColumn('note', 'text')
		/** The local day the person was added: the rhythm runs from here until the first contact. */
		.addColumn('added_day', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('relation_account_idx').on('relation').column('account_id').execute();

	await db.schema
		.createTable('planned_moment')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('relation_id', 'text', (c) => c.notNull().references('relation.id').onDelete('cascade'))
		/** How they plan to meet: meeting, call, online, … (ids from contactKinds). */
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('day', 'text', (c) => c.notNull())
		/** HH:MM, local time. */
		.addColumn('time', 'text', (c) => c.notNull())
		.addColumn('place', 'text')
		.addColumn('note', 'text')
		/** Set once the person said how it went (or that it did not happen); it stays in the feed as history. */
		.addColumn('closed_at', 'text')
		/** The answer: 1 it happened, 0 it did not; null while open. Kept here, so deleting the contact keeps the answer. */
		.addColumn('happened', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('planned_moment_account_day_idx').on('planned_moment').columns(['account_id', 'day']).execute();
	await db.schema.createIndex('planned_moment_relation_idx').on('planned_moment').column('relation_id').execute();

	await db.schema
		.createTable('contact_moment')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('relation_id', 'text', (c) => c.notNull().references('relation.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('day', 'text', (c) => c.notNull())
		/** 1–5: how it felt. */
		.addColumn('feeling', 'integer', (c) => c.notNull())
		/** The planned moment this contact came from ("hoe ging het?"), if any. */
		.addColumn('planned_moment_id', 'text', (c) => c.references('planned_moment.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('contact_moment_account_day_idx').on('contact_moment').columns(['account_id', 'day']).execute();
	await db.schema.createIndex('contact_moment_relation_day_idx').on('contact_moment').columns(['relation_id', 'day']).execute();
	// One answer to "how did it go?" per planned moment, also when it is sent twice at once.
	await db.schema
		.createIndex('contact_moment_planned_once_idx')
		.on('contact_moment')
		.column('planned_moment_id')
		.unique()
		.execute();

	await db.schema
		.createTable('calendar_token')
		.addColumn('id', 'text', (c) => c.primaryKey())
		/** One feed per person: renewing replaces the row, revoking deletes it. */
		.addColumn('account_id', 'text', (c) => c.notNull().unique().references('account.id').onDelete('cascade'))
		/** SHA-256 of the token in the feed URL; the token itself is shown once and never stored. */
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		/** The language of the feed's texts: the one the person used when making it. */
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		/** When a calendar app last fetched the feed (to the hour), so the person can see it is in use. */
		.addColumn('last_used_at', 'text')
		.execute();
}
