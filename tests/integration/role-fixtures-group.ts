/**
 * Group G of the authorisation matrix's roles (role-fixtures.ts), made with brug's own use-cases: `groupLeader` makes
 * it (a weekly series that began a week ago) and adds a return meeting, makes a code for each of `person` and
 * `groupMate`, who join with it. A second group of the same leader, without participants, is there to be archived.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { createGroup } from '$lib/features/groups/group.server';
import { addSessions } from '$lib/features/groups/sessions.server';
import { createGroupCode } from '$lib/features/groups/codes.server';
import { joinGroup } from '$lib/features/groups/participation.server';
import { newGroupSchema, sessionSeriesSchema } from '$lib/features/groups/group.schema';
import { joinGroupSchema } from '$lib/features/groups/participation.schema';
import { addDays, localDay } from '$lib/time';

export interface GroupG {
	id: string;
	/** Oldest first: a week ago, today, then weekly, and the return meeting. */
	sessionIds: string[];
	participantIds: Record<'person' | 'groupMate', string>;
	/** The names the two chose for the group. */
	names: Record<'person' | 'groupMate', string>;
	/** A second group of the same leader without participants, for calls that archive a group. */
	spareId: string;
}

const groupNames = { person: 'Pim uit de groep', groupMate: 'Gijs uit de groep' } as const;

/** Group G as its leader makes it: a series that started a week ago, a return meeting, a code; then two people join. */
export async function seedGroupG(
	db: Kysely<Database>,
	options: { organisationId: string; leader: SignedInAccount; members: Record<'person' | 'groupMate', SignedInAccount> }
): Promise<GroupG> {
	const today = localDay(new Date());
	const created = await createGroup(db, {
		actor: options.leader,
		organisationId: options.organisationId,
		input: newGroupSchema.parse({ name: 'Groep G', leaderIds: [options.leader.id], firstDay: addDays(today, -7), count: '8', startsAt: '14:00', endsAt: '16:00', place: 'Buurthuis' })
	});
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	const groupId = created.groupId;
	await addSessions(db, {
		actor: options.leader,
		groupId,
		input: sessionSeriesSchema.parse({ firstDay: addDays(today, 70), count: '1', startsAt: '14:00', endsAt: '16:00', place: 'Buurthuis' })
	});
	const participantIds = {} as Record<'person' | 'groupMate', string>;
	for (const role of ['person', 'groupMate'] as const) {
		const { code } = await createGroupCode(db, { actor: options.leader, groupId });
		const joined = await joinGroup(db, { actor: options.members[role], input: joinGroupSchema.parse({ code, personName: groupNames[role], shareCheckIns: true }) });
		if (!joined.ok) throw new Error(joined.reason);
		const row = await db.selectFrom('group_participant').select('id').where('group_id', '=', groupId).where('account_id', '=', options.members[role].id).executeTakeFirstOrThrow();
		participantIds[role] = row.id;
	}
	const sessions = await db.selectFrom('group_session').select('id').where('group_id', '=', groupId).orderBy('day').execute();
	const spare = await createGroup(db, {
		actor: options.leader,
		organisationId: options.organisationId,
		input: newGroupSchema.parse({ name: 'Groep Reserve', leaderIds: [options.leader.id], firstDay: addDays(today, 7), count: '2', completeAfter: '2', startsAt: '10:00', endsAt: '11:00', place: 'Buurthuis' })
	});
	if (!spare.ok) throw new Error(JSON.stringify(spare.errors));
	return { id: groupId, sessionIds: sessions.map((row) => row.id), participantIds, names: { ...groupNames }, spareId: spare.groupId };
}
