import { error } from '@sveltejs/kit';
import { csvDownload } from '$lib/features/reports/csv-download';
import { parseReportFilter } from '$lib/features/reports/filters';
import { reportCsv } from '$lib/features/reports/report-csv';
import { openCombinedReport } from '$lib/features/reports/reports.server';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** All reports shared with this funder, pooled, as CSV (a malformed filter: 400). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const parsed = parseReportFilter(url.searchParams);
	if (!parsed.ok) error(400, 'The filter is not valid.');
	const { funderName, report } = await openCombinedReport(db(), locals.account, params.funderId, parsed.filter);
	const title = `${funderName} – ${m.funder_combined({}, { locale: locals.locale })}`;
	return csvDownload(reportCsv(report, { title, kind: 'combined', from: null, to: null }, locals.locale), title, report.madeAt);
};
