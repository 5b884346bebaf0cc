/** Small steps' face: the person's planned steps, done or not; their activity counts under the `programme` scope. */
import { personDataFeature } from '$lib/kernel/person-data';
import { localDay, localInstant } from '$lib/time';
import { listStepPlans } from './step-plans.server';

export const smallStepsData = personDataFeature({
	name: 'small-steps',
	scope: 'programme',
	tables: ['step_plan'],
	async exportPart(db, { account }) {
		return { stepPlans: await listStepPlans(db, { actor: account, limit: 1_000_000 }) };
	},
	async activityDays(db, personId, { from, to }) {
		const rows = await db
			.selectFrom('step_plan')
			.select('done_at')
			.where('account_id', '=', personId)
			.where('done_at', '>=', localInstant(from, '00:00').toISOString())
			.execute();
		// A step counts on the local day it was done.
		return rows.flatMap((row) => {
			const day = row.done_at ? localDay(new Date(row.done_at)) : null;
			return day && day <= to ? [{ kind: 'small_step', day }] : [];
		});
	},
	async lastActiveDays(db, personIds) {
		const rows = await db
			.selectFrom('step_plan')
			.select(['account_id', (eb) => eb.fn.max('done_at').as('last')])
			.where('account_id', 'in', [...personIds])
			.groupBy('account_id')
			.execute();
		// An instant becomes the local day it falls on.
		return new Map(rows.flatMap((row) => (row.last ? [[row.account_id, localDay(new Date(String(row.last)))] as const] : [])));
	}
});
