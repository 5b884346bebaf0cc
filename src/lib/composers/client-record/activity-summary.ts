/**
 * What a linked professional sees of a person's own practice (consent scope `programme`): how often they used each
 * tool of the toolkit per week, and the last day they were active. Counts only: never what they wrote, which pattern,
 * or which step. Pure; the caller passes `today`.
 * - `activityKinds`: the tools counted, in the order a page shows them.
 * - `activitySummary({ days, lastActiveDay, today })`: counts per kind in each of the last `activityWeeks` weeks
 *   (oldest first; a week is 7 days ending on `today`, as in the relationship summary), and the totals.
 */
import { addDays } from '$lib/time';

export const activityWeeks = 4;
export const activityKinds = ['exercise', 'journal', 'thought', 'kind_moment', 'small_step'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export type ActivityCounts = Record<ActivityKind, number>;

export interface ActivitySummary {
	/** Oldest first; `from` and `to` are local days, both included. */
	weeks: { from: string; to: string; counts: ActivityCounts }[];
	totals: ActivityCounts;
	/** The last local day with any activity (also older than the weeks shown); null when never active. */
	lastActiveDay: string | null;
}

const none = (): ActivityCounts => Object.fromEntries(activityKinds.map((kind) => [kind, 0])) as ActivityCounts;

export function activitySummary(input: { days: Iterable<{ kind: ActivityKind; day: string }>; lastActiveDay: string | null; today: string }): ActivitySummary {
	const weeks = Array.from({ length: activityWeeks }, (_, i) => {
		const to = addDays(input.today, -7 * (activityWeeks - 1 - i));
		return { from: addDays(to, -6), to, counts: none() };
	});
	const totals = none();
	for (const { kind, day } of input.days) {
		const week = weeks.find((w) => day >= w.from && day <= w.to);
		if (!week) continue;
		week.counts[kind] += 1;
		totals[kind] += 1;
	}
	return { weeks, totals, lastActiveDay: input.lastActiveDay };
}
