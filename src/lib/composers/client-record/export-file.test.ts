import { describe, expect, it } from 'vitest';
import { attachmentDisposition, exportFileName } from './export-file';

const personId = '3f2a9c1e-0000-4000-8000-000000000001';
const name = (chosenName: string | null, extension = 'csv') => exportFileName({ chosenName, personId, day: '2026-12-07', extension });

describe('exportFileName', () => {
	it('carries the chosen name, folded to ASCII, and the day', () => {
		expect(name('Anna', 'fhir.json')).toEqual({ ascii: 'brug-metingen-anna-2026-12-07.fhir.json', unicode: 'brug-metingen-anna-2026-12-07.fhir.json' });
		expect(name('Zoë Ångström-de Vries')).toEqual({
			ascii: 'brug-metingen-zoe-angstrom-de-vries-2026-12-07.csv',
			unicode: 'brug-metingen-zoë-ångström-de-vries-2026-12-07.csv'
		});
		expect(name('Jürgen Strauß').ascii).toBe('brug-metingen-jurgen-strauss-2026-12-07.csv');
		expect(name('Søren Łukasz Æbelø').ascii).toBe('brug-metingen-soren-lukasz-aebelo-2026-12-07.csv');
	});

	it('leaves out what a file name cannot hold: quotes, slashes, dots, spaces at the ends', () => {
		const { ascii, unicode } = name(' "../Anna" / o\'Neil \\ ');
		expect(ascii).toBe('brug-metingen-anna-o-neil-2026-12-07.csv');
		expect(unicode).toBe('brug-metingen-anna-o-neil-2026-12-07.csv');
		expect(name('A'.repeat(200)).ascii).toBe(`brug-metingen-${'a'.repeat(40)}-2026-12-07.csv`);
	});

	it('without a chosen name, or with nothing left of it, uses the start of brug’s id, never more', () => {
		expect(name(null).ascii).toBe('brug-metingen-3f2a9c1e-2026-12-07.csv');
		expect(name('').ascii).toBe('brug-metingen-3f2a9c1e-2026-12-07.csv');
		expect(name('✿✿')).toEqual({ ascii: 'brug-metingen-3f2a9c1e-2026-12-07.csv', unicode: 'brug-metingen-3f2a9c1e-2026-12-07.csv' });
		// Letters without an ASCII form stay in `filename*` only.
		expect(name('李雷')).toEqual({ ascii: 'brug-metingen-3f2a9c1e-2026-12-07.csv', unicode: 'brug-metingen-李雷-2026-12-07.csv' });
	});
});

describe('attachmentDisposition', () => {
	it('gives both filename and an RFC 8187 filename*', () => {
		expect(attachmentDisposition(name('Zoë'))).toBe(
			"attachment; filename=\"brug-metingen-zoe-2026-12-07.csv\"; filename*=UTF-8''brug-metingen-zo%C3%AB-2026-12-07.csv"
		);
		expect(attachmentDisposition({ ascii: 'a.csv', unicode: "it's (1)*.csv" })).toBe(
			"attachment; filename=\"a.csv\"; filename*=UTF-8''it%27s%20%281%29%2A.csv"
		);
	});
});
