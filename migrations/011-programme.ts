/**
 * The eight-week programme (src/lib/features/programme): a person's enrolment in one version of the programme, their
 * progress per week, the measurements that belong to it, their plan for next time, the professional's short
 * messages and the reminders that were sent.
 * - `programme_enrolment`: person × programme id × version. `created_day` is the local day it was made;
 *   `start_day` the local day week 0 was first opened (weeks unlock on whole local days from there); while paused,
 *   `paused_since` holds the local day the pause began, and `paused_days` counts the whole days of earlier pauses.
 *   `state`: active, paused, stopped or completed. At most one active or paused enrolment per person (partial index).
 *   `welcome` (encrypted) is the professional's welcome line when they started it.
 * - `programme_week`: one row per enrolment and week (0–8, 9 is the follow-up) once something happened in it. The
 *   three check-in answers are encrypted; `checkin_shared` says whether professionals with the programme scope see
 *   them. `discuss_first`: the week opens only after a professional marked the conversation held (`discussed_at`).
 * - `programme_measurement`: the enrolment's before (week 0), after (week 8) and follow-up measurements, which stay
 *   ordinary rows in `measurement`.
 * - `programme_plan`: the person's plan for next time (encrypted text; `restart_steps` is a JSON array of step ids),
 *   one per person, kept after the programme ends.
 * - `programme_message`: a professional's short message (encrypted), shown on the person's overview.
 * - `programme_reminder`: reminders sent, at most one per enrolment and day; `acted_at` when the person came back.
 * Instants are UTC ISO text, days local YYYY-MM-DD. Forward-only: never edit this file once released.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('programme_enrolment')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('programme_id', 'text', (c) => c.notNull())
		.addColumn('programme_version', 'integer', (c) => c.notNull())
		.addColumn('created_day', 'text', (c) => c.notNull())
		.addColumn('start_day', 'text')
		.addColumn('started_by', 'text', (c) => c.notNull())
		.addColumn('starter_id', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
		.addColumn('welcome', 'text')
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('paused_since', 'text')
		.addColumn('paused_days', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('ended_at', 'text')
		.addColumn('reminder_choice', 'text', (c) => c.notNull())
		.addColumn('reminders_stopped_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('programme_enrolment_account_idx').on('programme_enrolment').columns(['account_id', 'created_at']).execute();
	// One running enrolment per person, also when two starts arrive at once.
	await db.schema
		.createIndex('programme_enrolment_running_idx')
		.on('programme_enrolment')
		.column('account_id')
		.unique()
		.where(sql.ref('state'), 'in', sql`('active', 'paused')`)
		.execute();

	await db.schema
		.createTable('programme_week')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('enrolment_id', 'text', (c) => c.notNull().references('programme_enrolment.id').onDelete('cascade'))
		.addColumn('week', 'integer', (c) => c.notNull())
		.addColumn('opened_at', 'text')
		.addColumn('exercise_done_at', 'text')
		.addColumn('step_done_at', 'text')
		.addColumn('went_well', 'text')
		.addColumn('tried', 'text')
		.addColumn('take_away', 'text')
		.addColumn('checkin_at', 'text')
		.addColumn('checkin_shared', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('discuss_first', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('discussed_at', 'text')
		.addColumn('discussed_by', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addUniqueConstraint('programme_week_unique', ['enrolment_id', 'week'])
		.execute();

	await db.schema
		.createTable('programme_measurement')
		.addColumn('enrolment_id', 'text', (c) => c.notNull().references('programme_enrolment.id').onDelete('cascade'))
		.addColumn('moment', 'text', (c) => c.notNull())
		.addColumn('measurement_id', 'text', (c) => c.notNull().references('measurement.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('programme_measurement_pk', ['enrolment_id', 'moment'])
		.execute();
	await db.schema.createIndex('programme_measurement_measurement_idx').on('programme_measurement').column('measurement_id').execute();

	await db.schema
		.createTable('programme_plan')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().unique().references('account.id').onDelete('cascade'))
		.addColumn('enrolment_id', 'text', (c) => c.references('programme_enrolment.id').onDelete('set null'))
		.addColumn('early_signs', 'text')
		.addColumn('what_helps', 'text')
		.addColumn('whom_to_contact', 'text')
		.addColumn('restart_steps', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('programme_message')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('enrolment_id', 'text', (c) => c.notNull().references('programme_enrolment.id').onDelete('cascade'))
		.addColumn('author_id', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('programme_message_enrolment_idx').on('programme_message').columns(['enrolment_id', 'created_at']).execute();

	await db.schema
		.createTable('programme_reminder')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('enrolment_id', 'text', (c) => c.notNull().references('programme_enrolment.id').onDelete('cascade'))
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('week', 'integer', (c) => c.notNull())
		.addColumn('sent_at', 'text', (c) => c.notNull())
		.addColumn('acted_at', 'text')
		.addUniqueConstraint('programme_reminder_once_a_day', ['enrolment_id', 'day'])
		.execute();
}
