import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { openReport } from '$lib/features/reports/reports.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { reportFilterOf } from '$lib/composers/api/reports-api';
import type { RequestHandler } from './$types';

/** One report, computed now, with the optional filter; aggregates only. */
export const GET: RequestHandler = apiHandler(async ({ params, url }, actor) => {
	const filter = reportFilterOf(url);
	if (!filter.ok) return filter.response;
	const { definition, report } = await openReport(db(), actor, params.reportId, filter.filter);
	return json({ definition, report });
});
