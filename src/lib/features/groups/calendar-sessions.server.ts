/**
 * The sessions of the groups a person is in now, for their calendar feed (the composer turns them into events).
 * - `groupSessionsForFeed(db, { accountId, from })`: planned, held and cancelled sessions from `from` on, with the
 *   group's name and the session's `sequence`. After leaving, a group's sessions are no longer in it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { GroupSessionView } from './session-view';
import { currentParticipation } from './my-groups.server';

/** A session with what a calendar app needs besides: the group's name and the change count (SEQUENCE). */
export interface FeedSession extends Omit<GroupSessionView, 'isReturn'> {
	groupName: string;
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
