import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InstrumentId, LonelinessBand } from '$lib/features/instruments/instruments';
import { caseloadRow, compareCaseloadRows } from './caseload-list';
import { caseloadQuery, readCaseloadQuery, sortFields, sortLink } from './caseload-query';
import { changeDirection, countSignals, newestScore, sortCaseloadRows, type CaseloadSort, type SortableRow } from './caseload-triage';
import { changeWords } from './caseload-words';
import type { CaseloadFacts } from './signals';

const today = '2026-03-16';
const measured = (instrument: InstrumentId, total: number, band: LonelinessBand | null, day = '2026-03-01') => ({
	instrument,
	takenAt: `${day}T09:00:00Z`,
	total,
	band
});
const client = (personId: string, name: string, over: Partial<CaseloadFacts> = {}, activityShared = true): SortableRow => ({
	...caseloadRow(
		{ personId, name, measurements: [], lastActivityDay: today, everActive: true, latestWeb: null, previousWeb: null, unreadSharedCount: 0, ...over },
		today
	),
	activityShared
});

const caseload = [
	// 7 now, 4 before: 3 higher
	client('a', 'Bram', { measurements: [measured('djg-11', 4, 'moderately_lonely', '2026-01-01'), measured('djg-11', 7, 'moderately_lonely')] }),
	// 10 now, 11 before: 1 lower, but severe
	client('b', 'anna', { measurements: [measured('djg-11', 11, 'very_severely_lonely', '2026-01-01'), measured('djg-11', 10, 'severely_lonely')] }),
	// DJG-6 of 5 is severe: above Bram's DJG-11 of 7 (moderate); quiet since February
	client('c', 'Chantal', { measurements: [measured('djg-6', 5, 'severely_lonely')], lastActivityDay: '2026-02-01', unreadSharedCount: 1 }),
	// no result; activity not shared
	client('d', 'Dirk', { lastActivityDay: '2026-01-01' }, false),
	// no result, active a week ago
	client('e', 'Eva', { lastActivityDay: '2026-03-09' })
];
const ids = (sort: CaseloadSort) => sortCaseloadRows(caseload, sort).map((row) => row.facts.personId);

describe('sortCaseloadRows', () => {
	it('sorts by name as people read it, both ways', () => {
		expect(ids({ key: 'name', direction: 'asc' })).toEqual(['b', 'a', 'c', 'd', 'e']);
		expect(ids({ key: 'name', direction: 'desc' })).toEqual(['e', 'd', 'c', 'a', 'b']);
	});

	it('sorts by the newest result, severity before the number; clients without a result last either way', () => {
		expect(ids({ key: 'latest', direction: 'desc' })).toEqual(['b', 'c', 'a', 'd', 'e']);
		expect(ids({ key: 'latest', direction: 'asc' })).toEqual(['a', 'c', 'b', 'd', 'e']);
	});

	it('sorts by the change: the biggest rise first, no change known last', () => {
		expect(ids({ key: 'change', direction: 'desc' })).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(ids({ key: 'change', direction: 'asc' })).toEqual(['b', 'a', 'c', 'd', 'e']);
	});

	it('sorts by last active day, never by activity a client does not share', () => {
		// Bram and anna were both active today: the list order (anna's severe result first) decides.
		expect(ids({ key: 'active', direction: 'asc' })).toEqual(['c', 'e', 'b', 'a', 'd']);
		expect(ids({ key: 'active', direction: 'desc' })).toEqual(['b', 'a', 'e', 'c', 'd']);
	});

	it('sorts by signals as the list does by default, or the other way round', () => {
		const listOrder = [...caseload].sort(compareCaseloadRows).map((row) => row.facts.personId);
		expect(ids({ key: 'signals', direction: 'desc' })).toEqual(listOrder);
		expect(ids({ key: 'signals', direction: 'asc' })).toEqual([...listOrder].reverse());
	});

	it('gives the same order whatever order the rows come in, for every column and direction', () => {
		const sorts = fc.record({ key: fc.constantFrom('name', 'latest', 'change', 'active', 'signals' as const), direction: fc.constantFrom('asc', 'desc' as const) });
		fc.assert(
			fc.property(fc.shuffledSubarray(caseload, { minLength: caseload.length }), sorts, (shuffled, sort) => {
				expect(sortCaseloadRows(shuffled, sort).map((row) => row.facts.personId)).toEqual(ids(sort));
			})
		);
	});
});

describe('newestScore', () => {
	it('takes the newest result of any scale, with its change on the same scale', () => {
		const newest = newestScore([measured('djg-11', 8, 'moderately_lonely', '2026-01-01'), measured('djg-6', 2, 'moderately_lonely', '2026-02-01'), measured('djg-6', 4, 'moderately_lonely', '2026-03-01')]);
		expect(newest).toMatchObject({ latest: { instrument: 'djg-6', total: 4 }, change: 2 });
		expect(newestScore([measured('ucla-3', 6, null)])).toMatchObject({ latest: { total: 6 }, change: null });
		expect(newestScore([])).toBeNull();
	});
});

describe('countSignals', () => {
	it('counts each client once per signal, and every signal even when nobody has it', () => {
		const counts = countSignals(caseload);
		expect(counts).toMatchObject({ severe_band: 2, score_worsened: 1, discuss_unread: 1, inactive: 2, health_web_drop: 0, group_dropout: 0 });
		expect(Object.keys(counts)).toHaveLength(8);
		expect(countSignals([])).toMatchObject({ severe_band: 0, inactive: 0 });
	});
});

describe('the change in words', () => {
	it('says which way is lonelier', () => {
		expect([3, -2, 0].map(changeDirection)).toEqual(['lonelier', 'less_lonely', 'same']);
		expect(changeWords(2, 'nl')).toBe('2 hoger: eenzamer');
		expect(changeWords(-1, 'nl')).toBe('1 lager: minder eenzaam');
		expect(changeWords(0, 'nl')).toBe('Gelijk');
		expect(changeWords(2, 'en')).toBe('2 higher: lonelier');
		expect(changeWords(-3, 'en')).toBe('3 lower: less lonely');
	});
});

describe('the caseload address', () => {
	const read = (text: string) => readCaseloadQuery(new URLSearchParams(text));

	it('reads filter, sort and page; unknown values fall back to the defaults', () => {
		expect(read('signaal=inactive&sorteer=naam&richting=af&pagina=3&zoek=an')).toEqual({
			filter: { signal: 'inactive', band: null, query: 'an' },
			sort: { key: 'name', direction: 'desc' },
			page: 3
		});
		expect(read('signaal=nope&band=x&sorteer=?&richting=op&pagina=-2')).toEqual({
			filter: { signal: null, band: null, query: '' },
			sort: { key: 'signals', direction: 'desc' },
			page: 1
		});
		expect(read('sorteer=verschil').sort).toEqual({ key: 'change', direction: 'desc' });
		expect(read(`zoek=${'a'.repeat(200)}`).filter.query).toHaveLength(80);
	});

	it('keeps filter and sort on every link; a new filter or sort starts at page 1', () => {
		const state = read('signaal=inactive&sorteer=naam&richting=op&pagina=2');
		expect(caseloadQuery(state, { page: 3 })).toBe('?signaal=inactive&sorteer=naam&richting=op&pagina=3');
		expect(caseloadQuery(state, { filter: { ...state.filter, signal: 'severe_band' } })).toBe('?signaal=severe_band&sorteer=naam&richting=op');
		expect(sortLink(state, 'name')).toBe('?signaal=inactive&sorteer=naam&richting=af');
		expect(sortLink(state, 'latest')).toBe('?signaal=inactive&sorteer=uitslag&richting=af');
		expect(caseloadQuery(read(''))).toBe('');
		expect(sortLink(read(''), 'signals')).toBe('?sorteer=signalen&richting=op');
	});

	it('reads back every link it makes', () => {
		const state = read('zoek=Zoë Ünal&band=no_result&sorteer=actief&richting=af&pagina=4');
		for (const change of [{}, { page: 2 }, { sort: { key: 'change', direction: 'asc' } as const }]) {
			expect(read(caseloadQuery(state, change).slice(1))).toEqual({ ...state, ...change, page: change.page ?? ('sort' in change ? 1 : state.page) });
		}
		expect(sortFields(state.sort)).toEqual([
			{ name: 'sorteer', value: 'actief' },
			{ name: 'richting', value: 'af' }
		]);
		expect(sortFields(read('').sort)).toEqual([]);
	});
});
