/**
 * Every Dutch text brug shows as content must read at B1 level: a Flesch-Douma reading ease of at least 60 on the
 * body (front matter is metadata, not reading text).
 */
import { describe, expect, it } from 'vitest';
import { fleschDouma } from './readability';

const minimumReadingEase = 60;

const dutchFiles = import.meta.glob<string>('/content/nl/**/*.md', { query: '?raw', import: 'default', eager: true });

function body(raw: string): string {
	return raw.replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---(?:\n|$)/, '');
}

describe('Dutch content reads at B1 level', () => {
	const files = Object.keys(dutchFiles).sort();

	it('finds the Dutch content', () => {
		expect(files.some((f) => f.startsWith('/content/nl/pages/'))).toBe(true);
		expect(files.some((f) => f.startsWith('/content/nl/exercises/'))).toBe(true);
		expect(files.some((f) => f.startsWith('/content/nl/steps/'))).toBe(true);
		expect(files.some((f) => f.startsWith('/content/nl/glossary/'))).toBe(true);
		expect(files.some((f) => f.startsWith('/content/nl/programme/'))).toBe(true);
	});

	it.each(files)('%s scores at least 60 on Flesch-Douma', (file) => {
		const score = fleschDouma(body(dutchFiles[file] ?? ''));
		expect(score, `${file} scores ${score.toFixed(1)} on Flesch-Douma; at least ${minimumReadingEase} is needed`).toBeGreaterThanOrEqual(
			minimumReadingEase
		);
	});
});
