import { json } from '@sveltejs/kit';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { RepeatedSaveError } from '$lib/kernel/repeat-guard.server';
import { problem } from '$lib/server/http/problem';
import { listRatings, rateSelfSufficiency } from '$lib/features/self-sufficiency/ratings.server';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { ratingBody, ratingWords } from '$lib/composers/api/professional-api';
import type { RequestHandler } from './$types';

/** The organisation's ratings of this client, newest first, with who rated. */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) =>
	json({ items: await listRatings(db(), { actor, personId: params.personId }) })
);

/** A new observed rating: per domain a level 1–5, where the strength comes from, and a note; domains may be skipped. */
export const POST: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	// Authorise before reading the body: a refused call never depends on what was sent.
	await requireClientAccess(db(), actor, { personId: params.personId });
	const body = await readBody(request, ratingBody, ratingWords);
	if (!body.ok) return body.response;
	// As the list shows it, with who rated.
	try {
		return json(await rateSelfSufficiency(db(), { actor, personId: params.personId, rating: body.value }), { status: 201 });
	} catch (err) {
		if (!(err instanceof RepeatedSaveError)) throw err;
		return problem({ title: 'Repeated rating', status: 409, detail: 'The same rating of this client was saved less than a minute ago; nothing was stored.' });
	}
});
