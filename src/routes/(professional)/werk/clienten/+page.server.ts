import { openCaseload } from '$lib/composers/caseload/caseload.server';
import { readCaseloadQuery } from '$lib/composers/caseload/caseload-query';
import { newestScore } from '$lib/composers/caseload/caseload-triage';
import { getInstrument } from '$lib/features/instruments/instruments';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/**
 * Every filter, sort and page is a GET link, so the page needs no JavaScript: it ships none, which also means no
 * link on it can load a client's page ahead (an audited read) on hover.
 */
export const csr = false;

/** The caseload: signals first unless another column is chosen; filters, sort and page in the query. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const query = readCaseloadQuery(url.searchParams);
	const caseload = await openCaseload(db(), { actor: locals.account, filter: query.filter, sort: query.sort, page: query.page });
	return {
		query: { ...query, page: caseload.page },
		caseload: {
			matching: caseload.matching,
			total: caseload.total,
			page: caseload.page,
			pages: caseload.pages,
			counts: caseload.counts,
			entries: caseload.entries.map((entry) => {
				const newest = newestScore(entry.facts.measurements);
				return {
					personId: entry.facts.personId,
					name: entry.facts.name,
					measurementsShared: entry.scopes.includes('measurements'),
					signals: entry.signals,
					openRequests: entry.openRequests,
					lastActivityDay: entry.activityShared ? entry.facts.lastActivityDay : undefined,
					groups: (entry.facts.groups ?? []).map((g) => ({ id: g.groupId, name: g.groupName, attended: g.attended, past: g.past, completed: g.completed })),
					latest: newest
						? {
								instrument: newest.latest.instrument,
								total: newest.latest.total,
								max: getInstrument(newest.latest.instrument)?.totalRange.max ?? null,
								band: newest.latest.band,
								change: newest.change
							}
						: null
				};
			})
		}
	};
};
