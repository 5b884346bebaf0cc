import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import HealthWebChart from './HealthWebChart.svelte';
import { healthWebDefinitions, healthWebDimensions, type HealthWebDimension, type HealthWebScores } from './health-web';
import { healthWebChartModel, labelLines } from './health-web-chart';

const web = (values: number[]): HealthWebScores =>
	Object.fromEntries(healthWebDimensions.map((dimension, index) => [dimension, values[index]])) as HealthWebScores;

const words = {
	title: 'Mijn gezondheidsweb',
	description: 'Meedoen 3 (was 5). Je wilt praten over meedoen.',
	dimensionLabels: Object.fromEntries(healthWebDimensions.map((d) => [d, healthWebDefinitions[d].name.nl])) as Record<HealthWebDimension, string>,
	legend: { current: 'Nu', previous: 'Vorige keer' },
	columnHeaders: { dimension: 'Onderdeel', previous: 'Vorige keer', current: 'Nu', change: 'Verschil', marked: 'Bespreken' },
	markedText: 'Hier wil ik over praten'
};

const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;
/** From the first `start` to the first `end` after it. */
const between = (html: string, start: string, end: string): string => {
	const from = html.indexOf(start);
	return from < 0 ? '' : html.slice(from, html.indexOf(end, from));
};

describe('HealthWebChart (server-rendered)', () => {
	const model = healthWebChartModel({ scores: web([7, 5, 2, 5, 3, 10]), discuss: ['participation'] }, web([5, 5, 5, 5, 5, 5]));
	const { body } = render(HealthWebChart, { props: { model, ...words } });
	const svg = between(body, '<svg class="health-web-svg', '</svg>');

	it('is an image named by its title and description', () => {
		expect(svg).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="health-web-title health-web-desc"/);
		expect(svg).toContain('<title id="health-web-title">Mijn gezondheidsweb</title>');
		expect(svg).toContain(`<desc id="health-web-desc">${words.description}</desc>`);
	});

	it('draws five rings (the centre is no ring), six axes and the six names, the marked one bold', () => {
		expect(count(svg, /<polygon class="ring[ "]/g)).toBe(5);
		expect(count(svg, /<line class="axis[ "]/g)).toBe(6);
		// A long name goes on two lines, one tspan each.
		for (const name of Object.values(words.dimensionLabels)) {
			for (const line of labelLines(name)) expect(svg).toContain(`>${line}</tspan>`);
		}
		expect(svg).toMatch(/<text class="dimension-label[^"]* marked"[^>]*><!--\[--><tspan[^>]*>Meedoen<\/tspan>/);
		expect(count(svg, /dimension-label[^"]* marked"/g)).toBe(1);
	});

	it('draws the previous web with squares and the current one with dots, told apart by shape and class', () => {
		const previous = between(svg, '<g class="web web-previous', '<g class="web web-current');
		const current = between(svg, '<g class="web web-current', '<g class="labels"');
		expect(count(previous, /<rect class="web-marker[ "]/g)).toBe(6);
		expect(count(previous, /<circle/g)).toBe(0);
		expect(count(current, /<circle class="web-marker[ "]/g)).toBe(6);
		expect(count(current, /<rect/g)).toBe(0);
		expect(current).toContain(`points="${model.current.polygon}"`);
	});

	it('has a legend with both webs in words', () => {
		const legend = between(body, '<ul class="legend', '</ul>');
		expect(count(legend, /<li[ >]/g)).toBe(2);
		expect(legend).toContain('Nu');
		expect(legend).toContain('Vorige keer');
	});

	it('lists the six dimensions in a table: previous, now, change with its sign, marked', () => {
		const table = between(body, '<table', '</table>');
		expect(table).toMatch(/<caption[^>]*>Mijn gezondheidsweb<\/caption>/);
		expect(count(between(table, '<tbody', '</tbody>'), /<tr/g)).toBe(6);
		const row = (name: string) => between(table, `>${name}</th>`, '</tr>');
		expect(row('Meedoen')).toMatch(/<td[^>]*>5<\/td>\s*<td[^>]*>3<\/td>\s*<td[^>]*>−2<\/td>\s*<td[^>]*>Hier wil ik over praten<\/td>/);
		expect(row('Lichaamsfuncties')).toMatch(/<td[^>]*>5<\/td>\s*<td[^>]*>7<\/td>\s*<td[^>]*>\+2<\/td>\s*<td[^>]*><\/td>/);
		expect(row('Mentaal welbevinden')).toMatch(/<td[^>]*>5<\/td>\s*<td[^>]*>5<\/td>\s*<td[^>]*>0<\/td>/);
	});

	it('without a previous web: no dashed web, no legend for it, empty cells in the table; a details element on request', () => {
		const first = healthWebChartModel({ scores: web([1, 2, 3, 4, 5, 6]), discuss: [] });
		const html = render(HealthWebChart, { props: { model: first, ...words, tableSummary: 'Toon als tabel' } }).body;
		expect(html).not.toContain('web-previous');
		expect(count(between(html, '<ul class="legend', '</ul>'), /<li[ >]/g)).toBe(1);
		expect(html).toMatch(/<details[^>]*><summary[^>]*>Toon als tabel<\/summary>/);
		expect(between(html, '>Meedoen</th>', '</tr>')).toMatch(/<td[^>]*>–<\/td>\s*<td[^>]*>5<\/td>\s*<td[^>]*>–<\/td>/);
	});
});
