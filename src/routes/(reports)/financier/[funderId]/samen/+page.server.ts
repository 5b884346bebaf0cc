import { openCombinedReport } from '$lib/features/reports/reports.server';
import { pageFilter } from '$lib/features/reports/funder-pages.server';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** Every report shared with this funder, pooled: a person in two of them counts once. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const filter = pageFilter(url.searchParams);
	const combined = await openCombinedReport(db(), locals.account, params.funderId, filter.filter);
	return { ...filter, ...combined, funderId: params.funderId };
};
