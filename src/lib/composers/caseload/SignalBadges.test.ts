/**
 * What a caseload badge gives beyond its title: the words beside the icon and this client's facts in hidden text,
 * read by screen readers; what each kind means is in the legend, once.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import SignalBadges from './SignalBadges.svelte';
import SignalLegend from './SignalLegend.svelte';
import { signalBadges } from './caseload-words';
import { caseloadSignalIds, type CaseloadSignal } from './signals';

const signals: CaseloadSignal[] = [
	{ id: 'severe_band', results: [{ instrument: 'djg-11', takenAt: '2026-12-01T10:00:00Z', total: 9, band: 'severely_lonely', basis: 'band' }] },
	{ id: 'score_worsened', changes: [{ instrument: 'djg-11', previous: 7, latest: 9, change: 2, takenAt: '2026-12-01T10:00:00Z' }] },
	{ id: 'discuss_unread', count: 2 },
	{ id: 'week1_unopened', day: 12 },
	{ id: 'group_dropout', groups: [{ groupId: 'g1', groupName: 'Samen op pad', signals: ['stopped', 'low_check_in'] }] },
	{ id: 'health_web_drop', drops: [{ dimension: 'bodily_functions', previous: 8, current: 4, change: -4 }] },
	{ id: 'inactive', lastActivityDay: null, days: null }
];

/** The markup without Svelte's hydration markers and style-scoping classes. */
const html = (body: string) =>
	body
		.replace(/<!--.*?-->/g, '')
		.replace(/ class="svelte-[a-z0-9]+"/g, '')
		.replace(/ svelte-[a-z0-9]+"/g, '"');

describe('signalBadges', () => {
	it('gives each badge its words, the client’s facts in words (no arrows) and the whole sentence', () => {
		const badges = signalBadges(signals);
		expect(badges.map(({ id, label, facts }) => [id, label, facts])).toEqual([
			['severe_band', 'Ernstige uitslag', 'DJG-11 9'],
			['score_worsened', 'Score hoger', 'DJG-11 van 7 naar 9'],
			['discuss_unread', 'Om te bespreken', '2 nog niet gelezen'],
			['week1_unopened', 'Week 1 niet geopend', 'dag 12'],
			['group_dropout', 'Gestopt', 'Groep: Samen op pad'],
			['group_dropout', 'Lage terugblik', 'Groep: Samen op pad'],
			['health_web_drop', 'Web lager', 'Lichaamsfuncties van 8 naar 4'],
			['inactive', 'Stil', 'al lang']
		]);
		expect(badges[1]!.title).toBe('Score 2 of meer hoger: DJG-11 7 → 9');
		expect(badges[4]!.title).toBe('Groep: Samen op pad');
		expect(signalBadges([{ id: 'no_step', lastActiveDay: '2026-11-28', days: 9 }])[0]!.facts).toBe('9 dagen');
		expect(signalBadges([{ id: 'inactive', lastActivityDay: '2026-11-20', days: 17 }])[0]!.facts).toBe('17 dagen');
	});
});

describe('SignalBadges and SignalLegend (server-rendered)', () => {
	it('renders each badge with its words, then its facts (hidden from sight by the component’s style), and its title', () => {
		const body = html(render(SignalBadges, { props: { badges: signalBadges(signals.slice(0, 2)) } }).body);
		expect(body).toBe(
			'<ul>' +
				'<li data-s="severe_band" title="Ernstige uitslag: DJG-11 9">Ernstige uitslag<span>: DJG-11 9</span></li>' +
				'<li data-s="score_worsened" title="Score 2 of meer hoger: DJG-11 7 → 9">Score hoger<span>: DJG-11 van 7 naar 9</span></li>' +
				'</ul>'
		);
	});

	it('renders no badge for a client without signals: an empty list', () => {
		expect(html(render(SignalBadges, { props: { badges: [] } }).body)).toBe('<ul></ul>');
	});

	it('explains every kind once, folded, with its icon and its badge’s words', () => {
		const body = html(render(SignalLegend).body);
		expect(body).toMatch(/^<details class="legend"><summary>Wat betekenen de signalen\?<\/summary>\s*<dl>/);
		expect(body).not.toContain(' open');
		for (const id of caseloadSignalIds) expect(body.match(new RegExp(`<dt data-s="${id}">[^<]+</dt><dd>[^<]+</dd>`, 'g'))).toHaveLength(1);
		expect(body).toContain('<dt data-s="score_worsened">Score hoger</dt><dd>De laatste score is 2 of meer punten hoger dan de vorige. Hoger is eenzamer.</dd>');
	});
});
