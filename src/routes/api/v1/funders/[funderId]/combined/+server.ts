import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { openCombinedReport } from '$lib/features/reports/reports.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { reportFilterOf } from '$lib/composers/api/reports-api';
import type { RequestHandler } from './$types';

/** Every report shared with the funder, pooled (a unit in two of them counts once), with the optional filter. */
export const GET: RequestHandler = apiHandler(async ({ params, url }, actor) => {
	const filter = reportFilterOf(url);
	if (!filter.ok) return filter.response;
	return json(await openCombinedReport(db(), actor, params.funderId, filter.filter));
});
