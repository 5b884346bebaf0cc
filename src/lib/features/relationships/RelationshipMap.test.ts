import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import RelationshipMap from './RelationshipMap.svelte';
import { mapCircles, mapStatuses, relationshipMapModel, type MapCircle, type MapPersonInput, type MapStatus } from './relationship-map';

const words = {
	title: 'Mijn relatiekaart',
	circleLabels: { intimate: 'Dichtbij', friends: 'Vrienden', community: 'Omgeving' },
	statusLabels: { on_track: 'goed bezig', due_soon: 'binnenkort weer contact', overdue: 'al even geleden', no_goal: 'geen doel' },
	legendTitle: 'Wat de vormen betekenen',
	tableCaption: 'Mensen in mijn leven',
	columnHeaders: { name: 'Naam', circle: 'Kring', status: 'Contact' },
	hrefFor: (id: string) => `/relaties/${id}`
} as const;

const three: MapPersonInput[] = [
	{ id: 'p1', name: 'Anna', circle: 'friends', status: 'due_soon' },
	{ id: 'p2', name: 'Bram', circle: 'intimate', status: 'on_track' },
	{ id: 'p3', name: 'Chantal van der Berg-Oosterhuis', circle: 'community', status: 'overdue' }
];

const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;
const between = (html: string, start: string, end: string): string => html.slice(html.indexOf(start), html.indexOf(end));

describe('RelationshipMap (server-rendered), three people', () => {
	const { body } = render(RelationshipMap, { props: { model: relationshipMapModel(three), ...words } });
	const svg = between(body, '<svg class="map-svg', '</svg>');

	it('is a group named by its title, not an image, so the links inside stay reachable', () => {
		expect(svg).toMatch(/<svg[^>]*role="group"[^>]*aria-labelledby="relationship-map-title"/);
		expect(svg).not.toContain('role="img"');
		expect(svg).toContain('<title id="relationship-map-title">Mijn relatiekaart</title>');
		expect(svg).not.toContain('<desc');
	});

	it('makes every person a link with an accessible name of name, circle and status', () => {
		expect(count(svg, /<a /g)).toBe(3);
		expect(svg).toContain('href="/relaties/p1" aria-label="Anna, Vrienden, binnenkort weer contact"');
		expect(svg).toContain('href="/relaties/p2" aria-label="Bram, Dichtbij, goed bezig"');
		expect(svg).toContain(
			'href="/relaties/p3" aria-label="Chantal van der Berg-Oosterhuis, Omgeving, al even geleden"'
		);
		// The same words as a tooltip for pointer users.
		expect(svg).toContain('<title>Anna, Vrienden, binnenkort weer contact</title>');
	});

	it('puts people in tab order from the inside out', () => {
		const hrefs = [...svg.matchAll(/<a [^>]*href="([^"]+)"/g)].map((match) => match[1]);
		expect(hrefs).toEqual(['/relaties/p2', '/relaties/p1', '/relaties/p3']);
	});

	it('draws the three rings, their names and a visible label per person, long names cut', () => {
		expect(count(svg, /<circle class="ring /g)).toBe(3);
		for (const word of Object.values(words.circleLabels)) expect(svg).toContain(`>${word}</text>`);
		expect(svg).toMatch(/<g class="ring-titles"[^>]*aria-hidden="true"/);
		expect(count(svg, /<text class="label/g)).toBe(3);
		expect(svg).toMatch(/>Chantal van…<\/text>/);
	});

	it('marks status by shape: one marker per person, with the shape in its class', () => {
		expect(svg).toMatch(/class="person status-due_soon[^"]*"[^>]*href="\/relaties\/p1"/);
		expect(count(svg, /class="marker marker-ring/g)).toBe(1);
		expect(count(svg, /class="marker marker-circle/g)).toBe(1);
		expect(count(svg, /class="marker marker-triangle/g)).toBe(1);
		expect(svg).toMatch(/class="marker marker-ring[^"]*"[^>]*stroke-width="3.6"/);
	});

	it('has a legend with every status shape in words', () => {
		const legend = between(body, '<div class="legend', '</ul>');
		expect(legend).toContain('Wat de vormen betekenen');
		expect(legend).toMatch(/<ul[^>]*aria-labelledby="relationship-map-legend"/);
		expect(count(legend, /<li/g)).toBe(4);
		for (const status of mapStatuses) {
			expect(legend).toMatch(new RegExp(`<li class="status-${status}[^>]*>.*?${words.statusLabels[status]}`, 's'));
		}
		expect(count(legend, /<svg[^>]*aria-hidden="true"/g)).toBe(4);
	});

	it('lists the same people in a table: name as a link, circle and status in words', () => {
		const table = between(body, '<table', '</table>');
		expect(table).toMatch(/<caption[^>]*>Mensen in mijn leven<\/caption>/);
		expect(table).toMatch(/<th scope="col"[^>]*>Naam<\/th><th scope="col"[^>]*>Kring<\/th><th scope="col"[^>]*>Contact<\/th>/);
		const rows = between(table, '<tbody', '</tbody>');
		expect(count(rows, /<tr/g)).toBe(3);
		expect(rows).toMatch(
			/<th scope="row"[^>]*><a href="\/relaties\/p2">Bram<\/a><\/th><td[^>]*>Dichtbij<\/td><td[^>]*>goed bezig<\/td>/
		);
		expect(rows).toContain('>Chantal van der Berg-Oosterhuis</a>');
		expect(body).not.toContain('<details');
	});

	it('has no inline styles (CSP) and needs no script', () => {
		expect(body).not.toMatch(/\sstyle=/);
		expect(body).not.toContain('<script');
	});
});

describe('RelationshipMap (server-rendered), 150 people', () => {
	const people: MapPersonInput[] = Array.from({ length: 150 }, (_, index) => ({
		id: `p${index}`,
		name: `Persoon ${index}`,
		circle: mapCircles[index % 3] as MapCircle,
		status: mapStatuses[index % 4] as MapStatus
	}));
	const { body } = render(RelationshipMap, { props: { model: relationshipMapModel(people), ...words } });
	const svg = between(body, '<svg class="map-svg', '</svg>');

	it('has a link with a full accessible name for each of the 150', () => {
		expect(count(svg, /<a /g)).toBe(150);
		expect(new Set([...svg.matchAll(/href="([^"]+)"/g)].map((match) => match[1])).size).toBe(150);
		expect(count(svg, /aria-label="Persoon \d+, (Dichtbij|Vrienden|Omgeving), [^"]+"/g)).toBe(150);
		expect(svg).toContain('aria-label="Persoon 149, Omgeving, binnenkort weer contact"');
	});

	it('leaves out labels in crowded rings, and keeps the legend and all 150 rows', () => {
		expect(count(svg, /<text class="label/g)).toBe(0);
		expect(count(between(body, '<tbody', '</tbody>'), /<tr/g)).toBe(150);
		expect(count(between(body, '<div class="legend', '</ul>'), /<li/g)).toBe(4);
	});
});

describe('RelationshipMap (server-rendered), options', () => {
	it('describes the map, names the middle and folds the table away on request', () => {
		const { body } = render(RelationshipMap, {
			props: {
				model: relationshipMapModel(three),
				...words,
				description: '1 dichtbij, 1 vriend, 1 in je omgeving',
				centreLabel: 'Ik',
				tableSummary: 'Toon als tabel',
				id: 'kaart'
			}
		});
		expect(body).toMatch(/<svg[^>]*aria-labelledby="kaart-title"[^>]*aria-describedby="kaart-desc"/);
		expect(body).toContain('<desc id="kaart-desc">1 dichtbij, 1 vriend, 1 in je omgeving</desc>');
		expect(body).toMatch(/<text class="centre-label[^>]*>Ik<\/text>/);
		expect(body).toMatch(/<details[^>]*><summary[^>]*>Toon als tabel<\/summary>/);
		expect(body).not.toMatch(/<details[^>]*open/);
	});

	it('shows the rings and legend without people, and no empty table', () => {
		const { body } = render(RelationshipMap, { props: { model: relationshipMapModel([]), ...words } });
		expect(count(body, /<circle class="ring /g)).toBe(3);
		expect(body).not.toContain('<a ');
		expect(body).not.toContain('<table');
		expect(body).toContain('Wat de vormen betekenen');
	});

	it('escapes names', () => {
		const model = relationshipMapModel([{ id: 'x', name: 'Tom & "Jerry" <b>', circle: 'friends', status: 'no_goal' }]);
		const { body } = render(RelationshipMap, { props: { model, ...words } });
		expect(body).not.toContain('<b>');
		expect(body).toContain('aria-label="Tom &amp; &quot;Jerry&quot; &lt;b>, Vrienden, geen doel"');
	});
});
