import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { getInstrument, type LonelinessBand } from '$lib/features/instruments/instruments';
import MeasurementHistoryChart from './MeasurementHistoryChart.svelte';
import { historyChartModel, type HistoryMeasurement } from './history-chart';

const djg11 = getInstrument('djg-11')!;
const ucla3 = getInstrument('ucla-3')!;

const words = {
	title: 'Eenzaamheid door de tijd',
	description: '3 metingen van 1 januari tot 1 maart; de laatste: 7, matig eenzaam',
	seriesLabels: { total: 'Totaal', emotional: 'Emotioneel', social: 'Sociaal' },
	bandLabels: Object.fromEntries(djg11.bands.map((band) => [band.id, band.label.nl])) as Record<LonelinessBand, string>,
	dateFormat: (instant: string) => `dag ${instant.slice(0, 10)}`,
	columnHeaders: { date: 'Datum', total: 'Totaal', emotional: 'Emotioneel', social: 'Sociaal', band: 'Uitkomst' }
};

const m = (day: string, total: number | null, emotional: number | null, social: number | null, band: LonelinessBand | null): HistoryMeasurement => ({
	takenAt: `${day}T10:00:00.000Z`,
	total,
	emotional,
	social,
	band
});

/** Without Svelte's hydration markers. */
const plain = (html: string): string => html.replace(/<!--.*?-->/g, '');
const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;
/** From the first `start` to the first `end` after it. */
const between = (html: string, start: string, end: string): string => {
	const from = html.indexOf(start);
	return from < 0 ? '' : html.slice(from, html.indexOf(end, from));
};

describe('MeasurementHistoryChart (server-rendered), DJG-11', () => {
	const model = historyChartModel(djg11, [
		m('2026-01-01', 2, 1, 1, 'not_lonely'),
		m('2026-02-01', 10, 6, 4, 'severely_lonely'),
		m('2026-03-01', 7, null, 3, 'moderately_lonely')
	]);
	const { body } = render(MeasurementHistoryChart, { props: { model, ...words } });
	const svg = between(body, '<svg class="history-chart-svg', '</svg>');

	it('is an image named by its title and description', () => {
		expect(svg).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="measurement-history-title measurement-history-desc"/);
		expect(svg).toContain('<title id="measurement-history-title">Eenzaamheid door de tijd</title>');
		expect(svg).toContain(`<desc id="measurement-history-desc">${words.description}</desc>`);
	});

	it('shades the four band zones with their names', () => {
		expect(count(svg, /<rect class="zone zone-/g)).toBe(4);
		for (const label of Object.values(words.bandLabels)) expect(svg).toMatch(new RegExp(`>${label}</text>`));
	});

	it('draws three lines told apart by marker shape: dots, squares and triangles', () => {
		const group = (key: string) => between(svg, `<g class="series series-${key}`, '</g>');
		expect(count(group('total'), /<circle class="marker/g)).toBe(3);
		expect(count(group('emotional'), /<rect class="marker/g)).toBe(2);
		expect(count(group('social'), /<polygon class="marker/g)).toBe(3);
		for (const key of ['total', 'emotional', 'social']) expect(group(key)).toMatch(/<path class="series-line[^"]*" d="M/);
		expect(svg).toContain('>dag 2026-02-01</text>');
	});

	it('has a legend with the three series in words', () => {
		const legend = between(body, '<ul class="legend', '</ul>');
		expect(count(legend, /<li[ >]/g)).toBe(3);
		for (const label of Object.values(words.seriesLabels)) expect(legend).toContain(label);
	});

	it('lists the measurements in a table: date, total, emotional, social, band; an empty cell for a missing score', () => {
		const table = plain(between(body, '<table', '</table>'));
		expect(table).toMatch(/<caption[^>]*>Eenzaamheid door de tijd<\/caption>/);
		expect(count(between(table, '<thead', '</thead>'), /<th scope="col"/g)).toBe(5);
		expect(count(between(table, '<tbody', '</tbody>'), /<tr/g)).toBe(3);
		expect(between(table, '>dag 2026-02-01</th>', '</tr>')).toMatch(/<td>10<\/td><td>6<\/td>\s*<td>4<\/td><td>sterk eenzaam<\/td>/);
		expect(between(table, '>dag 2026-03-01</th>', '</tr>')).toMatch(/<td>7<\/td><td>–<\/td>\s*<td>3<\/td><td>matig eenzaam<\/td>/);
	});
});

describe('MeasurementHistoryChart (server-rendered), UCLA-3 and edge cases', () => {
	it('shows UCLA-3 with one line, no legend, no subscale columns and the indication as a line and in the table', () => {
		const model = historyChartModel(ucla3, [m('2026-01-01', 4, null, null, null), m('2026-02-01', 7, null, null, null)]);
		const { body } = render(MeasurementHistoryChart, {
			props: { model, ...words, bandLabels: {}, indicationLabel: 'Aanwijzing voor eenzaamheid', tableSummary: 'Toon als tabel' }
		});
		expect(count(body, /<rect class="zone/g)).toBe(0);
		expect(body).toMatch(/<line class="indication/);
		expect(body).toContain('>Aanwijzing voor eenzaamheid</text>');
		expect(body).not.toContain('<ul class="legend');
		expect(body).toMatch(/<details[^>]*><summary[^>]*>Toon als tabel<\/summary>/);
		const table = plain(between(body, '<table', '</table>'));
		expect(count(between(table, '<thead', '</thead>'), /<th scope="col"/g)).toBe(3);
		expect(between(table, '>dag 2026-01-01</th>', '</tr>')).toMatch(/<td>4<\/td><td>–<\/td>/);
		expect(between(table, '>dag 2026-02-01</th>', '</tr>')).toMatch(/<td>7<\/td><td>Aanwijzing voor eenzaamheid<\/td>/);
	});

	it('renders two measurements at the same instant, and no table without measurements', () => {
		const same = historyChartModel(djg11, [m('2026-01-01', 2, 1, 1, 'not_lonely'), m('2026-01-01', 3, 2, 1, 'moderately_lonely')]);
		const html = render(MeasurementHistoryChart, { props: { model: same, ...words } }).body;
		expect(count(between(html, '<tbody', '</tbody>'), /<tr/g)).toBe(2);
		const empty = render(MeasurementHistoryChart, { props: { model: historyChartModel(djg11, []), ...words } }).body;
		expect(empty).not.toContain('<table');
		expect(empty).not.toContain('<path');
	});
});
