import { describe, expect, it } from 'vitest';
import { csvField, reportCsv } from './report-csv';
import { buildOutcomeReport } from './build-report';
import { defaultReliableChangeSettings } from './statistics';

const report = buildOutcomeReport(
	{
		funnel: { started: 60, completed: 50, measuredBefore: 50 },
		combinations: Array.from({ length: 10 }, (_, i) => ({ beforeEmotional: 4, beforeSocial: 3, afterEmotional: i % 5, afterSocial: 1, followUpTotal: null, n: 4 })),
		outputs: null
	},
	defaultReliableChangeSettings,
	{ requested: { from: null, to: null, setting: 'all' }, applied: false, refusal: null },
	new Date('2026-03-01T12:00:00.000Z')
);
const definition = { title: 'Acht weken, "voorjaar"', kind: 'programme', from: '2025-Q1', to: null };

describe('reportCsv', () => {
	it('quotes per RFC 4180', () => {
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
		expect(csvField('twee\nregels')).toBe('"twee\nregels"');
		expect(csvField(null)).toBe('');
		expect(csvField(1 / 3)).toBe('0.3333');
	});

	it('one figure per row, headings in the language asked, CRLF line ends', () => {
		const csv = reportCsv(report, definition, 'nl');
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe('onderdeel,maat,waarde,ondergrens,bovengrens,aantal');
		expect(reportCsv(report, definition, 'en').split('\r\n')[0]).toBe('section,measure,value,lower,upper,n');
		expect(lines).toContain('report,title,"Acht weken, ""voorjaar""",,,');
		expect(lines).toContain('funnel,started,60,,,');
		expect(lines).toContain('funnel,complete_pairs,40,,,');
		// Mean change over 40 pairs: before 7, after mean of (0..4) + 1 = 3, so −4 with its interval and n.
		expect(lines.find((line) => line.startsWith('change_total,mean_change,-4,'))).toMatch(/,40$/);
		expect(csv.endsWith('\r\n')).toBe(true);
	});

	it('a hidden figure is an empty value with <10', () => {
		const lines = reportCsv(report, definition, 'en').split('\r\n');
		const hidden = lines.filter((line) => line.endsWith(',<10'));
		expect(hidden.length).toBeGreaterThan(0);
		for (const line of hidden) expect(line.split(',')[2]).toBe('');
	});

	it('holds no per-person value: every row is a named aggregate', () => {
		const lines = reportCsv(report, definition, 'en').trimEnd().split('\r\n').slice(1);
		const sections = new Set(lines.map((line) => line.split(',')[0]));
		expect([...sections].sort()).toEqual(
			['band_shift', 'bands_after', 'bands_before', 'change_emotional', 'change_social', 'change_total', 'filter', 'follow_up', 'funnel', 'national_context', 'reliable_change', 'report'].sort()
		);
	});
});
