/**
 * What a leader may know of a participant, read set-based for many people at once: the caseload reads it for 200
 * clients, the client page for one. Only groups the reader leads count; the person's own check-in answers only when
 * they chose to share them with the leaders (`share_checkins`), so even a signal never tells what they kept to
 * themselves. The caller checks consent and audits the read (`client.group.read`, one per person and group).
 * - `readParticipantFacts(db, { readerId, personIds, today })`: person → one fact per current group of the reader.
 * - `readGroupTimeline(db, { readerId, personId, groupIds })`: one person's sessions, attendance, shared check-ins
 *   and the leaders' notes in those groups, for the client page.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { AttendanceStatus } from '$lib/server/db/schema';
import { decrypt, encryptedColumns } from '$lib/server/crypto';
import { dropOutSignals, hasCompleted, attendedCount, pastSessions, type CheckInAnswers, type DropOutSignal, type SessionFact } from './signals';

type Db = Kysely<Database>;

export interface ParticipantFact {
	groupId: string;
	groupName: string;
	/** The next planned session from today on, or null. */
	nextSession: { day: string; startsAt: string } | null;
	/** Sessions attended (present or late), and sessions that took place. */
	attended: number;
	past: number;
	signals: DropOutSignal[];
	completed: boolean;
}

interface ParticipantRow {
	id: string;
	group_id: string;
	account_id: string;
	share_checkins: number;
	group_name: string;
	complete_after: number;
}

/** The current participations of these people in groups the reader leads. */
async function participations(db: Db, readerId: string, personIds: readonly string[], groupIds?: readonly string[]): Promise<ParticipantRow[]> {
	if (personIds.length === 0 || groupIds?.length === 0) return [];
	let query = db
		.selectFrom('group_participant')
		.innerJoin('group_training', 'group_training.id', 'group_participant.group_id')
		.innerJoin('group_leader', (join) => join.onRef('group_leader.group_id', '=', 'group_participant.group_id').on('group_leader.account_id', '=', readerId))
		.select([
			'group_participant.id',
			'group_participant.group_id',
			'group_participant.account_id',
			'group_participant.share_checkins',
			'group_training.name as group_name',
			'group_training.complete_after'
		])
		.where('group_participant.account_id', 'in', [...personIds])
		.where('group_participant.left_at', 'is', null);
	if (groupIds) query = query.where('group_participant.group_id', 'in', [...groupIds]);
	return query.orderBy('group_training.name').execute();
}

async function sessionsOf(db: Db, groupIds: readonly string[]) {
	if (groupIds.length === 0) return [];
	return db
		.selectFrom('group_session')
		.select(['id', 'group_id', 'day', 'starts_at', 'ends_at', 'status', 'is_return'])
		.where('group_id', 'in', [...new Set(groupIds)])
		.orderBy('day')
		.orderBy('starts_at')
		.execute();
}

export async function readParticipantFacts(
	db: Db,
	options: { readerId: string; personIds: readonly string[]; today: string }
): Promise<Map<string, ParticipantFact[]>> {
	const facts = new Map<string, ParticipantFact[]>();
	const rows = await participations(db, options.readerId, options.personIds);
	if (rows.length === 0) return facts;
	const participantIds = rows.map((row) => row.id);
	const sharing = rows.filter((row) => row.share_checkins === 1).map((row) => row.id);
	const [sessions, attendance, checkIns] = await Promise.all([
		sessionsOf(
			db,
			rows.map((row) => row.group_id)
		),
		db.selectFrom('group_attendance').select(['session_id', 'participant_id', 'status']).where('participant_id', 'in', participantIds).execute(),
		sharing.length === 0
			? Promise.resolve([])
			: db
					.selectFrom('group_checkin')
					.select(['session_id', 'participant_id', 'welcome', 'enjoyed', 'come_again'])
					.where('participant_id', 'in', sharing)
					.execute()
	]);
	// Read once for everyone, then grouped in memory: no query per client.
	const sessionsByGroup = groupBy(sessions, (s) => s.group_id);
	const attendanceBy = groupBy(attendance, (a) => a.participant_id);
	const checkInsBy = groupBy(checkIns, (c) => c.participant_id);
	for (const row of rows) {
		const own = sessionsByGroup.get(row.group_id) ?? [];
		const statuses = new Map((attendanceBy.get(row.id) ?? []).map((a) => [a.session_id, a.status as AttendanceStatus]));
		const sessionFacts: SessionFact[] = own.map((s) => ({ id: s.id, day: s.day, status: s.status }));
		const answers: CheckInAnswers[] = (checkInsBy.get(row.id) ?? []).map((c) => ({
			sessionId: c.session_id,
			welcome: Number(c.welcome),
			enjoyed: Number(c.enjoyed),
			come_again: Number(c.come_again)
		}));
		const next = own.find((s) => s.status === 'planned' && s.day >= options.today);
		const fact: ParticipantFact = {
			groupId: row.group_id,
			groupName: row.group_name,
			nextSession: next ? { day: next.day, startsAt: next.starts_at } : null,
			attended: attendedCount(statuses.values()),
			past: pastSessions(sessionFacts, options.today).length,
			signals: dropOutSignals({ sessions: sessionFacts, attendance: statuses, checkIns: answers, today: options.today }),
			completed: hasCompleted(statuses.values(), Number(row.complete_after))
		};
		facts.set(row.account_id, [...(facts.get(row.account_id) ?? []), fact]);
	}
	return facts;
}

export interface GroupTimeline {
	groupId: string;
	groupName: string;
	completed: boolean;
	signals: DropOutSignal[];
	sessions: {
		id: string;
		day: string;
		startsAt: string;
		status: SessionFact['status'];
		isReturn: boolean;
		/** Null: nothing recorded ("expected"). */
		attendance: AttendanceStatus | null;
		excusedByPerson: boolean;
		/** Only when the person shares their check-ins with the leaders. */
		checkIn: { welcome: number; enjoyed: number; comeAgain: number; line: string | null; createdAt: string } | null;
		/** The leaders' private notes about the person in this session. */
		note: { body: string; createdAt: string } | null;
	}[];
}

export async function readGroupTimeline(
	db: Db,
	options: { readerId: string; personId: string; groupIds: readonly string[]; today: string }
): Promise<GroupTimeline[]> {
	const rows = await participations(db, options.readerId, [options.personId], options.groupIds);
	if (rows.length === 0) return [];
	const ids = rows.map((row) => row.id);
	const sharing = rows.filter((row) => row.share_checkins === 1).map((row) => row.id);
	const [sessions, attendance, checkIns, notes] = await Promise.all([
		sessionsOf(
			db,
			rows.map((row) => row.group_id)
		),
		db.selectFrom('group_attendance').select(['session_id', 'participant_id', 'status', 'excused_by_person']).where('participant_id', 'in', ids).execute(),
		sharing.length === 0 ? Promise.resolve([]) : db.selectFrom('group_checkin').selectAll().where('participant_id', 'in', sharing).execute(),
		db.selectFrom('group_note').select(['id', 'session_id', 'participant_id', 'body', 'created_at']).where('participant_id', 'in', ids).execute()
	]);
	return rows.map((row) => {
		const own = sessions.filter((s) => s.group_id === row.group_id);
		const recorded = new Map(attendance.filter((a) => a.participant_id === row.id).map((a) => [a.session_id, a]));
		const answers = checkIns.filter((c) => c.participant_id === row.id);
		const statuses = new Map([...recorded].map(([id, a]) => [id, a.status as AttendanceStatus]));
		return {
			groupId: row.group_id,
			groupName: row.group_name,
			completed: hasCompleted(statuses.values(), Number(row.complete_after)),
			signals: dropOutSignals({
				sessions: own.map((s) => ({ id: s.id, day: s.day, status: s.status })),
				attendance: statuses,
				checkIns: answers.map((c) => ({ sessionId: c.session_id, welcome: Number(c.welcome), enjoyed: Number(c.enjoyed), come_again: Number(c.come_again) })),
				today: options.today
			}),
			sessions: own.map((s) => {
				const answer = answers.find((c) => c.session_id === s.id);
				const note = notes.find((n) => n.participant_id === row.id && n.session_id === s.id);
				return {
					id: s.id,
					day: s.day,
					startsAt: s.starts_at,
					status: s.status,
					isReturn: Number(s.is_return) === 1,
					attendance: (recorded.get(s.id)?.status as AttendanceStatus | undefined) ?? null,
					excusedByPerson: Number(recorded.get(s.id)?.excused_by_person ?? 0) === 1,
					checkIn: answer
						? {
								welcome: Number(answer.welcome),
								enjoyed: Number(answer.enjoyed),
								comeAgain: Number(answer.come_again),
								line: answer.line === null ? null : decrypt(answer.line, encryptedColumns.groupCheckinLine.context(answer.id)),
								createdAt: answer.created_at
							}
						: null,
					note: note ? { body: decrypt(note.body, encryptedColumns.groupNoteBody.context(note.id)), createdAt: note.created_at } : null
				};
			})
		};
	});
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = map.get(k);
		if (list) list.push(item);
		else map.set(k, [item]);
	}
	return map;
}
