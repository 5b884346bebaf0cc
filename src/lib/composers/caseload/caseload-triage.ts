/**
 * Triage of the caseload: the columns a professional may sort by, and how many clients have each signal. Pure: no
 * I/O and no clock.
 * - `caseloadSortKeys`, `defaultSortDirection`: the sortable columns, and the direction a first click on each gives.
 * - `newestScore(measurements)`: the newest result of any scale, and its change since the one before on that scale.
 * - `sortCaseloadRows(rows, sort)`: sorted by one column and direction; rows without a value (no result, no change,
 *   no activity shared) come last either way, ties keep the list order (`compareCaseloadRows`).
 * - `countSignals(rows)`: per signal, how many rows have it (a client counts once per signal).
 * - `changeDirection(change)`: whether a change of score means lonelier (all scales: higher is lonelier).
 */
import { compareCaseloadRows, type CaseloadRow } from './caseload-list';
import { getInstrument } from '$lib/features/instruments/instruments';
import { caseloadSignalIds, latestScores, type CaseloadSignalId, type MeasurementFact, type ScoredMeasurement } from './signals';

export const caseloadSortKeys = ['name', 'latest', 'change', 'active', 'signals'] as const;
export type CaseloadSortKey = (typeof caseloadSortKeys)[number];
export const sortDirections = ['asc', 'desc'] as const;
export type SortDirection = (typeof sortDirections)[number];

export interface CaseloadSort {
	key: CaseloadSortKey;
	direction: SortDirection;
}

/**
 * What a first click asks for: names A to Z, the highest result and the biggest rise first, the longest quiet first,
 * and the most important signals first (the list's own order, which is also the default).
 */
export const defaultSortDirection: Record<CaseloadSortKey, SortDirection> = {
	name: 'asc',
	latest: 'desc',
	change: 'desc',
	active: 'asc',
	signals: 'desc'
};
export const defaultSort: CaseloadSort = { key: 'signals', direction: 'desc' };

export interface NewestScore {
	latest: ScoredMeasurement;
	/** Latest minus the one before on the same scale; null when there is only one. */
	change: number | null;
}

export function newestScore(measurements: readonly MeasurementFact[]): NewestScore | null {
	// Same instant on two scales: `latestScores` gives DJG-11 first, and a stable sort keeps it first.
	const newest = latestScores(measurements).sort((a, b) => Date.parse(b.latest.takenAt) - Date.parse(a.latest.takenAt))[0];
	return newest ? { latest: newest.latest, change: newest.previous ? newest.latest.total - newest.previous.total : null } : null;
}

/** Rows the caller sorts, with whether activity is shared: without the programme scope it is not brug's to sort by. */
export interface SortableRow extends CaseloadRow {
	activityShared: boolean;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** A column's value of a row, ordered ascending by `Array.prototype.sort`; null when the row has none. */
function ascending(key: CaseloadSortKey): ((a: SortableRow, b: SortableRow) => number) | null {
	switch (key) {
		case 'name':
			return (a, b) => collator.compare(a.facts.name, b.facts.name);
		case 'signals':
			// The list order puts the most important signals first: that is "descending" importance.
			return (a, b) => compareCaseloadRows(b, a);
		default:
			return null;
	}
}

/** The number a column sorts by, or null (sorted last in both directions). */
function valueOf(key: 'latest' | 'change' | 'active', row: SortableRow): number | null {
	if (key === 'active') {
		const day = row.activityShared ? row.facts.lastActivityDay : null;
		return day === null ? null : Date.parse(`${day}T00:00:00Z`);
	}
	const newest = newestScore(row.facts.measurements);
	if (!newest) return null;
	if (key === 'change') return newest.change;
	// Severity first, so a DJG-6 of 5 (severe) is above a DJG-11 of 7 (moderate); then the share of the scale.
	const max = getInstrument(newest.latest.instrument)?.totalRange.max ?? 1;
	return row.severity + newest.latest.total / Math.max(1, max);
}

/** A sorted copy. Each row's value is computed once: a caseload of 200 is sorted on every page view. */
export function sortCaseloadRows<Row extends SortableRow>(rows: readonly Row[], sort: CaseloadSort): Row[] {
	const sign = sort.direction === 'asc' ? 1 : -1;
	const direct = ascending(sort.key);
	if (direct) return [...rows].sort((a, b) => sign * direct(a, b) || compareCaseloadRows(a, b));
	const key = sort.key as 'latest' | 'change' | 'active';
	const values = new Map(rows.map((row) => [row, valueOf(key, row)]));
	return [...rows].sort((a, b) => {
		const x = values.get(a) ?? null;
		const y = values.get(b) ?? null;
		if (x === null || y === null) return x === y ? compareCaseloadRows(a, b) : x === null ? 1 : -1;
		return sign * (x - y) || compareCaseloadRows(a, b);
	});
}

export function countSignals(rows: readonly CaseloadRow[]): Record<CaseloadSignalId, number> {
	const counts = Object.fromEntries(caseloadSignalIds.map((id) => [id, 0])) as Record<CaseloadSignalId, number>;
	for (const row of rows) for (const id of new Set(row.signals.map((signal) => signal.id))) counts[id] += 1;
	return counts;
}

/** Higher is lonelier on every scale brug uses (DJG-11, DJG-6, UCLA-3). */
export function changeDirection(change: number): 'lonelier' | 'less_lonely' | 'same' {
	return change > 0 ? 'lonelier' : change < 0 ? 'less_lonely' : 'same';
}
