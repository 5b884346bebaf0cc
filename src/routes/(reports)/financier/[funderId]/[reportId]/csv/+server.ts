import { error } from '@sveltejs/kit';
import { csvDownload } from '$lib/features/reports/csv-download';
import { openSharedReport } from '$lib/features/reports/funder-pages.server';
import { reportCsv } from '$lib/features/reports/report-csv';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** A report shared with this funder as CSV, with the same filter as the page (a malformed one: 400). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const opened = await openSharedReport(db(), locals.account, params.funderId, params.reportId, url.searchParams);
	if (Object.keys(opened.filterErrors).length > 0) error(400, 'The filter is not valid.');
	return csvDownload(reportCsv(opened.report, opened.definition, locals.locale), opened.definition.title, opened.report.madeAt);
};
