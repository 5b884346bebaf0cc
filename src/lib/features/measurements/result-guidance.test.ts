import { describe, expect, it } from 'vitest';
import { instruments, scoreInstrument, type Answers } from '$lib/features/instruments/instruments';
import { emphasisOf, needsProminentHelp, nextStepPaths, nextStepsFor } from './result-guidance';

const djg11 = instruments['djg-11'];
const emotionalItems = [2, 3, 5, 6, 9, 10];
const socialItems = [1, 4, 7, 8, 11];

/** Answers with the given number of lonely answers per subscale (negative items "yes", positive items "no"). */
function answersWith(emotional: number, social: number): Answers {
	const answers: Answers = {};
	emotionalItems.forEach((n, i) => (answers[n] = i < emotional ? 'yes' : 'no'));
	socialItems.forEach((n, i) => (answers[n] = i < social ? 'no' : 'yes'));
	return answers;
}

const score = (emotional: number, social: number) => scoreInstrument(djg11, answersWith(emotional, social));

describe('emphasisOf', () => {
	it('is neither when nothing is missed', () => {
		expect(emphasisOf(score(0, 0))).toBe('neither');
	});
	it('is emotional when the emotional share is larger', () => {
		expect(emphasisOf(score(4, 1))).toBe('emotional');
		expect(emphasisOf(score(2, 0))).toBe('emotional');
	});
	it('is social when the social share is larger', () => {
		expect(emphasisOf(score(1, 4))).toBe('social');
		// 2 of 6 (0.33) against 2 of 5 (0.4): social weighs more.
		expect(emphasisOf(score(2, 2))).toBe('social');
	});
	it('is both when at least half of each subscale is lonely', () => {
		expect(emphasisOf(score(3, 3))).toBe('both');
		expect(emphasisOf(score(6, 5))).toBe('both');
	});
	it('is both on equal shares', () => {
		const djg6 = instruments['djg-6'];
		// DJG-6: items 3, 9, 10 emotional; 4, 7, 8 social; one lonely answer in each.
		const s = scoreInstrument(djg6, { 3: 'yes', 9: 'no', 10: 'no', 4: 'no', 7: 'yes', 8: 'yes' });
		expect(s.subscales).toEqual({ emotional: 1, social: 1 });
		expect(emphasisOf(s)).toBe('both');
	});
	it('is neither when a subscale is missing', () => {
		const partial = scoreInstrument(djg11, { 1: 'no', 2: 'yes' });
		expect(emphasisOf(partial)).toBe('neither');
	});
});

describe('nextStepsFor', () => {
	it('keeps what works when not lonely', () => {
		const s = score(1, 1);
		expect(s.band).toBe('not_lonely');
		expect(nextStepsFor(s)[0]).toBe('keep_what_works');
		expect(nextStepsFor(s)).toHaveLength(3);
	});
	it('aims moderate loneliness at the subscale that stands out', () => {
		expect(nextStepsFor(score(5, 0))).toEqual(['one_honest_sentence', 'plan_one_to_one', 'notice_kindness']);
		expect(nextStepsFor(score(0, 4))).toEqual(['greet_by_name', 'same_place_routine', 'join_something_weekly']);
		expect(nextStepsFor(score(3, 3))).toEqual(['one_honest_sentence', 'greet_by_name', 'notice_kindness']);
	});
	it('puts talking to someone first for severe bands', () => {
		for (const [e, s] of [
			[5, 4],
			[6, 4],
			[6, 5]
		] as const) {
			const result = score(e, s);
			expect(['severely_lonely', 'very_severely_lonely']).toContain(result.band);
			expect(nextStepsFor(result)[0]).toBe('talk_to_someone');
			expect(nextStepsFor(result).length).toBeLessThanOrEqual(3);
		}
	});
	it('gives no steps without a band', () => {
		expect(nextStepsFor(scoreInstrument(djg11, { 1: 'no' }))).toEqual([]);
	});
	it('always gives two or three distinct steps when there is a band', () => {
		for (let e = 0; e <= 6; e++) {
			for (let s = 0; s <= 5; s++) {
				const steps = nextStepsFor(score(e, s));
				expect(steps.length).toBeGreaterThanOrEqual(2);
				expect(steps.length).toBeLessThanOrEqual(3);
				expect(new Set(steps).size).toBe(steps.length);
			}
		}
	});
});

describe('needsProminentHelp', () => {
	it('is true only for the severe bands', () => {
		expect(needsProminentHelp('severely_lonely')).toBe(true);
		expect(needsProminentHelp('very_severely_lonely')).toBe(true);
		expect(needsProminentHelp('moderately_lonely')).toBe(false);
		expect(needsProminentHelp('not_lonely')).toBe(false);
		expect(needsProminentHelp(null)).toBe(false);
	});
});

describe('nextStepPaths', () => {
	it('leads every next step to an exercise, a small step or help that exists in both languages', async () => {
		const { getExercise, getStep } = await import('$lib/features/exercises/exercises.content');
		for (const path of Object.values(nextStepPaths)) {
			const exercise = /^\/oefeningen\/([a-z-]+)$/.exec(path)?.[1];
			const step = /^\/stappen#([a-z-]+)$/.exec(path)?.[1];
			for (const locale of ['nl', 'en'] as const) {
				if (exercise) expect(getExercise(locale, exercise), path).toBeDefined();
				else if (step) expect(getStep(locale, step), path).toBeDefined();
				else expect(path).toBe('/hulp');
			}
		}
	});
});
