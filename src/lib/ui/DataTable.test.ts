import { describe, expect, it } from 'vitest';
import { createRawSnippet, type Component } from 'svelte';
import { render } from 'svelte/server';
import DataTable from './DataTable.svelte';
import type { Column } from './data-table';

type Visit = { id: string; at: string; who: string };
const rows: Visit[] = [
	{ id: 'a', at: '3 mrt 2026, 14:05', who: 'Joost de Vries' },
	{ id: 'b', at: '4 mrt 2026, 09:10', who: 'Sanne Bos' }
];
const link = createRawSnippet((visit: () => Visit) => ({ render: () => `<a href="/mensen/${visit().id}">Bekijk</a>` }));
const columns: Column<Visit>[] = [
	{ label: 'Wanneer', text: (visit) => visit.at, rowHeader: true },
	{ label: 'Wie', text: (visit) => visit.who },
	{ label: 'Openen', cell: link, labelHidden: true }
];

/** The markup without Svelte's hydration markers. */
type Options = {
	caption: string;
	showCaption?: boolean;
	layout?: 'stack' | 'scroll';
	key?: (visit: Visit) => string;
	group?: (visit: Visit) => string;
};
// render() cannot infer a generic component's type parameter; this is DataTable with Row = Visit.
const VisitTable = DataTable as unknown as Component<Options & { columns: Column<Visit>[]; rows: Visit[] }>;
const html = (props: Options) => render(VisitTable, { props: { columns, rows, ...props } }).body.replace(/<!--.*?-->/g, '');
const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;

describe('DataTable (server-rendered)', () => {
	const body = html({ caption: 'Wie keek mee', key: (visit) => visit.id });

	it('has a caption, a header per column and a row header per row', () => {
		expect(body).toMatch(/<caption class="[^"]*visually-hidden[^"]*">Wie keek mee<\/caption>/);
		expect(count(body, /<th scope="col"/g)).toBe(3);
		expect(body).toMatch(/<th scope="row"[^>]*>3 mrt 2026, 14:05<\/th>/);
		expect(count(body, /<th scope="row"/g)).toBe(2);
	});

	it('names each value by its column, for the stacked rows on a phone, except where the heading is hidden', () => {
		expect(body).toMatch(/<td data-label="Wie"[^>]*>Joost de Vries<\/td>/);
		expect(count(body, /data-label="Openen"/g)).toBe(0);
		expect(body).toContain('<span class="visually-hidden">Openen</span>');
		expect(body).toContain('<a href="/mensen/b">Bekijk</a>');
	});

	it('stacks by default and has no scroll region to reach', () => {
		expect(body).toMatch(/class="data-table stack/);
		expect(body).not.toContain('tabindex');
	});

	it('as a scroll region, is reachable by keyboard and named by its caption', () => {
		const scroll = html({ caption: 'Wie keek mee', showCaption: true, layout: 'scroll' });
		expect(scroll).toMatch(/<div class="data-table scroll[^"]*" role="region" aria-label="Wie keek mee" tabindex="0">/);
		expect(scroll).not.toContain('visually-hidden">Wie keek mee');
	});

	it('gives rows of the same day one heading, so each row shows only what differs', () => {
		const days = [...rows, { id: 'c', at: '4 mrt 2026, 11:30', who: 'Sanne Bos' }];
		const grouped = render(VisitTable, {
			props: { caption: 'Wie keek mee', columns, rows: days, group: (visit) => visit.at.split(',')[0] ?? '' }
		}).body.replace(/<!--.*?-->/g, '');
		expect(count(grouped, /<tbody/g)).toBe(2);
		expect(grouped).toMatch(/<th scope="rowgroup" colspan="3"[^>]*>3 mrt 2026<\/th>/);
		expect(grouped).toMatch(/<th scope="rowgroup" colspan="3"[^>]*>4 mrt 2026<\/th>/);
		expect(count(grouped, /<th scope="row"/g)).toBe(3);
	});
});
