/**
 * Reads the toolkit activity of one person for `activitySummary` (consent scope `programme`): every shared feature's
 * `activityDays` in the last four weeks (exercises, journal entries, thought checks, kind moments, small steps done),
 * and their last active day (from what the person shares). Only days leave the tables, never what was written. The
 * caller checks consent and audits the read.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { ConsentScope } from '$lib/kernel/consent-scopes';
import { lastActiveDays } from '$lib/composers/last-active.server';
import { addDays } from '$lib/time';
import { personDataFeatures } from '$lib/composers/person-data-features';
import { activityKinds, activitySummary, activityWeeks, type ActivityKind, type ActivitySummary } from './activity-summary';

const isActivityKind = (kind: string): kind is ActivityKind => (activityKinds as readonly string[]).includes(kind);

export async function readActivitySummary(
	db: Kysely<Database>,
	options: { personId: string; scopes: readonly ConsentScope[]; today: string }
): Promise<ActivitySummary> {
	const range = { from: addDays(options.today, -7 * activityWeeks + 1), to: options.today };
	const [found, last] = await Promise.all([
		// Every feature the person shares, that counts activity.
		Promise.all(
			personDataFeatures.map((feature) =>
				feature.activityDays && feature.scope !== null && options.scopes.includes(feature.scope)
					? feature.activityDays(db, options.personId, range)
					: Promise.resolve([])
			)
		),
		// The last active day counts only what the person shares (contacts, results, webs need their own scopes).
		lastActiveDays(db, [{ personId: options.personId, scopes: options.scopes }])
	]);
	const days = found.flat().flatMap((day) => (isActivityKind(day.kind) ? [{ kind: day.kind, day: day.day }] : []));
	return activitySummary({ days, lastActiveDay: last.get(options.personId) ?? null, today: options.today });
}
