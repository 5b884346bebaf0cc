import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { addRelation, lastContactDays, listRelations } from '$lib/features/relationships/relations.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { missingRelation, readRelation, relationBody, relationView, relationshipWords } from '$lib/composers/api/relationships-api';
import { localDay } from '$lib/time';
import type { RequestHandler } from './$types';

/** The people in the caller's life, by name as their language sorts it, each with how contact stands. One list. */
export const GET: RequestHandler = apiHandler(async (_event, actor) => {
	const today = localDay();
	const [relations, lastDays] = await Promise.all([
		listRelations(db(), { actor, locale: actor.locale }),
		lastContactDays(db(), { actor, today })
	]);
	return json({ items: relations.map((relation) => relationView(relation, lastDays, today)) });
});

/** Adds someone: a first name or nickname and a circle are enough. */
export const POST: RequestHandler = apiHandler(async ({ request }, actor) => {
	const body = await readBody(request, relationBody, relationshipWords);
	if (!body.ok) return body.response;
	const { id } = await addRelation(db(), { actor, input: body.value });
	const relation = await readRelation(actor, id);
	// Only a delete in between (by the caller, in another request) leaves nothing to show.
	return relation ? json(relation, { status: 201 }) : missingRelation();
});
