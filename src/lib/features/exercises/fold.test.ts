import { describe, expect, it } from 'vitest';
import { foldInstructions } from './fold';
import { getExercise } from './exercises.content';

describe('folded instructions', () => {
	it('keeps the first lines and the way to help open, and folds the steps', () => {
		const html = '<p>Even stilstaan helpt.</p>\n<h2>Zo doe je het</h2>\n<ol><li>Kies.</li></ol>\n<p>Klaar.</p>\n<p>Te zwaar? Zie <a href="/nl/hulp">hulp</a>.</p>\n';
		expect(foldInstructions(html)).toEqual({
			intro: '<p>Even stilstaan helpt.</p>\n',
			more: '<h2>Zo doe je het</h2>\n<ol><li>Kies.</li></ol>\n<p>Klaar.</p>',
			help: '<p>Te zwaar? Zie <a href="/nl/hulp">hulp</a>.</p>'
		});
	});

	it('leaves a text without headings open', () => {
		expect(foldInstructions('<p>Kort.</p>')).toEqual({ intro: '<p>Kort.</p>', more: '', help: '' });
	});

	it.each(['nl', 'en'] as const)('folds the journal in %s without losing a word', (locale) => {
		const html = getExercise(locale, 'journal')?.html ?? '';
		const folded = foldInstructions(html);
		expect(folded.intro).not.toBe('');
		expect(folded.more).toMatch(/^<h2/);
		expect(folded.help).toMatch(/href="\/(nl\/hulp|en\/help)"/);
		expect((folded.intro + folded.more + folded.help).replace(/\s/g, '')).toBe(html.replace(/\s/g, ''));
	});
});
