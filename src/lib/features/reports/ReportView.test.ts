import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import ReportView from './ReportView.svelte';
import { fullReport, smallReport } from '$lib/ui/charts/report-sample.fixture';

const html = (body: string) => body.replace(/<!--.*?-->/g, '').replace(/ svelte-[a-z0-9]+/g, '');
const headings = (text: string) => [...text.matchAll(/<h2 id="report-([a-z]+)"/g)].map((match) => match[1]);

describe('ReportView', () => {
	it('shows a full report in the agreed order, each change in one sentence', () => {
		const out = html(render(ReportView, { props: { report: fullReport, locale: 'nl' } }).body);
		expect(headings(out)).toEqual(['funnel', 'outputs', 'change', 'reliable', 'bands', 'followup', 'context', 'method']);
		expect(out).toContain('Gemiddeld 1,9 punt lager: minder eenzaam.');
		expect(out).toContain('Een verandering van 3 punten of meer telt als echt.');
		expect(out).toContain('82%');
		expect(out).toContain('48,6%');
		expect(out).toContain('geen vergelijkingsgroep');
		expect(out).not.toContain('Daarom tonen we alleen aantallen');
	});

	it('shows only counts, and says why, below the minimum', () => {
		const out = html(render(ReportView, { props: { report: smallReport, locale: 'nl' } }).body);
		expect(headings(out)).toEqual(['funnel', 'context', 'method']);
		expect(out).toContain('Minder dan 10 mensen hebben een voor- en nameting. Daarom tonen we alleen aantallen.');
		expect(out).toContain('<span class="report-count">14</span>');
		expect(out.match(/<span class="report-count">minder dan 10<\/span>/g)).toHaveLength(3);
		expect(out).not.toContain('role="img"');
	});
});
