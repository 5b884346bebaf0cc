import { error } from '@sveltejs/kit';
import { csvDownload } from '$lib/features/reports/csv-download';
import { parseReportFilter } from '$lib/features/reports/filters';
import { reportCsv } from '$lib/features/reports/report-csv';
import { openReport } from '$lib/features/reports/reports.server';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** The report's aggregates as CSV, with the same filter as the page (a malformed one: 400). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const parsed = parseReportFilter(url.searchParams);
	if (!parsed.ok) error(400, 'The filter is not valid.');
	const { definition, report, canEdit } = await openReport(db(), locals.account, params.reportId, parsed.filter);
	if (definition.organisationId !== params.id || !canEdit) error(404, 'Not found.');
	return csvDownload(reportCsv(report, definition, locals.locale), definition.title, report.madeAt);
};
