/**
 * The words of the choice to count in the figures read at B1 level: a Flesch-Douma reading ease of at least 60 over
 * all of them together, short sentences, and the same placeholders in Dutch and English.
 */
import { describe, expect, it } from 'vitest';
import dutch from '../../../../messages/nl.json';
import english from '../../../../messages/en.json';
import { fleschDouma } from '$lib/features/content/readability';

const own = (catalog: object) => Object.entries(catalog).filter((entry): entry is [string, string] => entry[0].startsWith('reportconsent_') && typeof entry[1] === 'string');

describe('the words of counting in the figures', () => {
	const texts = own(dutch);

	it('has them in both languages, with the same placeholders', () => {
		expect(texts.length).toBeGreaterThan(15);
		const en = Object.fromEntries(own(english));
		for (const [key, text] of texts) {
			expect(en[key], key).toBeTypeOf('string');
			expect([...en[key]!.matchAll(/\{(\w+)\}/g)].map((p) => p[1]).sort(), key).toEqual([...text.matchAll(/\{(\w+)\}/g)].map((p) => p[1]).sort());
		}
	});

	it('reads at B1 level in Dutch (Flesch-Douma ≥ 60) in short sentences', () => {
		const sentences = texts.map(([, text]) => text.replace(/\{\w+\}/g, 'dit').replace(/([^.?!])$/, '$1.')).join(' ');
		const score = fleschDouma(sentences);
		expect(score, `score ${score.toFixed(1)}`).toBeGreaterThanOrEqual(60);
		const long = texts.flatMap(([key, text]) => text.split(/[.?!]\s+/).filter((s) => s.split(/\s+/).length > 20).map((s) => `${key}: ${s}`));
		expect(long).toEqual([]);
	});
});
