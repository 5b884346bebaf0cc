import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { getContactMoment, getRelation, listContactMoments, logContact } from '$lib/features/relationships/relations.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { parseQuery, readBody } from '$lib/composers/api/contract';
import { contactMomentBody, contactMomentListQuerySchema, missingContactMoment, missingRelation, relationshipWords } from '$lib/composers/api/relationships-api';
import { localDay } from '$lib/time';
import type { RequestHandler } from './$types';

/** The contacts with one relation, newest first (by day, then by when they were logged). */
export const GET: RequestHandler = apiHandler(async ({ params, url }, actor) => {
	const query = parseQuery(url, contactMomentListQuerySchema);
	if (!query.ok) return query.response;
	// The list alone cannot tell an empty relation from somebody else's.
	if (!(await getRelation(db(), { actor, id: params.id }))) return missingRelation();
	const { limit, from } = query.value;
	return json({ items: await listContactMoments(db(), { actor, relationId: params.id, fromDay: from, limit }) });
});

/** A contact that happened: how, on which day (today when left out; never a day still to come) and how it felt. */
export const POST: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, contactMomentBody(localDay()), relationshipWords);
	if (!body.ok) return body.response;
	const logged = await logContact(db(), { actor, relationId: params.id, input: body.value });
	if (!logged.ok) return missingRelation();
	const moment = await getContactMoment(db(), { actor, id: logged.id });
	return moment ? json(moment, { status: 201 }) : missingContactMoment();
});
