import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import MoodChart from './MoodChart.svelte';
import { moodChartModel } from './mood-chart';

const labels = {
	title: 'Mijn stemming in de afgelopen 4 weken',
	description: '3 dagen met een notitie in de afgelopen 4 weken; gemiddelde stemming 3,5',
	moodLabels: { 1: 'Heel slecht', 2: 'Niet zo goed', 3: 'Gaat wel', 4: 'Goed', 5: 'Heel goed' },
	dayFormat: (day: string) => `dag ${day.slice(8)}`,
	tableSummary: 'Toon als tabel',
	dayHeader: 'Dag',
	moodHeader: 'Stemming'
} as const;

const model = moodChartModel(
	[
		{ day: '2026-03-02', mood: 2 },
		{ day: '2026-03-03', mood: 4 },
		{ day: '2026-03-03', mood: 5 },
		{ day: '2026-03-20', mood: 4 }
	],
	{ endDay: '2026-03-28' }
);

const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;

describe('MoodChart (server-rendered)', () => {
	const { body } = render(MoodChart, { props: { model, ...labels } });

	it('is an image named by its title and description', () => {
		expect(body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="mood-chart-title mood-chart-desc"/);
		expect(body).toContain(`<title id="mood-chart-title">${labels.title}</title>`);
		expect(body).toContain(`<desc id="mood-chart-desc">${labels.description}</desc>`);
	});

	it('draws one dot per day with an entry, the mood words on the axis and day labels below', () => {
		expect(count(body, /<circle/g)).toBe(3);
		for (const word of Object.values(labels.moodLabels)) expect(body).toContain(word);
		// Under the chart only day and month, so that weekly labels fit on a phone.
		expect(body).toContain('>28 mrt</text>');
	});

	it('has a table with one row per day with an entry, inside a closed details element', () => {
		expect(body).toMatch(/<details[^>]*><summary[^>]*>Toon als tabel<\/summary>/);
		expect(body).not.toMatch(/<details[^>]*open/);
		expect(body).toMatch(new RegExp(`<caption[^>]*>${labels.title}</caption>`));
		const tbody = body.slice(body.indexOf('<tbody'), body.indexOf('</tbody>'));
		expect(count(tbody, /<tr/g)).toBe(3);
		expect(tbody).toContain('Niet zo goed');
		expect(tbody).toContain('Heel goed (4,5)');
	});

	it('shows the table openly on request and leaves it out without entries', () => {
		const open = render(MoodChart, { props: { model, ...labels, tableInDetails: false } }).body;
		expect(open).not.toContain('<details');
		expect(open).toContain('<table');
		const empty = render(MoodChart, { props: { model: moodChartModel([], { endDay: '2026-03-28' }), ...labels } }).body;
		expect(count(empty, /<circle/g)).toBe(0);
		expect(empty).not.toContain('<table');
		expect(empty).not.toContain('<path');
	});
});
