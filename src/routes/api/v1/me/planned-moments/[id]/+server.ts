import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { deletePlannedMoment, getPlannedMoment, updatePlannedMoment } from '$lib/features/relationships/planned-moments.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { plannedMomentSchema } from '$lib/features/relationships/relationships.schema';
import { validationProblem } from '$lib/server/http/problem';
import { missingPlannedMoment, plannedMomentChangeBody, plannedMomentClosed, plannedMomentView, relationshipWords } from '$lib/composers/api/relationships-api';
import { localDay } from '$lib/time';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const moment = await getPlannedMoment(db(), { actor, id: params.id });
	return moment ? json(plannedMomentView(moment)) : missingPlannedMoment();
});

/** Moves or rewords an open plan (kind, day, time, place, note); the relation stays. A closed one is history: 409. */
export const PUT: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, plannedMomentChangeBody);
	if (!body.ok) return body.response;
	// Closed before the day is checked: a closed plan's own day has gone by, which would otherwise be the complaint.
	const current = await getPlannedMoment(db(), { actor, id: params.id });
	if (!current) return missingPlannedMoment();
	if (current.closedAt !== null) return plannedMomentClosed();
	const parsed = plannedMomentSchema(localDay()).safeParse(body.value);
	if (!parsed.success) return validationProblem(parsed.error, relationshipWords);
	const updated = await updatePlannedMoment(db(), { actor, id: params.id, input: parsed.data });
	// Not updated: answered or deleted in the meantime.
	const moment = await getPlannedMoment(db(), { actor, id: params.id });
	if (!moment) return missingPlannedMoment();
	return updated ? json(plannedMomentView(moment)) : plannedMomentClosed();
});

/** Calls it off, or clears it from the history; a contact moment it became stays (it happened). */
export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	if (!(await deletePlannedMoment(db(), { actor, id: params.id }))) return missingPlannedMoment();
	return new Response(null, { status: 204 });
});
