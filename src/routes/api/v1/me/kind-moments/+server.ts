import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { getKindMoment, listKindMoments, noteKindMoment } from '$lib/features/journal/kind-moments.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { parseQuery, readBody } from '$lib/composers/api/contract';
import { kindMomentBody, pageOf, pagedListQuerySchema, selfHelpWords } from '$lib/composers/api/self-help-api';
import type { RequestHandler } from './$types';

/** The kind moments the caller noted, newest first; `next` is the `before` of the following page. */
export const GET: RequestHandler = apiHandler(async ({ url }, actor) => {
	const query = parseQuery(url, pagedListQuerySchema);
	if (!query.ok) return query.response;
	const { limit, before } = query.value;
	return json(pageOf(await listKindMoments(db(), { actor, limit: limit + 1, before }), limit));
});

/** A new kind moment for today; `crisis` says the text holds a crisis signal, so a client can show the way to help. */
export const POST: RequestHandler = apiHandler(async ({ request }, actor) => {
	const body = await readBody(request, kindMomentBody, selfHelpWords);
	if (!body.ok) return body.response;
	const { id, crisis } = await noteKindMoment(db(), { actor, input: body.value });
	return json({ ...(await getKindMoment(db(), { actor, id })), crisis }, { status: 201 });
});
