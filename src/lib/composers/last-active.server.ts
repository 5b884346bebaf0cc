/**
 * The last local day each person did anything in brug that they share with the reader: every feature's
 * `lastActiveDays`, for the people who share that feature's scope. The caseload and the client page both use it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { ConsentScope } from '$lib/kernel/consent-scopes';
import { latestPerPerson } from '$lib/kernel/last-day.server';
import { personDataFeatures } from './person-data-features';

export async function lastActiveDays(
	db: Kysely<Database>,
	people: readonly { personId: string; scopes: readonly ConsentScope[] }[]
): Promise<Map<string, string>> {
	const found = await Promise.all(
		personDataFeatures.map((feature) => {
			const { scope } = feature;
			// A feature without a scope never tells a professional anything, not even a day.
			if (scope === null || !feature.lastActiveDays) return new Map<string, string>();
			const sharing = people.filter((p) => p.scopes.includes(scope)).map((p) => p.personId);
			if (sharing.length === 0) return new Map<string, string>();
			return feature.lastActiveDays(db, sharing);
		})
	);
	return latestPerPerson(...found);
}
