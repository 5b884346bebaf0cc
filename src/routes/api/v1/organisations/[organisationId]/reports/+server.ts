import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { listReports } from '$lib/features/reports/reports.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import type { RequestHandler } from './$types';

/** The organisation's report definitions (admins and report readers); figures come with GET /api/v1/reports/{id}. */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const { reports } = await listReports(db(), actor, params.organisationId);
	return json({ items: reports });
});
