import { json } from '@sveltejs/kit';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { listRatings, rateSelfSufficiency } from '$lib/features/self-sufficiency/ratings.server';
import { selfSufficiencyRatingSchema } from '$lib/features/self-sufficiency/self-sufficiency.schema';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readJsonBody } from '$lib/server/http/problem';
import { ratingProblem } from '$lib/composers/api/professional-api';
import type { RequestHandler } from './$types';

/** The organisation's ratings of this client, newest first, with who rated. */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) =>
	json({ items: await listRatings(db(), { actor, personId: params.personId }) })
);

/** A new observed rating: per domain a level 1–5, where the strength comes from, and a note; domains may be skipped. */
export const POST: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	// Authorise before reading the body: a refused call never depends on what was sent.
	await requireClientAccess(db(), actor, { personId: params.personId });
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const parsed = selfSufficiencyRatingSchema.safeParse(body.value);
	if (!parsed.success) return ratingProblem(parsed.error);
	// As the list shows it, with who rated.
	return json(await rateSelfSufficiency(db(), { actor, personId: params.personId, rating: parsed.data }), { status: 201 });
});
