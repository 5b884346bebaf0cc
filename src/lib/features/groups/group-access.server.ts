/**
 * Who may do what with a group, in one place. A group belongs to an organisation; its leaders (one or two of its
 * professionals) run it and, through each participant's `group` grant, read what the participant shares with the
 * group; the organisation's admins manage it (sessions, leaders, codes) but never see a participant.
 * - `requireGroupManager(db, actor, groupId)`: a leader or an admin of the group's organisation (with two-step
 *   sign-in); 403 otherwise, also for an unknown id, so ids cannot be probed.
 * - `requireGroupLeader(db, actor, groupId)`: a leader who is still a professional of the organisation.
 * - `reachableParticipants(db, { actor, groupId })`: the current participants whose consent lets this leader in, with
 *   the grant (set-based, one query through the kernel's `clientGrants`). Callers audit what they then read.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { GroupTrainingTable } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { membershipsOf, requireMembership, requireSignedIn } from '$lib/kernel/policy.server';
import type { MembershipFact } from '$lib/kernel/policy';
import { clientGrants, type ClientGrant } from '$lib/kernel/client-access.server';
import { error } from '@sveltejs/kit';

type Db = Kysely<Database>;

export interface GroupAccess {
	group: GroupTrainingTable;
	/** The actor leads this group (and is still a professional of its organisation). */
	leads: boolean;
	/** The actor is an admin of the group's organisation. */
	admin: boolean;
}

function refuse(): never {
	error(403, 'You do not have access to this.', { reason: 'no_access' });
}

/** The group and the actor's part in it; `memberships` when the caller has read them already. */
export async function groupAccess(db: Db, actor: SignedInAccount, groupId: string, memberships?: MembershipFact[]): Promise<GroupAccess | null> {
	const group = await db.selectFrom('group_training').selectAll().where('id', '=', groupId).executeTakeFirst();
	if (!group) return null;
	const inGroupOrganisation = (memberships ?? (await membershipsOf(db, actor.id))).filter((m) => m.organisationId === group.organisation_id);
	const professional = inGroupOrganisation.some((m) => m.role === 'professional');
	const admin = inGroupOrganisation.some((m) => m.role === 'admin');
	const leader = professional
		? await db.selectFrom('group_leader').select('account_id').where('group_id', '=', groupId).where('account_id', '=', actor.id).executeTakeFirst()
		: undefined;
	return { group, leads: leader !== undefined, admin };
}

export async function requireGroupManager(db: Db, actor: SignedInAccount | null, groupId: string): Promise<GroupAccess> {
	const account = requireSignedIn(actor);
	// Two-step sign-in and some role in some organisation first (the kernel's rule for professionals and admins).
	const memberships = await membershipsOf(db, account.id);
	await requireMembership(db, account, { role: memberships.some((m) => m.role === 'admin') ? 'admin' : 'professional' });
	const access = await groupAccess(db, account, groupId, memberships);
	if (!access || (!access.leads && !access.admin)) refuse();
	return access;
}

export async function requireGroupLeader(db: Db, actor: SignedInAccount | null, groupId: string): Promise<GroupAccess> {
	await requireMembership(db, actor, { role: 'professional' });
	const access = await groupAccess(db, actor!, groupId);
	if (!access?.leads) refuse();
	return access;
}

export interface ReachableParticipant {
	participantId: string;
	personId: string;
	/** The name the person chose for this group (their grant's name), else their address. */
	name: string;
	shareCheckIns: boolean;
	joinedAt: string;
	grant: ClientGrant;
}

/** Current participants of the group whose consent reaches the actor, by name. */
export async function reachableParticipants(db: Db, options: { actor: SignedInAccount; groupId: string }): Promise<ReachableParticipant[]> {
	const rows = await db
		.selectFrom('group_participant')
		.select(['id', 'account_id', 'share_checkins', 'joined_at'])
		.where('group_id', '=', options.groupId)
		.where('left_at', 'is', null)
		.execute();
	if (rows.length === 0) return [];
	const grants = await clientGrants(db, {
		professionalId: options.actor.id,
		personIds: rows.map((row) => row.account_id),
		scope: 'group'
	});
	return rows
		.flatMap((row) => {
			const grant = grants.get(row.account_id);
			if (!grant || !grant.groupIds.includes(options.groupId)) return [];
			return [{ participantId: row.id, personId: row.account_id, name: grant.personName, shareCheckIns: Boolean(row.share_checkins), joinedAt: row.joined_at, grant }];
		})
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
