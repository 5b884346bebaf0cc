/**
 * A group training as the organisation runs it: who may create it, its settings and leaders, and the lists leaders and
 * admins start from. Nothing here shows a participant: an admin sees counts, a leader's view of people is in
 * leading.server.ts.
 * - `createGroup(db, { actor, organisationId, input })`: an admin or a professional of the organisation makes a group
 *   with its first weekly series; the creator need not lead it. Leaders must be professionals of the organisation.
 * - `updateGroup(db, { actor, groupId, input })`: name, capacity, complete-after and leaders (a manager).
 * - `archiveGroup(db, { actor, groupId })`: the group ended; it is kept, its codes stop working.
 * - `listGroupsForProfessional(db, { actor })`: the groups I lead, each with its next session.
 * - `listGroupsForOrganisation(db, { actor, organisationId })`: an admin's list, with counts only.
 * - `listGroupsForManager(db, { actor })`: the groups I lead, and every group of the organisations I am admin of.
 * - `groupForManager(db, { actor, groupId })`: one group for its leaders and admins: settings, leaders, sessions,
 *   counts (participants, attended per session), and who could lead it.
 * - `organisationProfessionals(db, organisationId)`: the professionals one may choose as leaders.
 * - `newGroupChoices(db, { actor, organisationId? })`: for a professional's "new group" form: their organisations,
 *   the one chosen (the first unless named) and its professionals.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '$lib/server/db';
import type { GroupSessionTable } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { FieldErrors } from '$lib/kernel/form-errors';
import { membershipsOf, requireMembership, requireSignedIn } from '$lib/kernel/policy.server';
import { localDay } from '$lib/time';
import { defaultProgrammeId } from '$lib/features/programme/programme-values';
import { latestProgrammeVersion } from '$lib/features/programme/programme.content';
import { attendedStatuses } from './group-values';
import { requireGroupManager, type GroupAccess } from './group-access.server';
import type { GroupInput, NewGroupInput } from './group.schema';
import { insertSeries } from './sessions.server';
import { sessionView, type GroupSessionView } from './session-view';

type Db = Kysely<Database>;

export type GroupOutcome = { ok: true; groupId: string } | { ok: false; errors: FieldErrors };

export interface Person {
	id: string;
	name: string;
}

export interface SessionSummary extends GroupSessionView {
	/** Changed since it was first planned (the participants were told). */
	changed: boolean;
}

export function sessionSummary(row: Selectable<GroupSessionTable>): SessionSummary {
	return { ...sessionView(row), changed: Number(row.sequence) > 0 };
}

export async function organisationProfessionals(db: Db, organisationId: string): Promise<Person[]> {
	const rows = await db
		.selectFrom('membership')
		.innerJoin('account', 'account.id', 'membership.account_id')
		.select(['account.id', 'account.name', 'account.email'])
		.where('membership.organisation_id', '=', organisationId)
		.where('membership.role', '=', 'professional')
		.execute();
	return rows.map((row) => ({ id: row.id, name: row.name || row.email })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** The chosen leaders, when every one of them is a professional of the organisation. */
async function checkLeaders(db: Db, organisationId: string, leaderIds: readonly string[]): Promise<boolean> {
	const professionals = new Set((await organisationProfessionals(db, organisationId)).map((p) => p.id));
	return leaderIds.every((id) => professionals.has(id));
}

async function setLeaders(db: Db, groupId: string, leaderIds: readonly string[]): Promise<void> {
	await db.deleteFrom('group_leader').where('group_id', '=', groupId).execute();
	await db
		.insertInto('group_leader')
		.values(leaderIds.map((accountId) => ({ group_id: groupId, account_id: accountId })))
		.execute();
}

export async function createGroup(
	db: Db,
	options: { actor: SignedInAccount | null; organisationId: string; input: NewGroupInput; now?: Date }
): Promise<GroupOutcome> {
	const actor = requireSignedIn(options.actor);
	const memberships = (await membershipsOf(db, actor.id)).filter((m) => m.organisationId === options.organisationId);
	// An admin or a professional of this organisation (with two-step sign-in, the kernel's rule).
	await requireMembership(db, actor, { role: memberships.some((m) => m.role === 'admin') ? 'admin' : 'professional', organisationId: options.organisationId });
	const { input } = options;
	if (!(await checkLeaders(db, options.organisationId, input.leaderIds))) return { ok: false, errors: { leaderIds: 'leaders_invalid' } };
	const now = options.now ?? new Date();
	const groupId = crypto.randomUUID();
	const followsProgramme = input.programme === defaultProgrammeId;
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('group_training')
			.values({
				id: groupId,
				organisation_id: options.organisationId,
				name: input.name,
				programme_id: followsProgramme ? defaultProgrammeId : null,
				programme_version: followsProgramme ? (latestProgrammeVersion(defaultProgrammeId) ?? null) : null,
				capacity: input.capacity,
				complete_after: input.completeAfter,
				created_by: actor.id,
				created_at: now.toISOString(),
				archived_at: null
			})
			.execute();
		await setLeaders(trx, groupId, input.leaderIds);
		await insertSeries(trx, groupId, input, now);
	});
	return { ok: true, groupId };
}

/** Regular sessions still on (not cancelled, not the return meeting): what complete-after is measured against. */
async function regularSessionCount(db: Db, groupId: string): Promise<number> {
	const row = await db
		.selectFrom('group_session')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('group_id', '=', groupId)
		.where('status', '!=', 'cancelled')
		.where('is_return', '=', 0)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

async function currentParticipantCount(db: Db, groupId: string): Promise<number> {
	const row = await db
		.selectFrom('group_participant')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('group_id', '=', groupId)
		.where('left_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

export async function updateGroup(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; input: Omit<GroupInput, 'programme'> }
): Promise<GroupOutcome> {
	const access = await requireGroupManager(db, options.actor, options.groupId);
	const { input } = options;
	const errors: FieldErrors = {};
	if (!(await checkLeaders(db, access.group.organisation_id, input.leaderIds))) errors.leaderIds = 'leaders_invalid';
	if (input.completeAfter > (await regularSessionCount(db, options.groupId))) errors.completeAfter = 'complete_after_too_high';
	// Nobody is put out of a group by a smaller number.
	if (input.capacity < (await currentParticipantCount(db, options.groupId))) errors.capacity = 'capacity_invalid';
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('group_training')
			.set({ name: input.name, capacity: input.capacity, complete_after: input.completeAfter })
			.where('id', '=', options.groupId)
			.execute();
		await setLeaders(trx, options.groupId, input.leaderIds);
	});
	return { ok: true, groupId: options.groupId };
}

export async function archiveGroup(db: Db, options: { actor: SignedInAccount | null; groupId: string; now?: Date }): Promise<boolean> {
	await requireGroupManager(db, options.actor, options.groupId);
	const result = await db
		.updateTable('group_training')
		.set({ archived_at: (options.now ?? new Date()).toISOString() })
		.where('id', '=', options.groupId)
		.where('archived_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export interface GroupListItem {
	id: string;
	name: string;
	organisationId: string;
	archived: boolean;
	participants: number;
	capacity: number;
	leaders: Person[];
	/** The first planned session from today on, if any. */
	nextSession: SessionSummary | null;
}

async function groupListItems(db: Db, groupIds: readonly string[], today: string): Promise<GroupListItem[]> {
	if (groupIds.length === 0) return [];
	const [groups, leaders, sessions, participants] = await Promise.all([
		db.selectFrom('group_training').selectAll().where('id', 'in', groupIds).execute(),
		db
			.selectFrom('group_leader')
			.innerJoin('account', 'account.id', 'group_leader.account_id')
			.select(['group_leader.group_id', 'account.id', 'account.name', 'account.email'])
			.where('group_leader.group_id', 'in', groupIds)
			.execute(),
		db.selectFrom('group_session').selectAll().where('group_id', 'in', groupIds).where('status', '=', 'planned').where('day', '>=', today).orderBy('day').orderBy('starts_at').execute(),
		db
			.selectFrom('group_participant')
			.select(['group_id', (eb) => eb.fn.countAll<number>().as('count')])
			.where('group_id', 'in', groupIds)
			.where('left_at', 'is', null)
			.groupBy('group_id')
			.execute()
	]);
	return groups
		.map((group) => ({
			id: group.id,
			name: group.name,
			organisationId: group.organisation_id,
			archived: group.archived_at !== null,
			capacity: Number(group.capacity),
			participants: Number(participants.find((row) => row.group_id === group.id)?.count ?? 0),
			leaders: leaders.filter((row) => row.group_id === group.id).map((row) => ({ id: row.id, name: row.name || row.email })),
			nextSession: ((row) => (row ? sessionSummary(row) : null))(sessions.find((row) => row.group_id === group.id))
		}))
		.sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name, 'nl'));
}

export async function listGroupsForProfessional(db: Db, options: { actor: SignedInAccount | null; now?: Date }): Promise<GroupListItem[]> {
	const memberships = await requireMembership(db, options.actor, { role: 'professional' });
	const organisations = memberships.map((m) => m.organisationId);
	const led = await db
		.selectFrom('group_leader')
		.innerJoin('group_training', 'group_training.id', 'group_leader.group_id')
		.select('group_training.id')
		.where('group_leader.account_id', '=', options.actor!.id)
		// A leader who left the organisation no longer leads its groups.
		.where('group_training.organisation_id', 'in', organisations)
		.execute();
	return groupListItems(db, led.map((row) => row.id), localDay(options.now));
}

export async function listGroupsForManager(db: Db, options: { actor: SignedInAccount | null; now?: Date }): Promise<GroupListItem[]> {
	const account = requireSignedIn(options.actor);
	const memberships = await membershipsOf(db, account.id);
	const adminIn = memberships.filter((m) => m.role === 'admin').map((m) => m.organisationId);
	// Two-step sign-in and the role, as for every page that shows other people's data.
	await requireMembership(db, account, { role: adminIn.length > 0 ? 'admin' : 'professional' });
	const led = memberships.some((m) => m.role === 'professional') ? await listGroupsForProfessional(db, options) : [];
	if (adminIn.length === 0) return led;
	const managed = await db.selectFrom('group_training').select('id').where('organisation_id', 'in', adminIn).execute();
	const more = await groupListItems(db, managed.map((row) => row.id).filter((id) => !led.some((group) => group.id === id)), localDay(options.now));
	return [...led, ...more].sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name, 'nl'));
}

export async function listGroupsForOrganisation(
	db: Db,
	options: { actor: SignedInAccount | null; organisationId: string; now?: Date }
): Promise<GroupListItem[]> {
	await requireMembership(db, options.actor, { role: 'admin', organisationId: options.organisationId });
	const rows = await db.selectFrom('group_training').select('id').where('organisation_id', '=', options.organisationId).execute();
	return groupListItems(db, rows.map((row) => row.id), localDay(options.now));
}

export interface ManagedGroup {
	access: Pick<GroupAccess, 'leads' | 'admin'>;
	id: string;
	name: string;
	organisationId: string;
	programmeId: string | null;
	capacity: number;
	completeAfter: number;
	archived: boolean;
	leaders: Person[];
	/** Who may be chosen as a leader. */
	professionals: Person[];
	participants: number;
	/** Every session, in order, with how many attended it (a count, never who). */
	sessions: (SessionSummary & { attended: number })[];
}

export async function groupForManager(db: Db, options: { actor: SignedInAccount | null; groupId: string }): Promise<ManagedGroup> {
	const access = await requireGroupManager(db, options.actor, options.groupId);
	const { group } = access;
	const [leaders, sessions, attended, participants, professionals] = await Promise.all([
		db
			.selectFrom('group_leader')
			.innerJoin('account', 'account.id', 'group_leader.account_id')
			.select(['account.id', 'account.name', 'account.email'])
			.where('group_leader.group_id', '=', group.id)
			.execute(),
		db.selectFrom('group_session').selectAll().where('group_id', '=', group.id).orderBy('day').orderBy('starts_at').orderBy('id').execute(),
		db
			.selectFrom('group_attendance')
			.innerJoin('group_session', 'group_session.id', 'group_attendance.session_id')
			.select(['group_attendance.session_id', (eb) => eb.fn.countAll<number>().as('count')])
			.where('group_session.group_id', '=', group.id)
			.where('group_attendance.status', 'in', [...attendedStatuses])
			.groupBy('group_attendance.session_id')
			.execute(),
		currentParticipantCount(db, group.id),
		organisationProfessionals(db, group.organisation_id)
	]);
	return {
		access: { leads: access.leads, admin: access.admin },
		id: group.id,
		name: group.name,
		organisationId: group.organisation_id,
		programmeId: group.programme_id,
		capacity: Number(group.capacity),
		completeAfter: Number(group.complete_after),
		archived: group.archived_at !== null,
		leaders: leaders.map((row) => ({ id: row.id, name: row.name || row.email })),
		professionals,
		participants,
		sessions: sessions.map((row) => ({ ...sessionSummary(row), attended: Number(attended.find((a) => a.session_id === row.id)?.count ?? 0) }))
	};
}

export async function newGroupChoices(
	db: Db,
	options: { actor: SignedInAccount | null; organisationId?: string | null }
): Promise<{ organisations: Person[]; organisationId: string; professionals: Person[] }> {
	const account = requireSignedIn(options.actor);
	const memberships = await membershipsOf(db, account.id);
	// Professionals and admins both make groups in their own organisations (two-step sign-in first).
	await requireMembership(db, account, { role: memberships.some((m) => m.role === 'admin') ? 'admin' : 'professional' });
	const ids = [...new Set(memberships.map((m) => m.organisationId))];
	const rows = await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', ids).orderBy('name').execute();
	const organisationId = rows.find((row) => row.id === options.organisationId)?.id ?? rows[0]!.id;
	return { organisations: rows, organisationId, professionals: await organisationProfessionals(db, organisationId) };
}
