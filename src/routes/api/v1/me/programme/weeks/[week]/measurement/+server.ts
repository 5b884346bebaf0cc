import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { saveProgrammeMeasurement } from '$lib/features/programme/progress.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { invalidField } from '$lib/server/http/problem';
import { measurementBody, noSuchWeek, notNow, weekParam, weekRefusals } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** The De Jong Gierveld scale of week 0, week 8 or the follow-up, stored as an ordinary measurement; once per week. */
export const POST: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const week = weekParam(params.week);
	if (week === undefined) return noSuchWeek();
	const body = await readBody(request, measurementBody);
	if (!body.ok) return body.response;
	const saved = await saveProgrammeMeasurement(db(), { actor, week, answers: body.value.answers });
	if (!saved.ok) {
		return saved.reason === 'incomplete' ? invalidField('answers', 'must answer every item') : notNow(weekRefusals[saved.reason]);
	}
	const { measurement, moment } = saved;
	return json({ moment, measurementId: measurement.id, takenAt: measurement.takenAt.toISOString(), score: measurement.score }, { status: 201 });
});
