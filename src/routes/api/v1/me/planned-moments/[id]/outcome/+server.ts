import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { closePlannedMoment, getPlannedMoment } from '$lib/features/relationships/planned-moments.server';
import { momentOutcomeSchema } from '$lib/features/relationships/relationships.schema';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readJsonBody } from '$lib/server/http/problem';
import {
	alreadyAnswered,
	missingPlannedMoment,
	notStartedYet,
	plannedMomentView,
	relationshipValidationProblem
} from '$lib/composers/api/relationships-api';
import type { RequestHandler } from './$types';

/**
 * "How did it go?", once, from the moment's start on: `{"happened": true, "feeling": 1–5}` closes the plan and logs a
 * contact moment on the planned day (its id is the answer's `contactMomentId`); `{"happened": false}` only closes it.
 */
export const POST: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const parsed = momentOutcomeSchema.safeParse(body.value);
	if (!parsed.success) return relationshipValidationProblem(parsed.error);
	const closed = await closePlannedMoment(db(), { actor, id: params.id, outcome: parsed.data });
	if (!closed.ok && closed.reason === 'not_found') return missingPlannedMoment();
	const moment = await getPlannedMoment(db(), { actor, id: params.id });
	// Deleted right after it was answered.
	if (!moment) return missingPlannedMoment();
	if (!closed.ok) return closed.reason === 'not_started' ? notStartedYet(moment) : alreadyAnswered();
	return json(plannedMomentView(moment));
});
