/**
 * Reads the toolkit activity of one person for `activitySummary` (consent scope `programme`): the days of their
 * exercises, journal entries, thought checks, kind moments and small steps done in the last four weeks, and their last
 * active day (from what the person shares). Only days leave the tables, never what was written. The caller checks
 * consent and audits the read.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { ConsentScope } from '$lib/kernel/consent-scopes';
import { lastActiveDays } from '$lib/composers/last-active.server';
import { addDays, localDay, localInstant } from '$lib/time';
import { activitySummary, activityWeeks, type ActivityKind, type ActivitySummary } from './activity-summary';

const tablesByKind = [
	['exercise', 'exercise_done'],
	['journal', 'journal_entry'],
	['thought', 'thought_record'],
	['kind_moment', 'kind_moment']
] as const satisfies readonly (readonly [ActivityKind, string])[];

export async function readActivitySummary(
	db: Kysely<Database>,
	options: { personId: string; scopes: readonly ConsentScope[]; today: string }
): Promise<ActivitySummary> {
	const from = addDays(options.today, -7 * activityWeeks + 1);
	const [dayRows, steps, last] = await Promise.all([
		Promise.all(
			tablesByKind.map(async ([kind, table]) => {
				const rows = await db
					.selectFrom(table)
					.select('day')
					.where('account_id', '=', options.personId)
					.where('day', '>=', from)
					.where('day', '<=', options.today)
					.execute();
				return rows.map((row) => ({ kind, day: row.day }));
			})
		),
		db
			.selectFrom('step_plan')
			.select('done_at')
			.where('account_id', '=', options.personId)
			.where('done_at', '>=', localInstant(from, '00:00').toISOString())
			.execute(),
		// The last active day counts only what the person shares (contacts, results, webs need their own scopes).
		lastActiveDays(db, [{ personId: options.personId, scopes: options.scopes }])
	]);
	const stepDays = steps.flatMap((row) => (row.done_at ? [{ kind: 'small_step' as const, day: localDay(new Date(row.done_at)) }] : []));
	return activitySummary({ days: [...dayRows.flat(), ...stepDays], lastActiveDay: last.get(options.personId) ?? null, today: options.today });
}
