/**
 * Questionnaire requests' face: the requests made to a person are in their export; a request ends, for good, when
 * consent no longer covers it, and when the professional who made it leaves brug.
 */
import { personDataFeature } from '$lib/kernel/person-data';
import { endMeasurementRequests } from './measurement-requests.server';

export const measurementRequestsData = personDataFeature({
	name: 'measurement-requests',
	scope: null,
	tables: ['measurement_request'],
	async exportPart(db, { account }) {
		const rows = await db.selectFrom('measurement_request').selectAll().where('person_id', '=', account.id).orderBy('created_at').execute();
		return {
			measurementRequests: rows.map((r) => ({
				instrument: r.instrument_id,
				repeatWeeks: r.repeat_weeks,
				dueDay: r.due_day,
				endedAt: r.ended_at,
				endReason: r.end_reason,
				createdAt: r.created_at
			}))
		};
	},
	async deleteFor(trx, { accountId, now }) {
		// A professional's open requests end with them, in every organisation and under any grant.
		await trx
			.updateTable('measurement_request')
			.set({ ended_at: now, end_reason: 'professional_left' })
			.where('professional_id', '=', accountId)
			.where('ended_at', 'is', null)
			.execute();
	},
	consentNarrowed: endMeasurementRequests
});
