import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { createThoughtRecord, getThoughtRecord, listThoughtRecords } from '$lib/features/journal/thought-records.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { parseQuery, readBody } from '$lib/composers/api/contract';
import { pageOf, pagedListQuerySchema, selfHelpWords, thoughtCheckBody } from '$lib/composers/api/self-help-api';
import type { RequestHandler } from './$types';

/** The caller's thought checks, newest first; `next` is the `before` of the following page. */
export const GET: RequestHandler = apiHandler(async ({ url }, actor) => {
	const query = parseQuery(url, pagedListQuerySchema);
	if (!query.ok) return query.response;
	const { limit, before } = query.value;
	return json(pageOf(await listThoughtRecords(db(), { actor, limit: limit + 1, before }), limit));
});

/** A new thought check for today; `crisis` says a text holds a crisis signal, so a client can show the way to help. */
export const POST: RequestHandler = apiHandler(async ({ request }, actor) => {
	const body = await readBody(request, thoughtCheckBody, selfHelpWords);
	if (!body.ok) return body.response;
	const { id, crisis } = await createThoughtRecord(db(), { actor, input: body.value });
	return json({ ...(await getThoughtRecord(db(), { actor, id })), crisis }, { status: 201 });
});
