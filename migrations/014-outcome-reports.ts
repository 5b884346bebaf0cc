/**
 * Outcome reports (src/lib/features/reports): aggregates of paired measurements, never stored per person.
 * - `report_consent`: a person's choice that their results count, without their name, in one organisation's figures.
 *   History is kept: withdrawing sets `ended_at`, choosing again adds a row. At most one open row per person and
 *   organisation. Reports are computed when read, so a withdrawal counts for every report made afterwards.
 * - `outcome_report`: what an organisation's report covers: `kind` 'programme' (enrolments of `programme_id`),
 *   'groups' (participations in the groups listed in `group_ids`, a JSON array; empty means all the organisation's
 *   groups) or 'period' (every enrolment and participation). `period_from`/`period_to`: local days on which a unit
 *   started (both optional). `scale_sd` and `reliability`: the reliable-change settings the report uses and shows.
 * - `outcome_report_share`: the report shared with a funder (an organisation of kind 'funder').
 * Membership role 'report_reader' and organisation kind 'funder' are new values of existing text columns.
 * Forward-only: never edit this file once released.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('report_consent')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('granted_at', 'text', (c) => c.notNull())
		.addColumn('ended_at', 'text')
		.execute();
	await db.schema
		.createIndex('report_consent_open_idx')
		.on('report_consent')
		.columns(['organisation_id', 'person_id'])
		.unique()
		.where(sql.ref('ended_at'), 'is', null)
		.execute();
	await db.schema.createIndex('report_consent_person_idx').on('report_consent').column('person_id').execute();

	await db.schema
		.createTable('outcome_report')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('programme_id', 'text')
		.addColumn('group_ids', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('period_from', 'text')
		.addColumn('period_to', 'text')
		.addColumn('scale_sd', 'real', (c) => c.notNull())
		.addColumn('reliability', 'real', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('outcome_report_organisation_idx').on('outcome_report').column('organisation_id').execute();

	await db.schema
		.createTable('outcome_report_share')
		.addColumn('report_id', 'text', (c) => c.notNull().references('outcome_report.id').onDelete('cascade'))
		.addColumn('funder_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('shared_by', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('shared_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('outcome_report_share_pk', ['report_id', 'funder_id'])
		.execute();
	await db.schema.createIndex('outcome_report_share_funder_idx').on('outcome_report_share').column('funder_id').execute();
}
