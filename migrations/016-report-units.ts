/**
 * Report units kept ready (src/lib/features/reports/report-unit-refresh.server.ts), so an outcome report over years
 * of data reads one narrow table instead of joining enrolments, sessions, attendance and measurements every time.
 * - `report_unit`: one row per programme enrolment that started (`enrolment_id`) and per group participation
 *   (`participant_id`), with its organisation, person, programme or group, start, completion, the DJG-11 scores
 *   before, after and at follow-up (and the measurements they come from), and the sessions held that the person's
 *   participations in that group attended and could attend (null without one). No consent here: consent is applied
 *   when a report is read, so a withdrawal counts at once. Rows go with their enrolment, participation or account
 *   (cascade) and with a deleted measurement (trigger below), so no copy of a deleted score stays behind.
 * - `report_stale`: what changed since the units were last brought up to date: an enrolment, a group, or both.
 *   Triggers on every source table add rows; reading a report first rebuilds the units they name, then removes them.
 *   `taken` is 1 only inside the transaction that rebuilds. Triggers, not calls in every writer, so no write path
 *   (cascades and set-up scripts included) can forget.
 * Existing data: every started enrolment and every group is marked, so the first report read builds the units.
 * Forward-only: never edit this file once released.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

interface Trigger {
	name: string;
	/** e.g. `insert`, `delete`, `update of state, start_day`. */
	event: string;
	table: string;
	/** Statements, each without its final semicolon, using `new.` and `old.` as both databases do. */
	body: string[];
}

const mark = (enrolment: string, group: string) => `insert into report_stale (enrolment_id, group_id) values (${enrolment}, ${group})`;
const markGroupOfSession = (row: 'new' | 'old', column: string) =>
	`insert into report_stale (enrolment_id, group_id) select null, group_id from group_session where id = ${row}.${column}`;
const markEnrolment = (row: 'new' | 'old') =>
	`insert into report_stale (enrolment_id, group_id) select id, group_id from programme_enrolment where id = ${row}.enrolment_id`;
const usesMeasurement = 'before_id = old.id or after_id = old.id or follow_id = old.id';

/** For each source table: what to mark on insert, on delete, and on an update of the columns a unit is made of. */
function triggers(): Trigger[] {
	const all: Trigger[] = [];
	const on = (table: string, columns: string, insert: (row: 'new' | 'old') => string[]) => {
		all.push({ name: `${table}_ins`, event: 'insert', table, body: insert('new') });
		all.push({ name: `${table}_del`, event: 'delete', table, body: insert('old') });
		all.push({ name: `${table}_upd`, event: `update of ${columns}`, table, body: [...insert('old'), ...insert('new')] });
	};
	on('programme_enrolment', 'account_id, organisation_id, programme_id, group_id, state, start_day', (row) => [
		mark(`${row}.id`, `${row}.group_id`)
	]);
	on('programme_measurement', 'enrolment_id, moment, measurement_id', (row) => [markEnrolment(row)]);
	on('group_participant', 'group_id, account_id, joined_at, left_at', (row) => [mark('null', `${row}.group_id`)]);
	on('group_session', 'group_id, day, starts_at, status, is_return', (row) => [mark('null', `${row}.group_id`)]);
	on('group_attendance', 'session_id, participant_id, status', (row) => [markGroupOfSession(row, 'session_id')]);
	on('measurement_request', 'group_session_id, person_id, instrument_id, last_measurement_id', (row) => [
		markGroupOfSession(row, 'group_session_id')
	]);
	all.push({
		name: 'group_training_upd',
		event: 'update of organisation_id, complete_after',
		table: 'group_training',
		body: [mark('null', 'new.id')]
	});
	// A deleted measurement takes its copied scores with it at once; the unit is rebuilt when a report is next read.
	const measurementGone = [
		`insert into report_stale (enrolment_id, group_id) select enrolment_id, group_id from report_unit where ${usesMeasurement}`,
		`delete from report_unit where ${usesMeasurement}`
	];
	all.push({ name: 'measurement_del', event: 'delete', table: 'measurement', body: measurementGone });
	all.push({ name: 'measurement_upd', event: 'update of emotional, social, total, instrument_id', table: 'measurement', body: measurementGone });
	return all;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
	await db.schema
		.createTable('report_unit')
		.addColumn('unit_id', 'text', (c) => c.primaryKey())
		.addColumn('enrolment_id', 'text', (c) => c.references('programme_enrolment.id').onDelete('cascade'))
		.addColumn('participant_id', 'text', (c) => c.references('group_participant.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('programme_id', 'text')
		.addColumn('group_id', 'text')
		.addColumn('start_day', 'text')
		.addColumn('joined_at', 'text')
		.addColumn('completed', 'integer', (c) => c.notNull())
		.addColumn('before_id', 'text')
		.addColumn('after_id', 'text')
		.addColumn('follow_id', 'text')
		.addColumn('be', 'integer')
		.addColumn('bs', 'integer')
		.addColumn('ae', 'integer')
		.addColumn('a_s', 'integer')
		.addColumn('ft', 'integer')
		.addColumn('attended', 'integer')
		.addColumn('expected', 'integer')
		.execute();
	await db.schema.createIndex('report_unit_organisation_idx').on('report_unit').columns(['organisation_id', 'group_id']).execute();
	await db.schema.createIndex('report_unit_person_group_idx').on('report_unit').columns(['person_id', 'group_id']).execute();
	await db.schema.createIndex('report_unit_group_idx').on('report_unit').column('group_id').execute();
	await db.schema.createIndex('report_unit_enrolment_idx').on('report_unit').column('enrolment_id').execute();
	await db.schema.createIndex('report_unit_participant_idx').on('report_unit').column('participant_id').execute();
	for (const column of ['before_id', 'after_id', 'follow_id']) {
		await db.schema.createIndex(`report_unit_${column}_idx`).on('report_unit').column(column).execute();
	}

	// A group's enrolments are rebuilt with it (they copy its attendance).
	await db.schema.createIndex('programme_enrolment_group_idx').on('programme_enrolment').column('group_id').execute();

	await db.schema
		.createTable('report_stale')
		.addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
		.addColumn('enrolment_id', 'text')
		.addColumn('group_id', 'text')
		.addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.createIndex('report_stale_taken_idx').on('report_stale').column('taken').execute();

	for (const trigger of triggers()) {
		const name = `report_stale_${trigger.name}`;
		if (postgres) {
			await sql
				.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${trigger.body.join('; ')}; return null; end $$`)
				.execute(db);
			await sql.raw(`create trigger ${name} after ${trigger.event} on ${trigger.table} for each row execute function ${name}()`).execute(db);
		} else {
			await sql.raw(`create trigger ${name} after ${trigger.event} on ${trigger.table} for each row begin ${trigger.body.join('; ')}; end`).execute(db);
		}
	}

	await sql`insert into report_stale (enrolment_id, group_id) select id, group_id from programme_enrolment where start_day is not null`.execute(db);
	await sql`insert into report_stale (enrolment_id, group_id) select null, id from group_training`.execute(db);
}
