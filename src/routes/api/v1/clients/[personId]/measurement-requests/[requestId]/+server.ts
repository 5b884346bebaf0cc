import { cancelMeasurementRequest } from '$lib/features/measurement-requests/measurement-requests.server';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { missingMeasurementRequest } from '$lib/composers/api/professional-api';
import type { RequestHandler } from './$types';

/** Withdraws one of the caller's open requests; the client no longer sees it as a task. */
export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	const cancelled = await cancelMeasurementRequest(db(), { actor, personId: params.personId, id: params.requestId });
	return cancelled ? new Response(null, { status: 204 }) : missingMeasurementRequest();
});
