import { json } from '@sveltejs/kit';
import { requireMembership } from '$lib/kernel/policy.server';
import { openCaseload } from '$lib/composers/caseload/caseload.server';
import { defaultSortDirection } from '$lib/composers/caseload/caseload-triage';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { caseloadEntryView, caseloadQuerySchema } from '$lib/composers/api/professional-api';
import { parseQuery } from '$lib/composers/api/contract';
import type { RequestHandler } from './$types';

/** The caseload: signals first (or sorted by a column), then the more severe latest result, then name; each client shown is audited. */
export const GET: RequestHandler = apiHandler(async ({ url }, actor) => {
	// Authorise before reading the query: a refusal never depends on what was sent.
	await requireMembership(db(), actor, { role: 'professional' });
	const query = parseQuery(url, caseloadQuerySchema);
	if (!query.ok) return query.response;
	const { signal, band, q, sort, order, page } = query.value;
	const caseload = await openCaseload(db(), {
		actor,
		filter: { signal, band, query: q },
		sort: sort ? { key: sort, direction: order ?? defaultSortDirection[sort] } : undefined,
		page
	});
	return json({
		items: caseload.entries.map(caseloadEntryView),
		matching: caseload.matching,
		total: caseload.total,
		page: caseload.page,
		pages: caseload.pages
	});
});
