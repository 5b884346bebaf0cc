/**
 * The caseload page's address: filter, sort and page in Dutch query parameters, so every view is a plain GET link
 * that works without JavaScript. Pure.
 * - `readCaseloadQuery(params)`: what the address asks for; unknown values fall back to the default (never an error:
 *   an old or mistyped link still shows the list).
 * - `caseloadQuery(state, change)`: the query string for the same view with one thing changed. A new filter or sort
 *   starts at page 1, so the page number never points past what the new list has.
 * - `sortLink(state, key)`: where a column header leads: the other direction when the list is sorted by it, else the
 *   column's first direction.
 */
import { caseloadBandFilters, type CaseloadBandFilter } from './caseload-list';
import { defaultSort, defaultSortDirection, type CaseloadSort, type CaseloadSortKey, type SortDirection } from './caseload-triage';
import { caseloadSignalIds, type CaseloadSignalId } from './signals';

export const caseloadSearchMaxLength = 80;

/** The Dutch words in the address, per sort key and direction. */
const sortWords: Record<CaseloadSortKey, string> = { name: 'naam', latest: 'uitslag', change: 'verschil', active: 'actief', signals: 'signalen' };
const directionWords: Record<SortDirection, string> = { asc: 'op', desc: 'af' };

export interface CaseloadQuery {
	filter: { signal: CaseloadSignalId | null; band: CaseloadBandFilter | null; query: string };
	sort: CaseloadSort;
	page: number;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
	value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
const keyOf = <K extends string>(words: Record<K, string>, value: string | null): K | null =>
	(Object.keys(words) as K[]).find((key) => words[key] === value) ?? null;

export function readCaseloadQuery(params: URLSearchParams): CaseloadQuery {
	const key = keyOf(sortWords, params.get('sorteer'));
	const direction = keyOf(directionWords, params.get('richting'));
	const page = Number.parseInt(params.get('pagina') ?? '1', 10);
	return {
		filter: {
			signal: oneOf(caseloadSignalIds, params.get('signaal')),
			band: oneOf(caseloadBandFilters, params.get('band')),
			query: (params.get('zoek') ?? '').slice(0, caseloadSearchMaxLength)
		},
		sort: key ? { key, direction: direction ?? defaultSortDirection[key] } : defaultSort,
		page: Number.isFinite(page) && page >= 1 ? page : 1
	};
}

export function caseloadQuery(state: CaseloadQuery, change: Partial<CaseloadQuery> = {}): string {
	const filter = change.filter ?? state.filter;
	const sort = change.sort ?? state.sort;
	// Only a change of page keeps a page number.
	const page = change.page ?? (change.filter || change.sort ? 1 : state.page);
	const query = new URLSearchParams();
	if (filter.query) query.set('zoek', filter.query);
	if (filter.signal) query.set('signaal', filter.signal);
	if (filter.band) query.set('band', filter.band);
	if (sort.key !== defaultSort.key || sort.direction !== defaultSort.direction) {
		query.set('sorteer', sortWords[sort.key]);
		query.set('richting', directionWords[sort.direction]);
	}
	if (page > 1) query.set('pagina', String(page));
	const text = query.toString();
	return text ? `?${text}` : '';
}

/** The hidden fields that keep the sort when the filter form is sent. */
export function sortFields(sort: CaseloadSort): { name: string; value: string }[] {
	return sort.key === defaultSort.key && sort.direction === defaultSort.direction
		? []
		: [
				{ name: 'sorteer', value: sortWords[sort.key] },
				{ name: 'richting', value: directionWords[sort.direction] }
			];
}

export function sortLink(state: CaseloadQuery, key: CaseloadSortKey): string {
	const direction: SortDirection =
		state.sort.key === key ? (state.sort.direction === 'asc' ? 'desc' : 'asc') : defaultSortDirection[key];
	return caseloadQuery(state, { sort: { key, direction } });
}
