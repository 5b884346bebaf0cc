/** Self-sufficiency ratings' face: ratings professionals made about a person are in that person's export. */
import { personDataFeature } from '$lib/kernel/person-data';
import { ratingsAboutPerson } from './ratings.server';

export const selfSufficiencyData = personDataFeature({
	name: 'self-sufficiency',
	scope: null,
	tables: ['self_sufficiency_rating'],
	async exportPart(db, { account }) {
		return { selfSufficiencyRatings: await ratingsAboutPerson(db, { personId: account.id }) };
	}
});
