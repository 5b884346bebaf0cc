/**
 * A session as pages and the API show it (camel case, a boolean for the return meeting), pure: the leader's and the
 * person's reads share it.
 */
import type { GroupSessionTable } from '$lib/server/db/schema';
import type { GroupSessionStatus } from './group-values';

export interface GroupSessionView {
	id: string;
	/** Local day YYYY-MM-DD. */
	day: string;
	/** Local times HH:MM. */
	startsAt: string;
	endsAt: string;
	place: string | null;
	videoUrl: string | null;
	status: GroupSessionStatus;
	isReturn: boolean;
}

/** The columns of a `group_session` row the view needs. */
export type SessionRow = Pick<GroupSessionTable, 'id' | 'day' | 'starts_at' | 'ends_at' | 'place' | 'video_url' | 'status' | 'is_return'>;

export function sessionView(row: SessionRow): GroupSessionView {
	return {
		id: row.id,
		day: row.day,
		startsAt: row.starts_at,
		endsAt: row.ends_at,
		place: row.place,
		videoUrl: row.video_url,
		status: row.status,
		isReturn: Boolean(Number(row.is_return))
	};
}
