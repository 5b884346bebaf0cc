import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import BandDistributionChart from './BandDistributionChart.svelte';
import BandShiftChart from './BandShiftChart.svelte';
import ChangeIntervalChart from './ChangeIntervalChart.svelte';
import { fullReport, hiddenBands } from './report-sample.fixture';

/** The markup without hydration markers and Svelte's scoping classes. */
const html = (body: string) => body.replace(/<!--.*?-->/g, '').replace(/ svelte-[a-z0-9]+/g, '');
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const fontSizes = (text: string) => [...text.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1]));

describe('BandDistributionChart', () => {
	it('draws a bar per shown count, names both moments and lists the counts in a table', () => {
		const out = html(render(BandDistributionChart, { props: { bands: fullReport.bands! } }).body);
		expect(out).toContain('role="img"');
		expect(count(out, /<rect class="bar chart-line bar-(before|after)/g)).toBe(3 + 1);
		expect(out).toContain('<td>14</td>');
		expect(count(out, /<td>minder dan 10<\/td>/g)).toBe(5);
		expect(Math.min(...fontSizes(out))).toBeGreaterThanOrEqual(12);
	});
	it('draws no bar when every count is hidden', () => {
		const out = html(render(BandDistributionChart, { props: { bands: hiddenBands } }).body);
		expect(count(out, /<rect class="bar chart-line bar-(before|after)/g)).toBe(1);
		expect(count(out, /<td>minder dan 10<\/td>/g)).toBe(8);
	});
});

describe('BandShiftChart', () => {
	it('writes each count in its cell and marks the diagonal', () => {
		const out = html(render(BandShiftChart, { props: { bands: fullReport.bands! } }).body);
		expect(count(out, /class="chart-line cell/g)).toBe(16 + 1);
		expect(count(out, / diagonal/g)).toBe(4 + 1);
		expect(out).toContain('>12</text>');
		expect(count(out, /<td>minder dan 10<\/td>/g)).toBe(15);
		expect(Math.min(...fontSizes(out))).toBeGreaterThanOrEqual(12);
	});
	it('shows a fully hidden table as hidden, never as zero', () => {
		const out = html(render(BandShiftChart, { props: { bands: hiddenBands } }).body);
		expect(count(out, />&lt;10<\/text>/g)).toBe(16);
		expect(out).not.toContain('<td>0</td>');
	});
});

describe('ChangeIntervalChart', () => {
	it('says the change, its interval and g_av in Dutch numbers', () => {
		const out = html(render(ChangeIntervalChart, { props: { change: fullReport.change! } }).body);
		expect(out).toContain('Totaal: -1,9 (-2,6 tot -1,2)');
		expect(out).toContain('<td>-0,62</td>');
		expect(count(out, /<circle class="chart-line chart-ink dot"/g)).toBe(6 + 1);
		expect(count(out, /class="chart-line zero"/g)).toBe(2 + 1);
		expect(Math.min(...fontSizes(out))).toBeGreaterThanOrEqual(12);
	});
	it('uses English numbers on an English page', () => {
		const out = html(render(ChangeIntervalChart, { props: { change: fullReport.change!, lang: 'en' } }).body);
		expect(out).toContain('-1.9');
	});
});
