import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { funderReports } from '$lib/composers/api/reports-api';
import type { RequestHandler } from './$types';

/** For a funder's readers: per organisation the reports shared with the funder (read each with GET /api/v1/reports/{id}). */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const found = await funderReports(db(), actor, params.funderId);
	return found instanceof Response ? found : json(found);
});
