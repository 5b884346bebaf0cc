/**
 * The group trainings' face: each group the person is or was in goes into their export, with their own attendance,
 * their check-ins and the leaders' notes about them (a note about a person is theirs to see, as any note in their
 * file). Check-ins and attendance present or late count as activity. The caseload reads the facts for the leaders'
 * drop-out signals, for the reader's own groups only. A participation ends with its grant: once the grant has ended
 * the participant has left (`left_at`). Everything about a participant goes with their account (ON DELETE CASCADE);
 * a leader's notes stay with the person, without the author once the leader's account is gone.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { decrypt, encryptedColumns } from '$lib/server/crypto';
import { personDataFeature } from '$lib/kernel/person-data';
import { localDay } from '$lib/time';
import { attendedStatuses } from './group-values';
import { readParticipantFacts, type ParticipantFact } from './participant-facts.server';

type Db = Kysely<Database>;

async function exportGroups(db: Db, accountId: string) {
	const participations = await db
		.selectFrom('group_participant')
		.innerJoin('group_training', 'group_training.id', 'group_participant.group_id')
		.innerJoin('organisation', 'organisation.id', 'group_training.organisation_id')
		.select([
			'group_participant.id',
			'group_participant.group_id',
			'group_participant.joined_at',
			'group_participant.left_at',
			'group_participant.share_checkins',
			'group_participant.reminders',
			'group_training.name',
			'organisation.name as organisation_name'
		])
		.where('group_participant.account_id', '=', accountId)
		.orderBy('group_participant.joined_at')
		.execute();
	if (participations.length === 0) return [];
	const ids = participations.map((p) => p.id);
	const [sessions, attendance, checkIns, notes] = await Promise.all([
		db
			.selectFrom('group_session')
			.selectAll()
			.where('group_id', 'in', [...new Set(participations.map((p) => p.group_id))])
			.orderBy('day')
			.orderBy('starts_at')
			.execute(),
		db.selectFrom('group_attendance').selectAll().where('participant_id', 'in', ids).execute(),
		db.selectFrom('group_checkin').selectAll().where('participant_id', 'in', ids).orderBy('created_at').execute(),
		db
			.selectFrom('group_note')
			.leftJoin('account as author', 'author.id', 'group_note.author_id')
			.select(['group_note.id', 'group_note.session_id', 'group_note.participant_id', 'group_note.body', 'group_note.created_at', 'group_note.updated_at', 'author.name as author_name'])
			.where('group_note.participant_id', 'in', ids)
			.orderBy('group_note.created_at')
			.execute()
	]);
	const dayOf = new Map(sessions.map((s) => [s.id, s.day]));
	return participations.map((p) => ({
		group: p.name,
		organisation: p.organisation_name,
		joinedAt: p.joined_at,
		leftAt: p.left_at,
		sharesCheckIns: Number(p.share_checkins) === 1,
		reminders: p.reminders,
		sessions: sessions
			.filter((s) => s.group_id === p.group_id)
			.map((s) => {
				const own = attendance.find((a) => a.participant_id === p.id && a.session_id === s.id);
				return {
					day: s.day,
					startsAt: s.starts_at,
					endsAt: s.ends_at,
					status: s.status,
					returnMeeting: Number(s.is_return) === 1,
					attendance: own?.status ?? 'expected',
					excusedByMe: Number(own?.excused_by_person ?? 0) === 1
				};
			}),
		checkIns: checkIns
			.filter((c) => c.participant_id === p.id)
			.map((c) => ({
				session: dayOf.get(c.session_id) ?? null,
				welcome: Number(c.welcome),
				enjoyed: Number(c.enjoyed),
				comeAgain: Number(c.come_again),
				line: c.line === null ? null : decrypt(c.line, encryptedColumns.groupCheckinLine.context(c.id)),
				createdAt: c.created_at
			})),
		leaderNotes: notes
			.filter((n) => n.participant_id === p.id)
			.map((n) => ({
				session: dayOf.get(n.session_id) ?? null,
				by: n.author_name,
				body: decrypt(n.body, encryptedColumns.groupNoteBody.context(n.id)),
				createdAt: n.created_at,
				updatedAt: n.updated_at
			}))
	}));
}

export const groupsData = personDataFeature({
	name: 'groups',
	scope: 'group',
	tables: ['group_leader', 'group_participant', 'group_attendance', 'group_checkin', 'group_note', 'group_mail'],
	async exportPart(db, { account }) {
		return { groups: await exportGroups(db, account.id) };
	},
	async activityDays(db, personId, { from, to }) {
		const [checkIns, attended] = await Promise.all([
			db
				.selectFrom('group_checkin')
				.innerJoin('group_participant', 'group_participant.id', 'group_checkin.participant_id')
				.select('group_checkin.created_at')
				.where('group_participant.account_id', '=', personId)
				.execute(),
			db
				.selectFrom('group_attendance')
				.innerJoin('group_participant', 'group_participant.id', 'group_attendance.participant_id')
				.innerJoin('group_session', 'group_session.id', 'group_attendance.session_id')
				.select('group_session.day')
				.where('group_participant.account_id', '=', personId)
				.where('group_attendance.status', 'in', [...attendedStatuses])
				.where('group_session.day', '>=', from)
				.where('group_session.day', '<=', to)
				.execute()
		]);
		const days = [
			...checkIns.map((c) => ({ kind: 'group_check_in', day: localDay(new Date(c.created_at)) })),
			...attended.map((a) => ({ kind: 'group_session', day: a.day }))
		];
		return days.filter((d) => d.day >= from && d.day <= to).sort((a, b) => a.day.localeCompare(b.day) || a.kind.localeCompare(b.kind));
	},
	async readForClients(db, { readerId, personIds, today }): Promise<Map<string, ParticipantFact[]>> {
		return readParticipantFacts(db, { readerId, personIds, today });
	},
	async consentNarrowed(trx, change) {
		// A leader who left the organisation ends nothing: the grant names the group, and the group goes on.
		if (change.reason === 'professional_left') return;
		let ended = trx
			.selectFrom('group_participant')
			.innerJoin('consent_grant', 'consent_grant.id', 'group_participant.grant_id')
			.leftJoin('consent_grant as successor', (join) =>
				join.onRef('successor.previous_grant_id', '=', 'consent_grant.id').on('successor.ended_at', 'is', null)
			)
			.select(['group_participant.id', 'successor.id as successor_id', 'successor.group_id as successor_group', 'group_participant.group_id'])
			.where('group_participant.left_at', 'is', null)
			.where('consent_grant.ended_at', 'is not', null)
			.where('consent_grant.organisation_id', '=', change.organisationId);
		if (change.personId) ended = ended.where('group_participant.account_id', '=', change.personId);
		const rows = await ended.execute();
		// A grant changed (not withdrawn) lives on in its successor: the participation follows it.
		for (const row of rows.filter((r) => r.successor_id !== null && r.successor_group === r.group_id)) {
			await trx.updateTable('group_participant').set({ grant_id: row.successor_id! }).where('id', '=', row.id).execute();
		}
		const left = rows.filter((r) => r.successor_id === null || r.successor_group !== r.group_id).map((r) => r.id);
		if (left.length > 0) await trx.updateTable('group_participant').set({ left_at: change.now }).where('id', 'in', left).where('left_at', 'is', null).execute();
	}
});
