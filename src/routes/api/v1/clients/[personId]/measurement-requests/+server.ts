import { json } from '@sveltejs/kit';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { listRequestsForClient, requestMeasurement } from '$lib/features/measurement-requests/measurement-requests.server';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { measurementRequestBody, measurementRequestWords } from '$lib/composers/api/professional-api';
import { localDay } from '$lib/time';
import type { RequestHandler } from './$types';

/** The caller's own requests for this client: open ones first, then the 50 newest ended ones. */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) =>
	json({ items: (await listRequestsForClient(db(), { actor, personId: params.personId })).own })
);

/** Ask the client to fill in a scale, once or repeating (needs the measurements scope). */
export const POST: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	// Authorise before reading the body: a refused call never depends on what was sent.
	await requireClientAccess(db(), actor, { personId: params.personId, scope: 'measurements' });
	const body = await readBody(request, measurementRequestBody(localDay()), measurementRequestWords);
	if (!body.ok) return body.response;
	return json(await requestMeasurement(db(), { actor, personId: params.personId, input: body.value }), { status: 201 });
});
