import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { closePlannedMoment, getPlannedMoment } from '$lib/features/relationships/planned-moments.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { alreadyAnswered, missingPlannedMoment, momentOutcomeBody, notStartedYet, plannedMomentView, relationshipWords } from '$lib/composers/api/relationships-api';
import type { RequestHandler } from './$types';

/**
 * "How did it go?", once, from the moment's start on: `{"happened": true, "feeling": 1–5}` closes the plan and logs a
 * contact moment on the planned day (its id is the answer's `contactMomentId`); `{"happened": false}` only closes it.
 */
export const POST: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, momentOutcomeBody, relationshipWords);
	if (!body.ok) return body.response;
	const closed = await closePlannedMoment(db(), { actor, id: params.id, outcome: body.value });
	if (!closed.ok && closed.reason === 'not_found') return missingPlannedMoment();
	const moment = await getPlannedMoment(db(), { actor, id: params.id });
	// Deleted right after it was answered.
	if (!moment) return missingPlannedMoment();
	if (!closed.ok) return closed.reason === 'not_started' ? notStartedYet(moment) : alreadyAnswered();
	return json(plannedMomentView(moment));
});
