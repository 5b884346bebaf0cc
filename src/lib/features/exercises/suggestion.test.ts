import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suggestExercise } from './suggestion';

const exercises = [
	{ id: 'journal', mechanisms: ['no_self_reflection'] },
	{ id: 'one-honest-sentence', mechanisms: ['fear_of_vulnerability'] },
	{ id: 'share-what-matters', mechanisms: ['fear_of_vulnerability', 'external_validation'] },
	{ id: 'greet-by-name', mechanisms: ['underrated_community'] }
];
const today = '2026-11-21';

describe('suggestExercise', () => {
	it('picks an exercise for the strongest pattern', () => {
		const id = suggestExercise({ exercises, strongest: ['fear_of_vulnerability', 'underrated_community'], lastDone: new Map(), today });
		expect(['one-honest-sentence', 'share-what-matters']).toContain(id);
	});
	it('skips what was done in the last three days, and moves to the next pattern', () => {
		const lastDone = new Map([
			['one-honest-sentence', '2026-11-20'],
			['share-what-matters', '2026-11-18']
		]);
		expect(suggestExercise({ exercises, strongest: ['fear_of_vulnerability', 'underrated_community'], lastDone, today })).toBe('greet-by-name');
	});
	it('without a saved pattern check, suggests something not done lately', () => {
		const lastDone = new Map([
			['journal', today],
			['one-honest-sentence', today],
			['share-what-matters', today]
		]);
		expect(suggestExercise({ exercises, strongest: [], lastDone, today })).toBe('greet-by-name');
	});
	it('when everything was done lately, suggests the one done longest ago', () => {
		const lastDone = new Map([
			['journal', '2026-11-21'],
			['one-honest-sentence', '2026-11-20'],
			['share-what-matters', '2026-11-19'],
			['greet-by-name', '2026-11-21']
		]);
		expect(suggestExercise({ exercises, strongest: [], lastDone, today })).toBe('share-what-matters');
	});
	it('has nothing to suggest without exercises', () => {
		expect(suggestExercise({ exercises: [], strongest: [], lastDone: new Map(), today })).toBeNull();
	});
	it('is the same all day, and always one of the exercises', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 3000 }), fc.subarray(['fear_of_vulnerability', 'no_self_reflection', 'waiting']), (offset, strongest) => {
				const day = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
				const first = suggestExercise({ exercises, strongest, lastDone: new Map(), today: day });
				expect(exercises.map((e) => e.id)).toContain(first);
				expect(suggestExercise({ exercises, strongest, lastDone: new Map(), today: day })).toBe(first);
			})
		);
	});
});
