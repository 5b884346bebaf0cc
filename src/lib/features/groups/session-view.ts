/**
 * A session as pages and the API show it (camel case, a boolean for the return meeting), pure: the leader's and the
 * person's reads share it.
 */
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

export interface SessionRow {
	id: string;
	day: string;
	starts_at: string;
	ends_at: string;
	place: string | null;
	video_url: string | null;
	status: GroupSessionStatus;
	is_return: number;
}

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
