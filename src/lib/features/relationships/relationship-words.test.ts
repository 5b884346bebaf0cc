/**
 * Every id of the map's vocabularies has its own words, so a status or a kind is never shown as a bare id, and two
 * statuses never read the same (status is said in words, not by colour or shape alone).
 */
import { describe, expect, it } from 'vitest';
import { contactBrings, contactCircles, contactKinds, contactRhythms, type ContactStatus } from './relationships';
import { bringsWords, circleWords, feelingWords, kindWords, rhythmWords, statusWords } from './relationship-words';

const statuses: ContactStatus[] = ['on_track', 'due_soon', 'overdue', 'no_goal'];

function expectDistinctWords(words: string[], ids: readonly (string | number)[]) {
	expect(words).toHaveLength(ids.length);
	for (const word of words) {
		expect(word.trim().length).toBeGreaterThan(1);
		// Not an id leaking through: ids have underscores, words do not.
		expect(word).not.toMatch(/_/);
	}
	expect(new Set(words.map((w) => w.toLowerCase())).size).toBe(words.length);
}

describe('the relationship map in words (Dutch, the default)', () => {
	it('says each status in its own words', () => {
		const words = statusWords();
		expectDistinctWords(statuses.map((s) => words[s]), statuses);
		expect(words.on_track).toBe('Het contact loopt');
		expect(words.due_soon).toBe('Binnenkort weer contact');
		expect(words.overdue).toBe('Al even geleden');
	});
	it('names every circle, need, rhythm, kind and feeling', () => {
		const circles = circleWords();
		expectDistinctWords(contactCircles.map((c) => circles[c].name), contactCircles);
		expectDistinctWords(contactCircles.map((c) => circles[c].hint), contactCircles);
		const needs = bringsWords();
		expectDistinctWords(contactBrings.map((b) => needs[b]), contactBrings);
		const rhythms = rhythmWords();
		expectDistinctWords(contactRhythms.map((r) => rhythms[r]), contactRhythms);
		const kinds = kindWords();
		expectDistinctWords(contactKinds.map((k) => kinds[k].done), contactKinds);
		expectDistinctWords(contactKinds.map((k) => kinds[k].plan), contactKinds);
		const feelings = feelingWords();
		expectDistinctWords(([1, 2, 3, 4, 5] as const).map((f) => feelings[f]), [1, 2, 3, 4, 5]);
	});
});
