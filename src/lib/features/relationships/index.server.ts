/**
 * The relationship map's face: the people on it, contacts, planned moments and the calendar feed, the person's own.
 * Professionals see only counts, under the `relationship_summary` scope (never names).
 */
import { personDataFeature } from '$lib/kernel/person-data';
import { lastDayPerPerson } from '$lib/kernel/last-day.server';
import { calendarFeedStatus } from './calendar-feed.server';
import { listPlannedMoments } from './planned-moments.server';
import { listContactMoments, listRelations } from './relations.server';

const all = 1_000_000;

export const relationshipsData = personDataFeature({
	name: 'relationships',
	scope: 'relationship_summary',
	tables: ['relation', 'planned_moment', 'contact_moment', 'calendar_token'],
	async exportPart(db, { account, locale }) {
		return {
			relations: await listRelations(db, { actor: account, locale }),
			contactMoments: await listContactMoments(db, { actor: account, limit: all }),
			plannedMoments: [
				...(await listPlannedMoments(db, { actor: account, state: 'open', limit: all })),
				...(await listPlannedMoments(db, { actor: account, state: 'closed', limit: all }))
			],
			calendarFeed: await calendarFeedStatus(db, { actor: account })
		};
	},
	lastActiveDays: (db, personIds) => lastDayPerPerson(db, 'contact_moment', personIds)
});
