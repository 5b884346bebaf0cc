/**
 * The programme's own words read at B1 level, as its content does: a Flesch-Douma reading ease of at least 60 over all
 * its Dutch messages together (the pages, the reminder mails, the consent and access-log words, the caseload signals
 * and the form errors), and no message that is one long sentence.
 */
import { describe, expect, it } from 'vitest';
import dutch from '../../../../messages/nl.json';
import english from '../../../../messages/en.json';
import { fleschDouma } from '$lib/features/content/readability';

const prefixes = ['programme_', 'reminder_', 'scope_programme', 'audit_client_programme', 'signal_week1', 'signal_no_step', 'error_week_invalid', 'error_choice_invalid', 'error_share_invalid', 'error_steps_too_many'];
// Some messages elsewhere are plural variants (objects); the programme's are plain strings.
const own = (catalog: object) =>
	Object.entries(catalog).filter((entry): entry is [string, string] => prefixes.some((prefix) => entry[0].startsWith(prefix)) && typeof entry[1] === 'string');

describe('the programme pages’ words', () => {
	const texts = own(dutch);

	it('has them in both languages, with the same placeholders', () => {
		expect(texts.length).toBeGreaterThan(100);
		const en = Object.fromEntries(own(english));
		for (const [key, text] of texts) {
			expect(en[key], key).toBeTypeOf('string');
			expect([...(en[key]!.matchAll(/\{(\w+)\}/g))].map((p) => p[1]).sort(), key).toEqual([...text.matchAll(/\{(\w+)\}/g)].map((p) => p[1]).sort());
		}
	});

	it('reads at B1 level in Dutch (Flesch-Douma ≥ 60)', () => {
		const sentences = texts.map(([, text]) => text.replace(/\{\w+\}/g, 'dit').replace(/([^.?!])$/, '$1.')).join(' ');
		const score = fleschDouma(sentences);
		expect(score, `the programme's Dutch messages score ${score.toFixed(1)}`).toBeGreaterThanOrEqual(60);
	});

	it('keeps every Dutch sentence short (at most 20 words)', () => {
		const long = texts.flatMap(([key, text]) => text.split(/[.?!]\s+/).filter((s) => s.split(/\s+/).length > 20).map((s) => `${key}: ${s}`));
		expect(long).toEqual([]);
	});
});
