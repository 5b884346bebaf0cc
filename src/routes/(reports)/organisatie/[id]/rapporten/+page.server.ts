import { listReports } from '$lib/features/reports/reports.server';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** The organisation's reports (definitions only; figures are computed when one is opened). */
export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await listReports(db(), locals.account, params.id)),
	organisationId: params.id,
	deleted: url.searchParams.has('verwijderd')
});
