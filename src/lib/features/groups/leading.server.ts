/**
 * The leader in the room and after it: who is in the group, who came, who may be slipping away. Only a leader of the
 * group reads this, only for participants whose consent reaches them (`reachableParticipants`), and every read writes
 * one `client.group.read` event per participant shown, in the same transaction.
 * - `groupOverviewForLeader(db, { actor, groupId })`: next session, participants by name with attendance, drop-out
 *   signals and completed yes/no, check-in totals per session (only from 3 answers), shared check-ins per person.
 * - `sessionForLeader(db, { actor, groupId, sessionId? })`: one session (today's, else the next, else the last) with
 *   each participant's status, signals, the note about them, and the check-ins.
 * - `recordAttendance(db, { actor, groupId, sessionId, participantId, status })`: one status for one participant
 *   ("expected" clears what was recorded).
 * - `recordEveryoneArrived(db, { actor, groupId, sessionId })`: present for everyone with nothing recorded yet.
 * - `saveGroupNote`, `deleteGroupNote`: the leaders' note about one participant in one session (encrypted).
 */
import { error } from '@sveltejs/kit';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '$lib/server/db';
import type { AttendanceStatus, GroupSessionTable, GroupTrainingTable } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { decrypt, encrypt, encryptedColumns } from '$lib/server/crypto';
import { recordClientReads } from '$lib/kernel/audit.server';
import { withClientAccess } from '$lib/kernel/policy.server';
import { localDay } from '$lib/time';
import { requireGroupLeader, reachableParticipants, type ReachableParticipant } from './group-access.server';
import { sessionSummary, type SessionSummary } from './group.server';
import { attendedCount, dropOutSignals, hasCompleted, summariseCheckIns, type CheckInAnswers, type CheckInSummary, type DropOutSignal } from './signals';

type Db = Kysely<Database>;

/** Fewer answers than this are not shown as totals: one answer would be readable off them. */
export const minimumCheckInsShown = 3;

export interface SharedCheckIn extends CheckInAnswers {
	line: string | null;
}

export interface LedParticipant {
	participantId: string;
	name: string;
	/** Session id → what was recorded (absent from the map: expected). */
	attendance: Record<string, AttendanceStatus>;
	attended: number;
	completed: boolean;
	signals: DropOutSignal[];
	/** Their own check-ins, only when they chose to share them with the leaders. */
	checkIns: SharedCheckIn[] | null;
}

export interface CheckInTotals {
	sessionId: string;
	answered: number;
	/** Null below `minimumCheckInsShown` answers. */
	items: CheckInSummary[] | null;
}

function checkInTotals(sessionId: string, answers: readonly CheckInAnswers[]): CheckInTotals {
	const forSession = answers.filter((answer) => answer.sessionId === sessionId);
	return { sessionId, answered: forSession.length, items: forSession.length >= minimumCheckInsShown ? summariseCheckIns(forSession) : null };
}

/** What the leader's pages show of the reachable participants, read in one go, with the audit events. */
async function readParticipants(trx: Db, actor: SignedInAccount, group: GroupTrainingTable, sessions: readonly Selectable<GroupSessionTable>[], now: Date) {
	const people = await reachableParticipants(trx, { actor, groupId: group.id });
	const ids = people.map((person) => person.participantId);
	const [attendance, checkIns] = ids.length === 0
		? [[], []]
		: await Promise.all([
				trx.selectFrom('group_attendance').select(['session_id', 'participant_id', 'status']).where('participant_id', 'in', ids).execute(),
				trx
					.selectFrom('group_checkin')
					.select(['id', 'session_id', 'participant_id', 'welcome', 'enjoyed', 'come_again', 'line'])
					.where('participant_id', 'in', ids)
					.execute()
			]);
	await recordClientReads(
		trx,
		people.map((person) => ({ actor, grant: person.grant, action: 'client.group.read' as const, object: group.id, now }))
	);
	const today = localDay(now);
	const facts = sessions.map((s) => ({ id: s.id, day: s.day, status: s.status }));
	const answers = checkIns.map((row) => ({ ...row, sessionId: row.session_id, welcome: Number(row.welcome), enjoyed: Number(row.enjoyed), come_again: Number(row.come_again) }));
	const participants: LedParticipant[] = people.map((person: ReachableParticipant) => {
		const own = new Map(attendance.filter((row) => row.participant_id === person.participantId).map((row) => [row.session_id, row.status]));
		const ownCheckIns = answers.filter((row) => row.participant_id === person.participantId);
		return {
			participantId: person.participantId,
			name: person.name,
			attendance: Object.fromEntries(own),
			attended: attendedCount(own.values()),
			completed: hasCompleted(own.values(), Number(group.complete_after)),
			// Answers kept private never become a signal either: the person was told leaders see only the totals.
			signals: dropOutSignals({ sessions: facts, attendance: own, checkIns: person.shareCheckIns ? ownCheckIns : [], today }),
			checkIns: person.shareCheckIns
				? ownCheckIns.map((row) => ({
						sessionId: row.sessionId,
						welcome: row.welcome,
						enjoyed: row.enjoyed,
						come_again: row.come_again,
						line: row.line === null ? null : decrypt(row.line, encryptedColumns.groupCheckinLine.context(row.id))
					}))
				: null
		};
	});
	return { participants, answers };
}

async function groupSessions(db: Db, groupId: string): Promise<Selectable<GroupSessionTable>[]> {
	return db.selectFrom('group_session').selectAll().where('group_id', '=', groupId).orderBy('day').orderBy('starts_at').orderBy('id').execute();
}

export interface LeaderOverview {
	group: { id: string; name: string; completeAfter: number; archived: boolean };
	nextSession: SessionSummary | null;
	sessions: SessionSummary[];
	participants: LedParticipant[];
	checkInTotals: CheckInTotals[];
}

export async function groupOverviewForLeader(db: Db, options: { actor: SignedInAccount | null; groupId: string; now?: Date }): Promise<LeaderOverview> {
	const { group } = await requireGroupLeader(db, options.actor, options.groupId);
	const now = options.now ?? new Date();
	const today = localDay(now);
	return db.transaction().execute(async (trx) => {
		const sessions = await groupSessions(trx, group.id);
		const { participants, answers } = await readParticipants(trx, options.actor!, group, sessions, now);
		const next = sessions.find((s) => s.status === 'planned' && s.day >= today);
		return {
			group: { id: group.id, name: group.name, completeAfter: Number(group.complete_after), archived: group.archived_at !== null },
			nextSession: next ? sessionSummary(next) : null,
			sessions: sessions.map(sessionSummary),
			participants,
			checkInTotals: sessions.filter((s) => s.status !== 'cancelled').map((s) => checkInTotals(s.id, answers))
		};
	});
}

export interface LeaderSession {
	group: { id: string; name: string };
	session: SessionSummary & { heldAt: string | null };
	/** The sessions before and after, to step through. */
	previousId: string | null;
	nextId: string | null;
	participants: (LedParticipant & { status: AttendanceStatus; note: { body: string; updatedAt: string } | null })[];
	checkIns: CheckInTotals;
}

/** Today's session, else the next planned one, else the last one. */
function chooseSession(sessions: readonly Selectable<GroupSessionTable>[], today: string): Selectable<GroupSessionTable> | undefined {
	return sessions.find((s) => s.day === today && s.status !== 'cancelled') ?? sessions.find((s) => s.day >= today && s.status === 'planned') ?? sessions.at(-1);
}

export async function sessionForLeader(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; sessionId?: string; now?: Date }
): Promise<LeaderSession | null> {
	const { group } = await requireGroupLeader(db, options.actor, options.groupId);
	const now = options.now ?? new Date();
	return db.transaction().execute(async (trx) => {
		const sessions = await groupSessions(trx, group.id);
		const session = options.sessionId ? sessions.find((s) => s.id === options.sessionId) : chooseSession(sessions, localDay(now));
		if (!session) return null;
		const { participants, answers } = await readParticipants(trx, options.actor!, group, sessions, now);
		const ids = participants.map((p) => p.participantId);
		const notes = ids.length === 0
			? []
			: await trx.selectFrom('group_note').select(['id', 'participant_id', 'body', 'updated_at']).where('session_id', '=', session.id).where('participant_id', 'in', ids).execute();
		const index = sessions.indexOf(session);
		return {
			group: { id: group.id, name: group.name },
			session: { ...sessionSummary(session), heldAt: session.held_at },
			previousId: sessions[index - 1]?.id ?? null,
			nextId: sessions[index + 1]?.id ?? null,
			participants: participants.map((participant) => {
				const note = notes.find((row) => row.participant_id === participant.participantId);
				return {
					...participant,
					status: participant.attendance[session.id] ?? 'expected',
					note: note ? { body: decrypt(note.body, encryptedColumns.groupNoteBody.context(note.id)), updatedAt: note.updated_at } : null
				};
			}),
			checkIns: checkInTotals(session.id, answers)
		};
	});
}

/**
 * `work` for one current participant of the group, in a transaction that queues behind the person's consent changes
 * and checks that their group grant reaches this leader; the session must be the group's.
 */
async function withParticipant<T>(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; sessionId: string; participantId: string },
	work: (trx: Db, actor: SignedInAccount) => Promise<T>
): Promise<T | 'not_found'> {
	await requireGroupLeader(db, options.actor, options.groupId);
	const participant = await db
		.selectFrom('group_participant')
		.select('account_id')
		.where('id', '=', options.participantId)
		.where('group_id', '=', options.groupId)
		.where('left_at', 'is', null)
		.executeTakeFirst();
	const session = await db.selectFrom('group_session').select('id').where('id', '=', options.sessionId).where('group_id', '=', options.groupId).executeTakeFirst();
	if (!participant || !session) return 'not_found';
	return withClientAccess(db, options.actor, { personId: participant.account_id, scope: 'group' }, async (trx, grant, actor) => {
		if (!grant.groupIds.includes(options.groupId)) error(403, 'You do not have access to this.', { reason: 'no_access' });
		return work(trx, actor);
	});
}

export async function recordAttendance(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; sessionId: string; participantId: string; status: AttendanceStatus; now?: Date }
): Promise<'saved' | 'not_found'> {
	return withParticipant(db, options, async (trx, actor) => {
		if (options.status === 'expected') {
			await trx.deleteFrom('group_attendance').where('session_id', '=', options.sessionId).where('participant_id', '=', options.participantId).execute();
			return 'saved' as const;
		}
		const row = { status: options.status, excused_by_person: 0, recorded_by: actor.id, recorded_at: (options.now ?? new Date()).toISOString() };
		await trx
			.insertInto('group_attendance')
			.values({ session_id: options.sessionId, participant_id: options.participantId, ...row })
			.onConflict((conflict) => conflict.columns(['session_id', 'participant_id']).doUpdateSet(row))
			.execute();
		return 'saved' as const;
	});
}

export async function recordEveryoneArrived(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; sessionId: string; now?: Date }
): Promise<number> {
	const access = await requireGroupLeader(db, options.actor, options.groupId);
	const session = await db.selectFrom('group_session').select('id').where('id', '=', options.sessionId).where('group_id', '=', access.group.id).executeTakeFirst();
	if (!session) return 0;
	return db.transaction().execute(async (trx) => {
		const people = await reachableParticipants(trx, { actor: options.actor!, groupId: access.group.id });
		if (people.length === 0) return 0;
		const recorded = new Set(
			(await trx.selectFrom('group_attendance').select('participant_id').where('session_id', '=', session.id).execute()).map((row) => row.participant_id)
		);
		const open = people.filter((person) => !recorded.has(person.participantId));
		if (open.length === 0) return 0;
		const at = (options.now ?? new Date()).toISOString();
		await trx
			.insertInto('group_attendance')
			.values(open.map((person) => ({ session_id: session.id, participant_id: person.participantId, status: 'present' as const, excused_by_person: 0, recorded_by: options.actor!.id, recorded_at: at })))
			.onConflict((conflict) => conflict.columns(['session_id', 'participant_id']).doNothing())
			.execute();
		return open.length;
	});
}

export async function saveGroupNote(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; sessionId: string; participantId: string; body: string; now?: Date }
): Promise<'saved' | 'not_found'> {
	return withParticipant(db, options, async (trx, actor) => {
		const at = (options.now ?? new Date()).toISOString();
		const id = crypto.randomUUID();
		const inserted = await trx
			.insertInto('group_note')
			.values({
				id,
				session_id: options.sessionId,
				participant_id: options.participantId,
				author_id: actor.id,
				body: encrypt(options.body, encryptedColumns.groupNoteBody.context(id)),
				created_at: at,
				updated_at: at
			})
			.onConflict((conflict) => conflict.columns(['session_id', 'participant_id']).doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!inserted) {
			const existing = await trx
				.selectFrom('group_note')
				.select('id')
				.where('session_id', '=', options.sessionId)
				.where('participant_id', '=', options.participantId)
				.executeTakeFirstOrThrow();
			await trx
				.updateTable('group_note')
				.set({ body: encrypt(options.body, encryptedColumns.groupNoteBody.context(existing.id)), author_id: actor.id, updated_at: at })
				.where('id', '=', existing.id)
				.execute();
		}
		return 'saved' as const;
	});
}

export async function deleteGroupNote(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; sessionId: string; participantId: string }
): Promise<'deleted' | 'not_found'> {
	return withParticipant(db, options, async (trx) => {
		const result = await trx.deleteFrom('group_note').where('session_id', '=', options.sessionId).where('participant_id', '=', options.participantId).executeTakeFirst();
		return Number(result.numDeletedRows) > 0 ? ('deleted' as const) : ('not_found' as const);
	});
}
