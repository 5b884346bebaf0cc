/**
 * The group words read at B1 level: for each audience (the participant's pages, card and mails; the leader's and
 * admin's pages and mails; the client page and caseload), a Flesch-Douma reading ease of at least 60 over all of them
 * together, both languages with the same placeholders, and no Dutch sentence longer than 20 words.
 */
import { describe, expect, it } from 'vitest';
import dutch from '../../../../messages/nl.json';
import english from '../../../../messages/en.json';
import { fleschDouma } from '$lib/features/content/readability';

const audiences = [
	{ prefix: 'groupme_', who: 'a participant', atLeast: 80 },
	{ prefix: 'group_', who: 'a leader or admin', atLeast: 100 },
	{ prefix: 'groupfile_', who: 'a professional on the client page', atLeast: 5 }
] as const;

describe.each(audiences)('the group words $who reads ($prefix)', ({ prefix, atLeast }) => {
	const own = (catalog: object) => Object.entries(catalog).filter((entry): entry is [string, string] => entry[0].startsWith(prefix) && typeof entry[1] === 'string');
	const texts = own(dutch);

	it('has them in both languages, with the same placeholders', () => {
		expect(texts.length).toBeGreaterThan(atLeast);
		const en = Object.fromEntries(own(english));
		for (const [key, text] of texts) {
			expect(en[key], key).toBeTypeOf('string');
			expect([...en[key]!.matchAll(/\{(\w+)\}/g)].map((p) => p[1]).sort(), key).toEqual([...text.matchAll(/\{(\w+)\}/g)].map((p) => p[1]).sort());
		}
	});

	it('reads at B1 level in Dutch (Flesch-Douma ≥ 60)', () => {
		const sentences = texts.map(([, text]) => text.replace(/\{\w+\}/g, 'dit').replace(/([^.?!])$/, '$1.')).join(' ');
		const score = fleschDouma(sentences);
		expect(score, `the Dutch ${prefix} messages score ${score.toFixed(1)}`).toBeGreaterThanOrEqual(60);
	});

	it('keeps every Dutch sentence short (at most 20 words)', () => {
		const long = texts.flatMap(([key, text]) => text.split(/[.?!]\s+/).filter((s) => s.split(/\s+/).length > 20).map((s) => `${key}: ${s}`));
		expect(long).toEqual([]);
	});
});
