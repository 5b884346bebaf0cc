import { describe, expect, it } from 'vitest';
import { filterAllowed, filterDays, isNarrowing, parseApiFilter, parseQuarter, parseReportFilter, quarterFirstDay, quarterLabel, quarterLastDay, quarterOfDay } from './filters';

const params = (query: string) => new URLSearchParams(query);

describe('quarters', () => {
	it('reads K (Dutch) and Q, with a dash, a space or nothing between', () => {
		for (const text of ['2025-K1', '2025 K1', '2025K1', '2025-q1', ' 2025-Q1 ']) expect(parseQuarter(text)).toBe('2025-Q1');
		for (const text of ['2025-K5', '2025-K0', '25-K1', '2025-Q', 'K1-2025', '', '1999-Q1']) expect(parseQuarter(text)).toBeNull();
	});

	it('gives the first and last day of each quarter (leap year included)', () => {
		expect([quarterFirstDay('2024-Q1'), quarterLastDay('2024-Q1')]).toEqual(['2024-01-01', '2024-03-31']);
		expect([quarterFirstDay('2025-Q2'), quarterLastDay('2025-Q2')]).toEqual(['2025-04-01', '2025-06-30']);
		expect([quarterFirstDay('2025-Q3'), quarterLastDay('2025-Q3')]).toEqual(['2025-07-01', '2025-09-30']);
		expect([quarterFirstDay('2025-Q4'), quarterLastDay('2025-Q4')]).toEqual(['2025-10-01', '2025-12-31']);
		expect(quarterOfDay('2025-06-30')).toBe('2025-Q2');
		expect(quarterOfDay('2025-10-01')).toBe('2025-Q4');
		expect(quarterLabel('2025-Q3', 'nl')).toBe('2025 K3');
		expect(quarterLabel('2025-Q3', 'en')).toBe('2025 Q3');
	});
});

describe('parseReportFilter', () => {
	it('no query: no filter', () => {
		const parsed = parseReportFilter(params(''));
		expect(parsed).toEqual({ ok: true, filter: { from: null, to: null, setting: 'all' } });
		expect(isNarrowing(parsed.filter)).toBe(false);
	});

	it('reads van, tot and vorm', () => {
		expect(parseReportFilter(params('van=2025-K1&tot=2025+K3&vorm=groep'))).toEqual({ ok: true, filter: { from: '2025-Q1', to: '2025-Q3', setting: 'group' } });
		expect(parseReportFilter(params('vorm=alleen')).filter.setting).toBe('alone');
		expect(filterDays({ from: '2025-Q1', to: '2025-Q3', setting: 'all' })).toEqual({ from: '2025-01-01', to: '2025-09-30' });
	});

	it('says which field is wrong, and then filters nothing', () => {
		expect(parseReportFilter(params('van=januari&vorm=samen'))).toEqual({
			ok: false,
			errors: { van: 'report_quarter_invalid', vorm: 'report_setting_invalid' },
			filter: { from: null, to: null, setting: 'all' }
		});
		expect(parseReportFilter(params('van=2025-K3&tot=2025-K1'))).toMatchObject({ ok: false, errors: { tot: 'report_quarter_order' } });
	});

	it('the API uses from, to and setting in English', () => {
		expect(parseApiFilter(params('from=2025-Q2&setting=alone'))).toEqual({ ok: true, filter: { from: '2025-Q2', to: null, setting: 'alone' } });
		expect(parseApiFilter(params('setting=groep'))).toMatchObject({ ok: false, errors: { setting: 'report_setting_invalid' } });
	});
});

describe('filterAllowed', () => {
	it('needs at least 10 started and 10 complete pairs on both the kept and the left-out side', () => {
		expect(filterAllowed({ started: 10, completePairs: 10 }, { started: 10, completePairs: 10 })).toBe(true);
		expect(filterAllowed({ started: 50, completePairs: 9 }, { started: 50, completePairs: 40 })).toBe(false);
		expect(filterAllowed({ started: 50, completePairs: 40 }, { started: 9, completePairs: 9 })).toBe(false);
		// Everything kept, nothing left out: comparing with the unfiltered report shows nothing new, yet 0 < 10.
		expect(filterAllowed({ started: 50, completePairs: 40 }, { started: 0, completePairs: 0 })).toBe(false);
	});
});
