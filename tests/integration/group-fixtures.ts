/**
 * Set-up for group training tests: an organisation with two leaders, a colleague who leads nothing, and a group of
 * eight weekly sessions. People join the way joining stores it (a `group` grant and a participant row, one
 * transaction), so these tests do not depend on the join pages.
 *
 *   const world = await groupWorld(handle);
 *   const anna = await world.join('anna@example.nl', 'Anna');
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { SignedInAccount } from '$lib/server/auth/account';
import { encrypt, encryptedColumns } from '$lib/server/crypto';
import { createGroup } from '$lib/features/groups/group.server';
import { newGroupSchema } from '$lib/features/groups/group.schema';
import { professionalFixtures, type TestOrganisation } from './professional-fixtures';

export const groupNow = new Date('2026-03-01T09:00:00Z');

export interface Joined {
	person: SignedInAccount;
	participantId: string;
	grantId: string;
}

/** Stores a participation as joining does: the group grant and the participant row. */
export async function joinGroup(
	db: Kysely<Database>,
	group: { id: string; organisationId: string },
	person: SignedInAccount,
	name: string,
	options: { share?: boolean; at?: Date } = {}
): Promise<Joined> {
	const grantId = crypto.randomUUID();
	const participantId = crypto.randomUUID();
	const at = (options.at ?? groupNow).toISOString();
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('consent_grant')
			.values({
				id: grantId,
				person_id: person.id,
				professional_id: null,
				organisation_id: group.organisationId,
				scopes: JSON.stringify(['group']),
				audience: 'group',
				person_name: encrypt(name, encryptedColumns.consentPersonName.context(grantId)),
				granted_at: at,
				ended_at: null,
				end_reason: null,
				previous_grant_id: null,
				group_id: group.id
			})
			.execute();
		await trx
			.insertInto('group_participant')
			.values({ id: participantId, group_id: group.id, account_id: person.id, grant_id: grantId, joined_at: at, left_at: null, share_checkins: options.share ? 1 : 0, reminders: 'day_before' })
			.execute();
	});
	return { person, participantId, grantId };
}

/** Leaving as the consent change does it: the grant ends and the participation with it. */
export async function leaveGroup(db: Kysely<Database>, joined: Joined, at: Date = groupNow): Promise<void> {
	await db.updateTable('consent_grant').set({ ended_at: at.toISOString(), end_reason: 'withdrawn' }).where('id', '=', joined.grantId).execute();
	await db.updateTable('group_participant').set({ left_at: at.toISOString() }).where('id', '=', joined.participantId).execute();
}

export interface GroupWorld {
	noord: TestOrganisation;
	/** Leads the group. */
	lotte: SignedInAccount;
	/** Leads it too. */
	lars: SignedInAccount;
	/** A professional of the organisation who leads nothing. */
	piet: SignedInAccount;
	/** A professional of another organisation. */
	karel: SignedInAccount;
	group: { id: string; organisationId: string };
	sessionIds: string[];
	person(email: string, name: string): Promise<SignedInAccount>;
	join(email: string, name: string, options?: { share?: boolean }): Promise<Joined>;
}

export async function groupWorld(handle: DatabaseHandle): Promise<GroupWorld> {
	const fixtures = professionalFixtures(handle);
	const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
	const zuid = await fixtures.organisation('Wijkteam Zuid', { email: 'zora@zuid.nl', name: 'Zora Admin' });
	const lotte = await fixtures.professional(noord, 'lotte@noord.nl', 'Lotte Leider');
	const lars = await fixtures.professional(noord, 'lars@noord.nl', 'Lars Leider');
	const piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
	const karel = await fixtures.professional(zuid, 'karel@zuid.nl', 'Karel Zuid');
	const input = newGroupSchema.parse({
		name: 'Samen sterker',
		leaderIds: [lotte.id, lars.id],
		firstDay: '2026-03-02',
		startsAt: '10:00',
		endsAt: '11:30',
		place: 'Buurthuis De Brug'
	});
	const created = await createGroup(handle.db, { actor: piet, organisationId: noord.id, input, now: groupNow });
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	const group = { id: created.groupId, organisationId: noord.id };
	const sessions = await handle.db.selectFrom('group_session').select('id').where('group_id', '=', group.id).orderBy('day').execute();
	return {
		noord,
		lotte,
		lars,
		piet,
		karel,
		group,
		sessionIds: sessions.map((row) => row.id),
		person: (email, name) => fixtures.person(email, name),
		join: async (email, name, options) => joinGroup(handle.db, group, await fixtures.person(email, name), name, options)
	};
}
