/** The health web's face: a person's own webs, read by professionals under the `health_web` scope. */
import { personDataFeature } from '$lib/kernel/person-data';
import { lastInstantDayPerPerson } from '$lib/kernel/last-day.server';
import type { HealthWebScores } from './health-web';
import { readHealthWebs, storedScores } from './health-webs.server';

export const healthWebData = personDataFeature({
	name: 'health-web',
	scope: 'health_web',
	tables: ['health_web'],
	async exportPart(db, { account }) {
		return { healthWebs: await readHealthWebs(db, { personId: account.id, limit: 1_000_000 }) };
	},
	lastActiveDays: (db, personIds) => lastInstantDayPerPerson(db, 'health_web', personIds),
	/** The newest two webs per person, newest first: enough to see a drop. */
	async readForClients(db, { personIds }) {
		const byPerson = new Map<string, HealthWebScores[]>();
		if (personIds.length === 0) return byPerson;
		const rows = await db
			.selectFrom('health_web')
			.select(['account_id', 'scores'])
			.where('account_id', 'in', [...personIds])
			.orderBy('taken_at', 'desc')
			.execute();
		for (const row of rows) {
			const list = byPerson.get(row.account_id) ?? [];
			if (list.length >= 2) continue;
			list.push(storedScores(row.scores));
			byPerson.set(row.account_id, list);
		}
		return byPerson;
	}
});
