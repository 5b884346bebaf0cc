import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { getRelation } from '$lib/features/relationships/relations.server';
import { getPlannedMoment, listPlannedMoments, planMoment } from '$lib/features/relationships/planned-moments.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { parseQuery, readBody } from '$lib/composers/api/contract';
import { missingPlannedMoment, notYourRelation, plannedMomentBody, plannedMomentListQuerySchema, plannedMomentView, relationshipWords } from '$lib/composers/api/relationships-api';
import { localDay } from '$lib/time';
import type { RequestHandler } from './$types';

/** Open plans by start (default), or closed ones newest first; of every relation, or of one (`relationId`). */
export const GET: RequestHandler = apiHandler(async ({ url }, actor) => {
	const query = parseQuery(url, plannedMomentListQuerySchema);
	if (!query.ok) return query.response;
	const { state, relationId, limit } = query.value;
	if (relationId !== undefined && !(await getRelation(db(), { actor, id: relationId }))) return notYourRelation();
	const now = new Date();
	const moments = await listPlannedMoments(db(), { actor, state, relationId, limit });
	return json({ items: moments.map((moment) => plannedMomentView(moment, now)) });
});

/** Plans a moment with one of the caller's relations, from today on. */
export const POST: RequestHandler = apiHandler(async ({ request }, actor) => {
	const body = await readBody(request, plannedMomentBody(localDay()), relationshipWords);
	if (!body.ok) return body.response;
	const { relationId, ...input } = body.value;
	const planned = await planMoment(db(), { actor, relationId, input });
	if (!planned.ok) return notYourRelation();
	const moment = await getPlannedMoment(db(), { actor, id: planned.id });
	return moment ? json(plannedMomentView(moment), { status: 201 }) : missingPlannedMoment();
});
