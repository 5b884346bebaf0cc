/** The exercises' face: the days a person did an exercise; their activity counts under the `programme` scope. */
import { personDataFeature } from '$lib/kernel/person-data';
import { lastDayPerPerson } from '$lib/kernel/last-day.server';

export const exercisesData = personDataFeature({
	name: 'exercises',
	scope: 'programme',
	tables: ['exercise_done'],
	async exportPart(db, { account }) {
		const done = await db
			.selectFrom('exercise_done')
			.select(['exercise_id', 'day'])
			.where('account_id', '=', account.id)
			.orderBy('day')
			.execute();
		return { exercisesDone: done.map((e) => ({ exercise: e.exercise_id, day: e.day })) };
	},
	async activityDays(db, personId, { from, to }) {
		const rows = await db.selectFrom('exercise_done').select('day').where('account_id', '=', personId).where('day', '>=', from).where('day', '<=', to).execute();
		return rows.map((row) => ({ kind: 'exercise', day: row.day }));
	},
	lastActiveDays: (db, personIds) => lastDayPerPerson(db, 'exercise_done', personIds)
});
