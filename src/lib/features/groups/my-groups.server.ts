/**
 * What a person sees of the groups they are in (the reads behind `participation.server.ts`, which offers them).
 * - `myGroups(db, { actor, today })`, `myGroup(db, { actor, groupId, today })`: see there.
 * - `currentParticipation`, `currentPlaces(db, accountId)`, `currentCount(db, groupId)`, `sessionsOf`, `leadersOf`: the
 *   shared queries.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { localDay } from '$lib/time';
import type { AttendanceStatus, GroupReminderChoice } from './group-values';
import { canExcuse, checkInOpen, nextSession, ownStatusShown, wasThere } from './participation';
import { sessionView, type GroupSessionView } from './session-view';

export type { GroupSessionView } from './session-view';

type Db = Kysely<Database>;

export interface MyGroupSummary {
	id: string;
	name: string;
	organisationName: string;
	grantId: string;
	leaders: string[];
	/** The first planned session from today on, with the person's own part in it. */
	next: MySession | null;
	/** The newest session whose check-in is open and not yet filled in. */
	checkInDue: GroupSessionView | null;
}

export interface MySession extends GroupSessionView {
	/** Only what the person may see of their own attendance (see `ownStatusShown`). */
	own: 'excused' | 'attended' | null;
	/** The afmelding is the person's own and can still be taken back. */
	canTakeBack: boolean;
	canExcuse: boolean;
	checkIn: 'done' | 'open' | null;
}

export interface MyGroup {
	id: string;
	name: string;
	organisationName: string;
	grantId: string;
	leaders: string[];
	followsProgramme: boolean;
	shareCheckIns: boolean;
	reminders: GroupReminderChoice;
	joinedAt: string;
	sessions: MySession[];
}

export const sessionColumns = ['id', 'day', 'starts_at', 'ends_at', 'place', 'video_url', 'status', 'is_return'] as const;

export async function sessionsOf(db: Db, groupIds: readonly string[]): Promise<Map<string, GroupSessionView[]>> {
	const bySession = new Map<string, GroupSessionView[]>(groupIds.map((id) => [id, []]));
	if (groupIds.length === 0) return bySession;
	const rows = await db
		.selectFrom('group_session')
		.select([...sessionColumns, 'group_id'])
		.where('group_id', 'in', groupIds)
		.orderBy('day')
		.orderBy('starts_at')
		.execute();
	for (const row of rows) bySession.get(row.group_id)?.push(sessionView(row));
	return bySession;
}

export async function leadersOf(db: Db, groupIds: readonly string[]): Promise<Map<string, string[]>> {
	const byGroup = new Map<string, string[]>(groupIds.map((id) => [id, []]));
	if (groupIds.length === 0) return byGroup;
	const rows = await db
		.selectFrom('group_leader')
		.innerJoin('account', 'account.id', 'group_leader.account_id')
		.select(['group_leader.group_id', 'account.name'])
		.where('group_leader.group_id', 'in', groupIds)
		.orderBy('account.name')
		.execute();
	for (const row of rows) byGroup.get(row.group_id)?.push(row.name);
	return byGroup;
}

/** The person's places in groups that count now: not left, and the grant still active (it ends first when they leave). */
export function currentParticipation(db: Db, accountId: string) {
	return db
		.selectFrom('group_participant')
		.innerJoin('consent_grant', 'consent_grant.id', 'group_participant.grant_id')
		.innerJoin('group_training', 'group_training.id', 'group_participant.group_id')
		.where('group_participant.account_id', '=', accountId)
		.where('group_participant.left_at', 'is', null)
		.where('consent_grant.ended_at', 'is', null);
}

/** The person's current places, with what their pages show of each group. */
export function currentPlaces(db: Db, accountId: string) {
	return currentParticipation(db, accountId)
		.innerJoin('organisation', 'organisation.id', 'group_training.organisation_id')
		.select([
			'group_participant.id as participantId',
			'group_participant.grant_id as grantId',
			'group_participant.joined_at as joinedAt',
			'group_participant.share_checkins as shareCheckIns',
			'group_participant.reminders',
			'group_training.id',
			'group_training.name',
			'group_training.programme_id as programmeId',
			'organisation.name as organisationName'
		]);
}

export async function currentCount(db: Db, groupId: string): Promise<number> {
	const row = await db
		.selectFrom('group_participant')
		.innerJoin('consent_grant', 'consent_grant.id', 'group_participant.grant_id')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('group_participant.group_id', '=', groupId)
		.where('group_participant.left_at', 'is', null)
		.where('consent_grant.ended_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

async function ownRecords(db: Db, participantIds: readonly string[]) {
	if (participantIds.length === 0) return { attendance: [], checkIns: [] };
	const [attendance, checkIns] = await Promise.all([
		db.selectFrom('group_attendance').select(['participant_id', 'session_id', 'status', 'excused_by_person']).where('participant_id', 'in', participantIds).execute(),
		db.selectFrom('group_checkin').select(['participant_id', 'session_id']).where('participant_id', 'in', participantIds).execute()
	]);
	return { attendance, checkIns };
}

/** The sessions as this person sees them; sessions before they joined ask no check-in. */
function mySessions(
	sessions: readonly GroupSessionView[],
	joinedDay: string,
	attendance: ReadonlyMap<string, { status: AttendanceStatus; byPerson: boolean }>,
	checkedIn: ReadonlySet<string>,
	today: string
): MySession[] {
	return sessions.map((session) => {
		const recorded = attendance.get(session.id);
		const own = recorded ? ownStatusShown(recorded.status) : null;
		return {
			...session,
			own,
			canExcuse: canExcuse(session, today) && (!recorded || own === 'excused'),
			canTakeBack: canExcuse(session, today) && recorded?.status === 'excused' && recorded.byPerson,
			checkIn: checkedIn.has(session.id) ? 'done' : session.day >= joinedDay && checkInOpen(session, today) && wasThere(recorded?.status) ? 'open' : null
		};
	});
}

async function loadMine(db: Db, accountId: string, today: string, groupId?: string): Promise<MyGroup[]> {
	let query = currentPlaces(db, accountId);
	if (groupId !== undefined) query = query.where('group_training.id', '=', groupId);
	const places = await query.orderBy('group_training.name').execute();
	const ids = places.map((place) => place.id);
	const [sessions, leaders, records] = await Promise.all([sessionsOf(db, ids), leadersOf(db, ids), ownRecords(db, places.map((p) => p.participantId))]);
	return places.map((place) => {
		const attendance = new Map(
			records.attendance
				.filter((row) => row.participant_id === place.participantId)
				.map((row) => [row.session_id, { status: row.status, byPerson: Boolean(Number(row.excused_by_person)) }])
		);
		const checkedIn = new Set(records.checkIns.filter((row) => row.participant_id === place.participantId).map((row) => row.session_id));
		return {
			id: place.id,
			name: place.name,
			organisationName: place.organisationName,
			grantId: place.grantId,
			leaders: leaders.get(place.id) ?? [],
			followsProgramme: place.programmeId !== null,
			shareCheckIns: Boolean(Number(place.shareCheckIns)),
			reminders: place.reminders,
			joinedAt: place.joinedAt,
			sessions: mySessions(sessions.get(place.id) ?? [], localDay(new Date(place.joinedAt)), attendance, checkedIn, today)
		};
	});
}

export async function myGroups(db: Db, options: { actor: SignedInAccount | null; today?: string }): Promise<MyGroupSummary[]> {
	const account = requireSignedIn(options.actor);
	const today = options.today ?? localDay();
	return (await loadMine(db, account.id, today)).map((group) => {
		const next = nextSession(group.sessions, today);
		const due = group.sessions.filter((session) => session.checkIn === 'open').at(-1) ?? null;
		return {
			id: group.id,
			name: group.name,
			organisationName: group.organisationName,
			grantId: group.grantId,
			leaders: group.leaders,
			next,
			checkInDue: due ? stripOwn(due) : null
		};
	});
}

function stripOwn(session: MySession): GroupSessionView {
	const { id, day, startsAt, endsAt, place, videoUrl, status, isReturn } = session;
	return { id, day, startsAt, endsAt, place, videoUrl, status, isReturn };
}

/** One group the person is in now, or null (never in it, left, or unknown: the same answer). */
export async function myGroup(db: Db, options: { actor: SignedInAccount | null; groupId: string; today?: string }): Promise<MyGroup | null> {
	const account = requireSignedIn(options.actor);
	const [group] = await loadMine(db, account.id, options.today ?? localDay(), options.groupId);
	return group ?? null;
}


/** Every group grant of the person, current or ended, with its group's name and leaders (for their sharing page). */
export async function groupGrantsOf(db: Db, options: { actor: SignedInAccount | null }): Promise<Map<string, { groupId: string; name: string; leaders: string[] }>> {
	const account = requireSignedIn(options.actor);
	const rows = await db
		.selectFrom('consent_grant')
		.innerJoin('group_training', 'group_training.id', 'consent_grant.group_id')
		.select(['consent_grant.id', 'group_training.id as groupId', 'group_training.name'])
		.where('consent_grant.person_id', '=', account.id)
		.where('consent_grant.audience', '=', 'group')
		.execute();
	const leaders = await leadersOf(db, [...new Set(rows.map((row) => row.groupId))]);
	return new Map(rows.map((row) => [row.id, { groupId: row.groupId, name: row.name, leaders: leaders.get(row.groupId) ?? [] }]));
}
