/**
 * The sessions of the groups a person is in now, for their calendar feed (the composer turns them into events).
 * - `groupSessionsForFeed(db, { accountId, from })`: planned, held and cancelled sessions from `from` on, with the
 *   group's name and the session's `sequence`. After leaving, a group's sessions are no longer in it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { GroupSessionStatus } from './group-values';
import { currentParticipation } from './my-groups.server';

export interface FeedSession {
	id: string;
	groupName: string;
	day: string;
	startsAt: string;
	endsAt: string;
	place: string | null;
	videoUrl: string | null;
	status: GroupSessionStatus;
	sequence: number;
}

export async function groupSessionsForFeed(db: Kysely<Database>, options: { accountId: string; from: string }): Promise<FeedSession[]> {
	const rows = await currentParticipation(db, options.accountId)
		.innerJoin('group_session', 'group_session.group_id', 'group_participant.group_id')
		.select([
			'group_session.id',
			'group_training.name as groupName',
			'group_session.day',
			'group_session.starts_at as startsAt',
			'group_session.ends_at as endsAt',
			'group_session.place',
			'group_session.video_url as videoUrl',
			'group_session.status',
			'group_session.sequence'
		])
		.where('group_session.day', '>=', options.from)
		.execute();
	return rows.map((row) => ({ ...row, sequence: Number(row.sequence) }));
}
