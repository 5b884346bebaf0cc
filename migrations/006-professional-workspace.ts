/**
 * The professional workspace (issue 6): measurement requests from a professional to a client, and the client's health
 * webs (a conversation tool the person fills in; a professional sees them only with the health_web scope), and the
 * professional's self-sufficiency ratings (observed, per domain; notes encrypted, see src/lib/server/crypto/columns.ts).
 * `*_day` columns are local dates (YYYY-MM-DD, Europe/Amsterdam); instants are UTC ISO text; maps are JSON text.
 * Forward-only: never edit this file once released; add a new numbered migration instead.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('measurement_request')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		/** Who asked; null once their account is gone: such a request is never a task and shows on no page. */
		.addColumn('professional_id', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		/** djg-11, djg-6 or ucla-3. */
		.addColumn('instrument_id', 'text', (c) => c.notNull())
		/** Null: once. Otherwise weeks between two measurements, counted from the last one filled in. */
		.addColumn('repeat_weeks', 'integer')
		/** The local day from which the client sees it as a task. */
		.addColumn('due_day', 'text', (c) => c.notNull())
		/** Set when it is done (once) or cancelled; a repeating request stays open until cancelled. */
		.addColumn('ended_at', 'text')
		.addColumn('end_reason', 'text')
		.addColumn('last_measurement_id', 'text', (c) => c.references('measurement.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('measurement_request_person_idx').on('measurement_request').columns(['person_id', 'due_day']).execute();
	await db.schema.createIndex('measurement_request_professional_idx').on('measurement_request').column('professional_id').execute();

	await db.schema
		.createTable('health_web')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		/** JSON object: dimension id → whole number 0–10. */
		.addColumn('scores', 'text', (c) => c.notNull())
		/** JSON array of the dimensions marked "hier wil ik over praten", in web order. */
		.addColumn('discuss', 'text', (c) => c.notNull())
		.addColumn('taken_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('health_web_account_idx').on('health_web').columns(['account_id', 'taken_at']).execute();

	await db.schema
		.createTable('self_sufficiency_rating')
		.addColumn('id', 'text', (c) => c.primaryKey())
		/** A rating belongs to the organisation and the client (DESIGN.md); colleagues with their own grant see it. */
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('professional_id', 'text', (c) => c.references('account.id').onDelete('set null'))
		/** JSON object: domain → { level 1–5 | null, source | null }. */
		.addColumn('levels', 'text', (c) => c.notNull())
		/** Encrypted JSON object: domain → note; null without notes. */
		.addColumn('notes', 'text')
		.addColumn('rated_at', 'text', (c) => c.notNull())
		.execute();
	// The caseload asks "has this professional read this shared entry?" of the audit log, which only grows.
	await db.schema.createIndex('audit_event_reader_idx').on('audit_event').columns(['actor_id', 'action', 'object']).execute();
	await db.schema.createIndex('self_sufficiency_rating_person_idx').on('self_sufficiency_rating').columns(['person_id', 'rated_at']).execute();
}
