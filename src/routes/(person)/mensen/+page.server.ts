import { balanceInsights } from '$lib/features/relationships/insights';
import { contactState } from '$lib/features/relationships/relationships';
import { relationshipMapModel } from '$lib/features/relationships/relationship-map';
import { lastContactDays, listContactMoments, listRelations } from '$lib/features/relationships/relations.server';
import { hasStarted, listPlannedMoments } from '$lib/features/relationships/planned-moments.server';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import { addDays, localDay } from '$lib/time';
import type { PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** The relationship map: the people in a person's life by circle, with status, insights and planned moments. */
export const load: PageServerLoad = async (event) => {
	const actor = requireAccount(event);
	const today = localDay();
	const [relations, lastDays, recent, planned] = await Promise.all([
		listRelations(db(), { actor, locale: event.locals.locale }),
		lastContactDays(db(), { actor, today }),
		// Only the recent ones: what went well looks back two weeks; the last contact comes from lastContactDays.
		listContactMoments(db(), { actor, fromDay: addDays(today, -13), limit: 500 }),
		listPlannedMoments(db(), { actor, state: 'open', limit: 50 })
	]);
	const people = relations.map((relation) => {
		const last = lastDays.get(relation.id);
		const state = contactState({ rhythm: relation.rhythm, addedDay: relation.addedDay, contactDays: last ? [last] : [], today });
		return { id: relation.id, name: relation.nickname, circle: relation.circle, rhythm: relation.rhythm, ...state };
	});
	const names = Object.fromEntries(relations.map((r) => [r.id, r.nickname]));
	const now = new Date();
	return {
		today,
		people,
		map: relationshipMapModel(people.map(({ id, name, circle, status }) => ({ id, name, circle, status }))),
		insights: balanceInsights({
			relations: relations.map((r) => ({ ...r, lastContactDay: lastDays.get(r.id) ?? null })),
			contacts: recent,
			today
		}),
		planned: planned.map((moment) => ({ ...moment, name: names[moment.relationId] ?? '', started: hasStarted(moment, now) })),
		names,
		notice: event.url.searchParams.get('bewaard')
	};
};
