import { describe, expect, it } from 'vitest';
import { csvDownload, csvFileName } from './csv-download';

describe('csvFileName', () => {
	it('makes a plain slug of the title and adds the local day', () => {
		expect(csvFileName('Eenzaamheid Café "De Brug" 2025!', '2026-03-02T10:00:00.000Z')).toBe('brug-rapport-eenzaamheid-cafe-de-brug-2025-2026-03-02.csv');
	});
	it('falls back to a word when the title has no plain letters', () => {
		expect(csvFileName('***', '2026-03-02T10:00:00.000Z')).toBe('brug-rapport-rapport-2026-03-02.csv');
	});
});

describe('csvDownload', () => {
	it('is an uncached CSV attachment', () => {
		const response = csvDownload('a,b\r\n', 'Groepen', '2026-03-02T10:00:00.000Z');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="brug-rapport-groepen-2026-03-02.csv"');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
	});
});
