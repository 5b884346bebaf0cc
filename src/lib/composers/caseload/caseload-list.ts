/**
 * The professional's caseload as a list: clients with their signals, sorted and filtered. Pure: no I/O and
 * no clock; callers pass `today`.
 * - `caseloadRow(facts, today)`: one client with their signals and band severity, computed once.
 * - `compareCaseloadRows(a, b)`: the list order: most important signal first, then the more severe latest result,
 *   then name (Dutch collation, accents and case ignored), then id so equal names keep a fixed order.
 * - `matchesCaseloadFilter(row, filter)`: a row passes when it has the signal, the band and the name asked for.
 * - `caseloadBandFilters`, `searchKey(text)`: the band filter's values, and the text form a name search compares.
 */
import { bandSeverity, caseloadSignalIds, caseloadSignals, latestScores, type CaseloadFacts, type CaseloadSignal, type CaseloadSignalId } from './signals';

type SevereSignal = Extract<CaseloadSignal, { id: 'severe_band' }>;

export interface CaseloadRow {
	facts: CaseloadFacts;
	/** Most important first. */
	signals: CaseloadSignal[];
	/** See `bandSeverity`: 0 (no result) to 4. */
	severity: number;
}

/**
 * What the band filter offers: a band of the latest result of any instrument, `indication` (UCLA-3 at or above its
 * threshold, which has no band), or `no_result` (no scored measurement at all).
 */
export const caseloadBandFilters = ['not_lonely', 'moderately_lonely', 'severely_lonely', 'very_severely_lonely', 'indication', 'no_result'] as const;
export type CaseloadBandFilter = (typeof caseloadBandFilters)[number];

export interface CaseloadFilter {
	/** Only clients with this signal. */
	signal?: CaseloadSignalId | null;
	/** Only clients whose latest result (of any instrument) is in this band. */
	band?: CaseloadBandFilter | null;
	/** Part of the name, case and accents ignored ("zoe" finds "Zoë"); empty finds everyone. */
	query?: string | null;
}

export function caseloadRow(facts: CaseloadFacts, today: string): CaseloadRow {
	return { facts, signals: caseloadSignals(facts, today), severity: bandSeverity(facts) };
}

const importance = new Map<CaseloadSignalId, number>(caseloadSignalIds.map((id, index) => [id, index]));
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/**
 * Signals compared as lists of importance ranks: the first difference decides, and where one list runs out the
 * longer one (with one more signal) comes first. A client without signals comes after every client with one.
 */
function compareSignals(a: readonly CaseloadSignal[], b: readonly CaseloadSignal[]): number {
	const ranksA = a.map((signal) => importance.get(signal.id)!).sort((x, y) => x - y);
	const ranksB = b.map((signal) => importance.get(signal.id)!).sort((x, y) => x - y);
	for (let index = 0; index < Math.max(ranksA.length, ranksB.length); index++) {
		const rankA = ranksA[index] ?? Number.POSITIVE_INFINITY;
		const rankB = ranksB[index] ?? Number.POSITIVE_INFINITY;
		if (rankA !== rankB) return rankA - rankB;
	}
	return 0;
}

/** For `Array.prototype.sort`: signal importance, band severity (more severe first), name, id. */
export function compareCaseloadRows(a: CaseloadRow, b: CaseloadRow): number {
	return (
		compareSignals(a.signals, b.signals) ||
		b.severity - a.severity ||
		collator.compare(a.facts.name, b.facts.name) ||
		(a.facts.personId < b.facts.personId ? -1 : a.facts.personId > b.facts.personId ? 1 : 0)
	);
}

/** Letters that do not fall apart into a base letter and an accent. */
const plainLetters: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ı: 'i' };

/** Lower case without accents or extra spaces: "  Zoë  Ünal" → "zoe unal", "Søren" → "soren". */
export function searchKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLocaleLowerCase('nl')
		.replace(/[øæœßłđı]/g, (letter) => plainLetters[letter] ?? letter)
		.replace(/\s+/g, ' ')
		.trim();
}

function bandsOf(row: CaseloadRow): Set<CaseloadBandFilter> {
	const latest = latestScores(row.facts.measurements);
	if (latest.length === 0) return new Set(['no_result']);
	const bands = new Set<CaseloadBandFilter>();
	for (const { latest: score } of latest) {
		if (score.band !== null) bands.add(score.band);
	}
	const severe = row.signals.find((signal): signal is SevereSignal => signal.id === 'severe_band');
	if (severe?.results.some((result) => result.basis === 'indication')) bands.add('indication');
	return bands;
}

/** Whether a row passes every part of the filter that is set. */
export function matchesCaseloadFilter(row: CaseloadRow, filter: CaseloadFilter): boolean {
	if (filter.signal && !row.signals.some((signal) => signal.id === filter.signal)) return false;
	if (filter.band && !bandsOf(row).has(filter.band)) return false;
	const query = searchKey(filter.query ?? '');
	return query === '' || searchKey(row.facts.name).includes(query);
}
