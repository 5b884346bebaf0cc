/**
 * The programme for a group that follows it: the enrolment names the group (`programme_enrolment.group_id`) and its
 * weeks open on the group's session days. The group's tables are read here directly: the groups feature builds on the
 * programme, never the other way round.
 * - `groupDaysOf(db, rows)`: enrolment id → the day each week opens (`groupWeekDays`), for the enrolments among
 *   `rows` that follow a group; read for many at once.
 * - `followGroupProgramme(trx, { personId, groupId, now })`: on joining such a group: a new enrolment that follows
 *   it, or the running one moved to it (what was done so far stays). Inside the join's transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { localDay } from '$lib/time';
import { insertEnrolment, runningEnrolment, type EnrolmentRow } from './enrolment.server';
import { groupWeekDays } from './group-schedule';

type Db = Kysely<Database>;

export async function groupDaysOf(db: Db, rows: readonly Pick<EnrolmentRow, 'id' | 'account_id' | 'group_id' | 'created_day'>[]): Promise<Map<string, string[]>> {
	const following = rows.filter((row) => row.group_id !== null);
	const days = new Map<string, string[]>();
	if (following.length === 0) return days;
	const groupIds = [...new Set(following.map((row) => row.group_id!))];
	const [sessions, joined] = await Promise.all([
		db.selectFrom('group_session').select(['group_id', 'day', 'starts_at', 'is_return']).where('group_id', 'in', groupIds).execute(),
		db
			.selectFrom('group_participant')
			.select(['group_id', 'account_id', 'joined_at'])
			.where('group_id', 'in', groupIds)
			.where('account_id', 'in', [...new Set(following.map((row) => row.account_id))])
			.orderBy('joined_at')
			.execute()
	]);
	for (const row of following) {
		// The first time they joined this group; an enrolment moved to a group they never joined starts on its own day.
		const first = joined.find((j) => j.group_id === row.group_id && j.account_id === row.account_id);
		days.set(
			row.id,
			groupWeekDays({
				joinedDay: first ? localDay(new Date(first.joined_at)) : row.created_day,
				sessions: sessions.filter((s) => s.group_id === row.group_id).map((s) => ({ day: s.day, startsAt: s.starts_at, isReturn: Number(s.is_return) === 1 }))
			})
		);
	}
	return days;
}

export async function followGroupProgramme(
	trx: Db,
	options: { personId: string; groupId: string; now: Date },
	retried = false
): Promise<{ enrolmentId: string; moved: boolean }> {
	const running = await runningEnrolment(trx, options.personId);
	if (running) {
		await trx.updateTable('programme_enrolment').set({ group_id: options.groupId }).where('id', '=', running.id).execute();
		return { enrolmentId: running.id, moved: true };
	}
	const group = await trx.selectFrom('group_training').select('organisation_id').where('id', '=', options.groupId).executeTakeFirstOrThrow();
	const created = await insertEnrolment(trx, {
		accountId: options.personId,
		startedBy: 'person',
		starterId: null,
		organisationId: group.organisation_id,
		welcome: null,
		reminders: 'week_start',
		now: options.now,
		groupId: options.groupId
	});
	if (created.ok) return { enrolmentId: created.id, moved: false };
	// Two starts at once: the other made the enrolment; it follows this group all the same.
	if (retried) throw new Error('No running enrolment after a conflicting start');
	return followGroupProgramme(trx, options, true);
}
