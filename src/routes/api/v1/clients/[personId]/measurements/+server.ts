import { json } from '@sveltejs/kit';
import { clientMeasurement, exportClientMeasurements } from '$lib/composers/client-record/clients.server';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import type { RequestHandler } from './$types';

/** The client's measurement history, newest first (needs the measurements scope; audited as a read of it). */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const { measurements } = await exportClientMeasurements(db(), { actor, personId: params.personId });
	return json({ items: measurements.map(clientMeasurement) });
});
