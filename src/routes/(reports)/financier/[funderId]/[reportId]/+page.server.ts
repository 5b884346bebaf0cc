import { openSharedReport } from '$lib/features/reports/funder-pages.server';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** A report an organisation shared with this funder: read-only, with the same filter. */
export const load: PageServerLoad = async ({ locals, params, url }) =>
	openSharedReport(db(), locals.account, params.funderId, params.reportId, url.searchParams);
