/**
 * What the funder's pages load, on top of the use-cases: a report opened only through the funder it was shared
 * with (so a funder's address never opens another funder's report), and the filter as the page's form shows it.
 * - `openSharedReport(db, actor, funderId, reportId, params)`: the report, or 404 when it is not shared with the funder.
 * - `pageFilter(params)`: the parsed filter, its field errors and the values to show again.
 */
import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { Database } from '$lib/server/db/schema';
import { parseReportFilter } from './filters';
import { funderOverview, openReport } from './reports.server';

export function pageFilter(params: URLSearchParams) {
	const parsed = parseReportFilter(params);
	return {
		filter: parsed.filter,
		filterErrors: parsed.ok ? {} : parsed.errors,
		filterValues: { van: params.get('van') ?? '', tot: params.get('tot') ?? '', vorm: params.get('vorm') ?? 'alle' },
		csvQuery: parsed.ok ? (params.size > 0 ? `?${params}` : '') : ''
	};
}

export async function openSharedReport(db: Kysely<Database>, actor: SignedInAccount | null, funderId: string, reportId: string, params: URLSearchParams) {
	const funder = (await funderOverview(db, actor)).find((one) => one.funderId === funderId);
	const shared = funder?.organisations.some((organisation) => organisation.reports.some((report) => report.id === reportId));
	if (!funder || !shared) error(404, 'Not found.');
	const filter = pageFilter(params);
	const opened = await openReport(db, actor, reportId, filter.filter);
	return { ...filter, funderId, funderName: funder.funderName, definition: opened.definition, organisationName: opened.organisationName, report: opened.report };
}
