import { openConversationFacts } from '$lib/composers/client-record/clients.server';
import { listRatings } from '$lib/features/self-sufficiency/ratings.server';
import { perceivedBesideObserved } from '$lib/features/self-sufficiency/perceived-observed';
import type { InstrumentId } from '$lib/features/instruments/instruments';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/**
 * The conversation view: the client's own health web (perceived) beside the professional's self-sufficiency rating
 * (observed) and the loneliness subscales, so differences show. It reads, and audits, only what it shows. With
 * `?weergave=client` it is the view to turn towards the client: large type, plain words, nothing for the professional only.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const record = await openConversationFacts(db(), { actor: locals.account, personId: params.id });
	const [rating] = await listRatings(db(), { actor: locals.account, personId: params.id });
	const { web, loneliness: djg } = record;
	return {
		client: { id: record.personId, name: record.name },
		// "Toon aan cliënt": the same facts, said to the client, without what is for the professional only.
		forClient: url.searchParams.get('weergave') === 'client',
		shares: { web: record.scopes.includes('health_web'), measurements: record.scopes.includes('measurements') },
		webAt: web?.takenAt ?? null,
		ratedAt: rating?.ratedAt ?? null,
		view: perceivedBesideObserved({
			web,
			rating: rating?.domains ?? null,
			loneliness: djg ? { instrument: djg.instrument as InstrumentId, emotional: djg.emotional, social: djg.social } : null
		})
	};
};
