import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InstrumentId, LonelinessBand } from '$lib/features/instruments/instruments';
import { caseloadRow, compareCaseloadRows, matchesCaseloadFilter, searchKey, type CaseloadRow } from './caseload-list';
import type { CaseloadFacts } from './signals';

const today = '2026-03-16';
const measured = (instrument: InstrumentId, total: number, band: LonelinessBand | null, day = '2026-03-01') => ({
	instrument,
	takenAt: `${day}T09:00:00Z`,
	total,
	band
});
const client = (personId: string, name: string, over: Partial<CaseloadFacts> = {}): CaseloadRow =>
	caseloadRow(
		{
			personId,
			name,
			measurements: [],
			lastActivityDay: today,
			everActive: true,
			latestWeb: null,
			previousWeb: null,
			unreadSharedCount: 0,
			...over
		},
		today
	);

const caseload = [
	client('a', 'Zoë Ünal'),
	client('b', 'anna', { measurements: [measured('djg-11', 5, 'moderately_lonely')] }),
	client('c', 'Bram', { unreadSharedCount: 1 }),
	client('d', 'Chantal', { measurements: [measured('djg-11', 9, 'severely_lonely')] }),
	client('e', 'Dirk', { measurements: [measured('djg-11', 11, 'very_severely_lonely')], unreadSharedCount: 2 }),
	client('f', 'Eva', { lastActivityDay: '2026-02-01' }),
	client('g', 'Femke', { measurements: [measured('ucla-3', 7, null)] }),
	client('h', 'Anna', { measurements: [measured('djg-6', 1, 'not_lonely')] }),
	client('i', 'Søren', { measurements: [measured('djg-11', 11, 'very_severely_lonely')] })
];
const order = (rows: CaseloadRow[]) => [...rows].sort(compareCaseloadRows).map((row) => row.facts.personId);

describe('compareCaseloadRows', () => {
	it('sorts by signal importance, then the more severe result, then name, then id', () => {
		expect(order(caseload)).toEqual([
			// severe + unread, before severe alone
			'e',
			// severe alone: very severe (4) before severe (3) and the UCLA-3 indication (3); then by name
			'i',
			'd',
			'g',
			// unread; then quiet
			'c',
			'f',
			// no signals: moderate (2) before not lonely (1) before no result (0)
			'b',
			'h',
			'a'
		]);
	});

	it('orders names as people read them: case and accents ignored, numbers by value, equal names by id', () => {
		const names = [client('2', 'anna'), client('1', 'Anna'), client('3', 'Ánna'), client('4', 'Client 10'), client('5', 'Client 9'), client('6', 'Bea')];
		expect(order(names)).toEqual(['1', '2', '3', '6', '5', '4']);
	});

	it('is a total order: the same list in any order sorts the same', () => {
		fc.assert(
			fc.property(fc.shuffledSubarray(caseload, { minLength: caseload.length }), (shuffled) => {
				expect(order(shuffled)).toEqual(order(caseload));
			})
		);
		for (const a of caseload) {
			expect(compareCaseloadRows(a, a)).toBe(0);
			for (const b of caseload) expect(Math.sign(compareCaseloadRows(a, b)) + Math.sign(compareCaseloadRows(b, a))).toBe(0);
		}
	});
});

describe('matchesCaseloadFilter', () => {
	const matching = (filter: Parameters<typeof matchesCaseloadFilter>[1]) =>
		caseload.filter((row) => matchesCaseloadFilter(row, filter)).map((row) => row.facts.personId);

	it('passes everyone without a filter or with an empty search', () => {
		expect(matching({})).toHaveLength(caseload.length);
		expect(matching({ query: '   ', signal: null, band: null })).toHaveLength(caseload.length);
	});

	it('filters by signal', () => {
		expect(matching({ signal: 'severe_band' })).toEqual(['d', 'e', 'g', 'i']);
		expect(matching({ signal: 'discuss_unread' })).toEqual(['c', 'e']);
		expect(matching({ signal: 'inactive' })).toEqual(['f']);
		expect(matching({ signal: 'health_web_drop' })).toEqual([]);
	});

	it('filters by the band of the latest result, the UCLA-3 indication, or having no result', () => {
		expect(matching({ band: 'very_severely_lonely' })).toEqual(['e', 'i']);
		expect(matching({ band: 'moderately_lonely' })).toEqual(['b']);
		expect(matching({ band: 'indication' })).toEqual(['g']);
		expect(matching({ band: 'no_result' })).toEqual(['a', 'c', 'f']);
	});

	it('searches names case- and accent-insensitively, as a part of the name', () => {
		expect(matching({ query: 'zoe' })).toEqual(['a']);
		expect(matching({ query: 'UNAL' })).toEqual(['a']);
		expect(matching({ query: 'zoë  ün' })).toEqual(['a']);
		expect(matching({ query: 'ANN' })).toEqual(['b', 'h']);
		expect(matching({ query: 'soren' })).toEqual(['i']);
		expect(matching({ query: 'x' })).toEqual([]);
	});

	it('combines all parts', () => {
		expect(matching({ signal: 'severe_band', band: 'very_severely_lonely', query: 'dirk' })).toEqual(['e']);
		expect(matching({ signal: 'inactive', query: 'dirk' })).toEqual([]);
	});
});

describe('searchKey', () => {
	it('drops accents and case and squeezes spaces', () => {
		expect(searchKey('  Zoë  Ünal ')).toBe('zoe unal');
		expect(searchKey('Çelik-Øberg')).toBe('celik-oberg');
		expect(searchKey('Straße')).toBe('strasse');
	});

	it('finds every name by any part of itself, in any case, with or without accents', () => {
		const letter = fc.constantFrom(...'aAbeéEÉiïIÏoöøØuüÜcçÇnñsßzZ -\''.split(''));
		const text = fc.array(letter, { maxLength: 8 }).map((letters) => letters.join(''));
		fc.assert(
			fc.property(text, text, text, fc.boolean(), (before, part, after, upper) => {
				const row = client('x', `${before}${part}${after}`);
				const query = upper ? part.toUpperCase() : part.normalize('NFD').replace(/\p{M}/gu, '');
				expect(matchesCaseloadFilter(row, { query })).toBe(true);
			})
		);
	});
});
