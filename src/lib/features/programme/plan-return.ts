/**
 * When the plan for next time comes back to the top of the person's overview, pure.
 * - `planReturnsAfter(post, latest)`: true when the person's newest DJG-11 came after the programme's post
 *   measurement and scores at least `worseBy` points higher (more lonely) on the total.
 *
 * Decisions:
 * - Any DJG-11 counts as "latest": the follow-up, one a professional asked for, or one the person did alone.
 * - Two points: a change of one point on the 0–11 total is within what a person answers differently on another day.
 * - Without a post measurement (stopped early, or not yet measured) there is nothing to compare with: no return.
 */

/** A DJG-11 as this rule needs it. */
export interface ScoredMeasurement {
	id: string;
	takenAt: string;
	total: number | null;
}

export const worseBy = 2;

export function planReturnsAfter(post: ScoredMeasurement | null, latest: ScoredMeasurement | null): boolean {
	if (!post || !latest || post.total === null || latest.total === null) return false;
	if (latest.id === post.id || latest.takenAt <= post.takenAt) return false;
	return latest.total - post.total >= worseBy;
}
