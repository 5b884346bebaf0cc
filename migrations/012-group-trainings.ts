/**
 * Group trainings (src/lib/features/groups): an organisation's small group with leaders and a series of sessions;
 * people join by a printed code and consent to the group's leaders seeing what the group needs.
 * - `group_training`: the group. `programme_id`/`programme_version` when it follows the eight-week programme (session
 *   N then opens week N for every participant). `capacity`: at most that many participants at once. `complete_after`:
 *   a participant who attended at least that many sessions completed. `archived_at`: the group ended and is kept.
 * - `group_leader`: one or two professionals of the organisation who lead it.
 * - `group_session`: one meeting: local day, start and end time (HH:MM, Europe/Amsterdam by default), place or video
 *   link, `status` planned, held or cancelled. `sequence` rises with every change the participants are told about (the
 *   calendar feed's SEQUENCE, and the key of the change mail). `is_return`: the return meeting weeks later.
 * - `group_code`: an invitation code a leader made, stored as a hash to find it and encrypted to print it again.
 * - `group_participant`: a person in a group, with the consent grant (`consent_grant.group_id`, audience `group`) that
 *   lets the leaders in. `left_at` once they left (the grant ended). `share_checkins`: leaders see their own check-in
 *   answers, not only the group's totals. `reminders`: 'day_before' or 'none'. `name` is not kept here: the grant's
 *   encrypted `person_name` is how the leaders see them.
 * - `group_attendance`: one row per session and participant once something was recorded; `status` expected, present,
 *   late, excused (the person's "ik kan er niet bij zijn" or the leader's "afgemeld"), absent or stopped.
 *   `excused_by_person`: the person sent it themselves.
 * - `group_checkin`: the participant's three answers after a session (1–5) and an optional line (encrypted).
 * - `group_note`: a leader's private note about one participant in one session (encrypted).
 * - `group_mail`: mails sent about a session change or a reminder, one row per participant and key, written before
 *   the mail, so two instances never both send one.
 * - `consent_grant.group_id`: the group a grant of audience `group` is for.
 * - `measurement_request.group_session_id`: the request the group's first or last session made (outcome reports pair
 *   them). `programme_enrolment.group_id`: the enrolment follows this group's dates.
 * Instants are UTC ISO text, days local YYYY-MM-DD. Forward-only: never edit this file once released.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('group_training')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('programme_id', 'text')
		.addColumn('programme_version', 'integer')
		.addColumn('capacity', 'integer', (c) => c.notNull())
		.addColumn('complete_after', 'integer', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('archived_at', 'text')
		.execute();
	await db.schema.createIndex('group_training_organisation_idx').on('group_training').column('organisation_id').execute();

	await db.schema
		.createTable('group_leader')
		.addColumn('group_id', 'text', (c) => c.notNull().references('group_training.id').onDelete('cascade'))
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('group_leader_pk', ['group_id', 'account_id'])
		.execute();
	await db.schema.createIndex('group_leader_account_idx').on('group_leader').column('account_id').execute();

	await db.schema
		.createTable('group_session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('group_id', 'text', (c) => c.notNull().references('group_training.id').onDelete('cascade'))
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('place', 'text')
		.addColumn('video_url', 'text')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('is_return', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('held_at', 'text')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('group_session_group_idx').on('group_session').columns(['group_id', 'day']).execute();
	await db.schema.createIndex('group_session_day_idx').on('group_session').column('day').execute();

	await db.schema
		.createTable('group_code')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('group_id', 'text', (c) => c.notNull().references('group_training.id').onDelete('cascade'))
		.addColumn('code_hash', 'text', (c) => c.notNull().unique())
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('revoked_at', 'text')
		.execute();
	await db.schema.createIndex('group_code_group_idx').on('group_code').column('group_id').execute();

	await db.schema.alterTable('consent_grant').addColumn('group_id', 'text').execute();
	await db.schema.createIndex('consent_grant_group_idx').on('consent_grant').column('group_id').execute();

	await db.schema
		.createTable('group_participant')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('group_id', 'text', (c) => c.notNull().references('group_training.id').onDelete('cascade'))
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('grant_id', 'text', (c) => c.notNull())
		.addColumn('joined_at', 'text', (c) => c.notNull())
		.addColumn('left_at', 'text')
		.addColumn('share_checkins', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('reminders', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('group_participant_account_idx').on('group_participant').column('account_id').execute();
	await db.schema.createIndex('group_participant_grant_idx').on('group_participant').column('grant_id').execute();
	// One current place per person in a group, also when two joins arrive at once.
	await db.schema
		.createIndex('group_participant_current_idx')
		.on('group_participant')
		.columns(['group_id', 'account_id'])
		.unique()
		.where(sql.ref('left_at'), 'is', null)
		.execute();

	await db.schema
		.createTable('group_attendance')
		.addColumn('session_id', 'text', (c) => c.notNull().references('group_session.id').onDelete('cascade'))
		.addColumn('participant_id', 'text', (c) => c.notNull().references('group_participant.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('excused_by_person', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('recorded_by', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('group_attendance_pk', ['session_id', 'participant_id'])
		.execute();
	await db.schema.createIndex('group_attendance_participant_idx').on('group_attendance').column('participant_id').execute();

	await db.schema
		.createTable('group_checkin')
		.addColumn('session_id', 'text', (c) => c.notNull().references('group_session.id').onDelete('cascade'))
		.addColumn('participant_id', 'text', (c) => c.notNull().references('group_participant.id').onDelete('cascade'))
		.addColumn('id', 'text', (c) => c.notNull().unique())
		.addColumn('welcome', 'integer', (c) => c.notNull())
		.addColumn('enjoyed', 'integer', (c) => c.notNull())
		.addColumn('come_again', 'integer', (c) => c.notNull())
		.addColumn('line', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('group_checkin_pk', ['session_id', 'participant_id'])
		.execute();
	await db.schema.createIndex('group_checkin_participant_idx').on('group_checkin').column('participant_id').execute();

	await db.schema
		.createTable('group_note')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('session_id', 'text', (c) => c.notNull().references('group_session.id').onDelete('cascade'))
		.addColumn('participant_id', 'text', (c) => c.notNull().references('group_participant.id').onDelete('cascade'))
		.addColumn('author_id', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('group_note_once', ['session_id', 'participant_id'])
		.execute();
	await db.schema.createIndex('group_note_participant_idx').on('group_note').column('participant_id').execute();

	await db.schema
		.createTable('group_mail')
		.addColumn('participant_id', 'text', (c) => c.notNull().references('group_participant.id').onDelete('cascade'))
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('group_mail_pk', ['participant_id', 'key'])
		.execute();

	await db.schema.alterTable('measurement_request').addColumn('group_session_id', 'text').execute();
	await db.schema.createIndex('measurement_request_group_session_idx').on('measurement_request').column('group_session_id').execute();
	await db.schema.alterTable('programme_enrolment').addColumn('group_id', 'text').execute();
}
