import { caseloadBandFilters, type CaseloadBandFilter } from '$lib/composers/caseload/caseload-list';
import { openCaseload } from '$lib/composers/caseload/caseload.server';
import { caseloadSignalIds, latestScores, type CaseloadSignalId } from '$lib/composers/caseload/signals';
import { getInstrument } from '$lib/features/instruments/instruments';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null => (value !== null && (list as readonly string[]).includes(value) ? (value as T) : null);

/** The caseload: signals first, then the more severe latest result, then name; filters and pages in the query. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const params = url.searchParams;
	const filter = {
		signal: oneOf<CaseloadSignalId>(caseloadSignalIds, params.get('signaal')),
		band: oneOf<CaseloadBandFilter>(caseloadBandFilters, params.get('band')),
		query: (params.get('zoek') ?? '').slice(0, 80)
	};
	const page = Number.parseInt(params.get('pagina') ?? '1', 10);
	const caseload = await openCaseload(db(), { actor: locals.account, filter, page: Number.isFinite(page) ? page : 1 });
	return {
		filter,
		caseload: {
			...caseload,
			entries: caseload.entries.map((entry) => {
				// The newest result of any scale, and how it changed since the one before on the same scale.
				const newest = latestScores(entry.facts.measurements).sort((a, b) => b.latest.takenAt.localeCompare(a.latest.takenAt))[0];
				return {
					personId: entry.facts.personId,
					name: entry.facts.name,
					scopes: entry.scopes,
					signals: entry.signals,
					openRequests: entry.openRequests,
					lastActivityDay: entry.scopes.includes('programme') ? entry.facts.lastActivityDay : undefined,
					groups: (entry.facts.groups ?? []).map((g) => ({ id: g.groupId, name: g.groupName, attended: g.attended, past: g.past, completed: g.completed })),
					latest: newest
						? {
								instrument: newest.latest.instrument,
								total: newest.latest.total,
								max: getInstrument(newest.latest.instrument)?.totalRange.max ?? null,
								band: newest.latest.band,
								change: newest.previous ? newest.latest.total - newest.previous.total : null
							}
						: null
				};
			})
		}
	};
};
