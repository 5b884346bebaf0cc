/**
 * A group training written straight into a test database (the leaders' use-cases are tested on their own): the
 * group, its leaders, sessions on given days, and a code made with `createGroupCode`.
 *
 *   const group = await seedGroup(handle, { organisationId: noord.id, leaders: [piet], days: ['2026-03-03', …] });
 *   group.code; group.sessionIds[0];
 */
import type { SignedInAccount } from '$lib/server/auth/account';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { GroupSessionStatus } from '$lib/server/db/schema';
import { createGroupCode } from '$lib/features/groups/codes.server';

export interface SeededGroup {
	id: string;
	code: string;
	sessionIds: string[];
}

export async function seedGroup(
	handle: DatabaseHandle,
	options: {
		organisationId: string;
		leaders: SignedInAccount[];
		days: string[];
		name?: string;
		capacity?: number;
		programmeId?: string;
		status?: GroupSessionStatus;
		now?: Date;
	}
): Promise<SeededGroup> {
	const id = crypto.randomUUID();
	const now = (options.now ?? new Date()).toISOString();
	await handle.db
		.insertInto('group_training')
		.values({
			id,
			organisation_id: options.organisationId,
			name: options.name ?? 'Samen op dinsdag',
			programme_id: options.programmeId ?? null,
			programme_version: options.programmeId ? 1 : null,
			capacity: options.capacity ?? 12,
			complete_after: 6,
			created_by: options.leaders[0]!.id,
			created_at: now,
			archived_at: null
		})
		.execute();
	await handle.db.insertInto('group_leader').values(options.leaders.map((leader) => ({ group_id: id, account_id: leader.id }))).execute();
	const sessionIds = options.days.map(() => crypto.randomUUID());
	await handle.db
		.insertInto('group_session')
		.values(
			options.days.map((day, index) => ({
				id: sessionIds[index]!,
				group_id: id,
				day,
				starts_at: '14:00',
				ends_at: '16:00',
				place: 'Buurthuis De Brug, zaal 2',
				video_url: null,
				status: options.status ?? 'planned',
				is_return: 0,
				sequence: 0,
				held_at: null,
				updated_at: now
			}))
		)
		.execute();
	const { code } = await createGroupCode(handle.db, { actor: options.leaders[0]!, groupId: id, now: options.now });
	return { id, code, sessionIds };
}
