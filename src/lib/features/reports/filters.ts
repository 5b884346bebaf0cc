/**
 * The report page's filter and quarter arithmetic. Pure: no I/O.
 * - `parseQuarter(text)`: '2025-K1', '2025 K1' or '2025-Q1' → '2025-Q1'; null when malformed.
 * - `quarterFirstDay(quarter)`, `quarterLastDay(quarter)`, `quarterOfDay(day)`: quarters and local days.
 * - `parseReportFilter(params)`: `van`, `tot`, `vorm` from the page's query → a `ReportFilter` or field errors.
 * - `parseApiFilter(params)`: the same from the API's `from`, `to`, `setting`.
 * - `isNarrowing(filter)`: whether the filter asks for anything.
 * - `filterAllowed(kept, left)`: a filter applies only when both sides keep at least `minimumCell` started units and
 *   complete pairs, so comparing the filtered and the unfiltered report never isolates fewer people.
 */
import type { FieldError, FieldErrors } from '$lib/kernel/form-errors';
import type { ReportFilter } from './outcome-report';
import { minimumPairsForFigures } from './statistics';

export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

const quarterPattern = /^(\d{4})\s*[-\s]?\s*[KQ]([1-4])$/i;

export function parseQuarter(text: string): Quarter | null {
	const match = quarterPattern.exec(text.trim());
	if (!match) return null;
	const year = Number(match[1]);
	if (year < 2000 || year > 2100) return null;
	return `${year}-Q${Number(match[2]) as 1 | 2 | 3 | 4}`;
}

function partsOf(quarter: string): { year: number; index: number } {
	const parsed = parseQuarter(quarter);
	if (!parsed) throw new RangeError(`not a quarter: ${quarter}`);
	return { year: Number(parsed.slice(0, 4)), index: Number(parsed.slice(-1)) };
}

const pad = (value: number) => String(value).padStart(2, '0');

export function quarterFirstDay(quarter: string): string {
	const { year, index } = partsOf(quarter);
	return `${year}-${pad((index - 1) * 3 + 1)}-01`;
}

export function quarterLastDay(quarter: string): string {
	const { year, index } = partsOf(quarter);
	const month = index * 3;
	// Day 0 of the next month is the last day of this one.
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${year}-${pad(month)}-${pad(last)}`;
}

/** The quarter a local day (YYYY-MM-DD) lies in. */
export function quarterOfDay(day: string): Quarter {
	const year = Number(day.slice(0, 4));
	const month = Number(day.slice(5, 7));
	return `${year}-Q${(Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4}`;
}

/** '2025-Q1' in the words of the page's language: 'K' in Dutch. */
export function quarterLabel(quarter: string, locale: 'nl' | 'en'): string {
	const { year, index } = partsOf(quarter);
	return `${year} ${locale === 'nl' ? 'K' : 'Q'}${index}`;
}

export const settingsByWord = { alle: 'all', groep: 'group', alleen: 'alone' } as const;
export const wordsBySetting = { all: 'alle', group: 'groep', alone: 'alleen' } as const;

export const noFilter: ReportFilter = { from: null, to: null, setting: 'all' };

export type FilterParse = { ok: true; filter: ReportFilter } | { ok: false; errors: FieldErrors; filter: ReportFilter };

function parseWith(
	params: URLSearchParams,
	names: { from: string; to: string; setting: string },
	settings: Record<string, ReportFilter['setting']>
): FilterParse {
	const errors: FieldErrors = {};
	const quarter = (name: string): string | null => {
		const raw = params.get(name)?.trim() ?? '';
		if (raw === '') return null;
		const parsed = parseQuarter(raw);
		if (!parsed) errors[name] = 'report_quarter_invalid' satisfies FieldError;
		return parsed;
	};
	const from = quarter(names.from);
	const to = quarter(names.to);
	if (from && to && quarterFirstDay(from) > quarterFirstDay(to)) errors[names.to] = 'report_quarter_order';
	const rawSetting = params.get(names.setting)?.trim() ?? '';
	const setting = rawSetting === '' ? 'all' : settings[rawSetting];
	if (!setting) errors[names.setting] = 'report_setting_invalid';
	const filter: ReportFilter = { from, to, setting: setting ?? 'all' };
	return Object.keys(errors).length > 0 ? { ok: false, errors, filter: noFilter } : { ok: true, filter };
}

/** The page's query: `van`, `tot` ('2025-K1'), `vorm` ('alle', 'groep', 'alleen'). */
export function parseReportFilter(params: URLSearchParams): FilterParse {
	return parseWith(params, { from: 'van', to: 'tot', setting: 'vorm' }, settingsByWord);
}

/** The API's query: `from`, `to` ('2025-Q1'), `setting` ('all', 'group', 'alone'). */
export function parseApiFilter(params: URLSearchParams): FilterParse {
	return parseWith(params, { from: 'from', to: 'to', setting: 'setting' }, { all: 'all', group: 'group', alone: 'alone' });
}

export function isNarrowing(filter: ReportFilter): boolean {
	return filter.from !== null || filter.to !== null || filter.setting !== 'all';
}

/** The local-day range a filter keeps (both ends included); null ends are open. */
export function filterDays(filter: ReportFilter): { from: string | null; to: string | null } {
	return { from: filter.from ? quarterFirstDay(filter.from) : null, to: filter.to ? quarterLastDay(filter.to) : null };
}

export interface SideCounts {
	started: number;
	completePairs: number;
}

export function filterAllowed(kept: SideCounts, left: SideCounts): boolean {
	const enough = (side: SideCounts) => side.started >= minimumPairsForFigures && side.completePairs >= minimumPairsForFigures;
	return enough(kept) && enough(left);
}
