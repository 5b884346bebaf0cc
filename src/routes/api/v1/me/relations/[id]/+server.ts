import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { deleteRelation, updateRelation } from '$lib/features/relationships/relations.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { missingRelation, readRelation, relationBody, relationshipWords } from '$lib/composers/api/relationships-api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const relation = await readRelation(actor, params.id);
	return relation ? json(relation) : missingRelation();
});

/** Replaces name, circle, what they bring, rhythm and note (left out: none, no goal, no note); the day added stays. */
export const PUT: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, relationBody, relationshipWords);
	if (!body.ok) return body.response;
	const ok = await updateRelation(db(), { actor, id: params.id, input: body.value });
	const relation = ok ? await readRelation(actor, params.id) : undefined;
	return relation ? json(relation) : missingRelation();
});

/** Their contact moments and planned moments go too. */
export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	if (!(await deleteRelation(db(), { actor, id: params.id }))) return missingRelation();
	return new Response(null, { status: 204 });
});
