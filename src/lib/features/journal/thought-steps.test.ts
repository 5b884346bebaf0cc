import { describe, expect, it } from 'vitest';
import { mergeThoughtStep, thoughtFormValues, thoughtStepFrom, thoughtSteps } from './thought-steps';
import { thoughtRecordSchema, type ThoughtRecordInput } from './self-help.schema';

const saved: ThoughtRecordInput = {
	situation: 'Niemand belde terug.',
	thought: 'Ze vinden me saai.',
	beliefBefore: 80,
	factsFor: null,
	factsAgainst: null,
	alternative: null,
	beliefAfter: null,
	smallAction: null
};

describe('the thought check in steps', () => {
	it('asks every field of the record once, in a few short steps', () => {
		expect(thoughtSteps.flat().sort()).toEqual(Object.keys(thoughtRecordSchema.shape).sort());
		expect(thoughtSteps.length).toBe(4);
		for (const step of thoughtSteps) expect(step.length).toBeLessThanOrEqual(3);
	});

	it.each([
		[null, 1],
		['2', 2],
		['4', 4],
		['5', 1],
		['0', 1],
		['1.5', 1],
		['twee', 1]
	] as const)('reads the step %s as %i', (param, step) => {
		expect(thoughtStepFrom(param)).toBe(step);
	});

	it('keeps what was saved and adds what the step posted', () => {
		const merged = mergeThoughtStep(saved, { factsFor: 'Ze zei niets.', factsAgainst: 'Ze had het druk.', step: '2' });
		expect(merged).toMatchObject({ situation: 'Niemand belde terug.', beliefBefore: '80', factsFor: 'Ze zei niets.', factsAgainst: 'Ze had het druk.', alternative: '' });
		expect(merged).not.toHaveProperty('step');
		expect(thoughtRecordSchema.parse(merged)).toEqual({ ...saved, factsFor: 'Ze zei niets.', factsAgainst: 'Ze had het druk.' });
	});

	it('lets a step empty what it had saved, and starts from nothing without a record', () => {
		const withFacts = { ...saved, factsFor: 'Ze zei niets.' };
		expect(thoughtRecordSchema.parse(mergeThoughtStep(withFacts, { factsFor: '' })).factsFor).toBeNull();
		expect(mergeThoughtStep(undefined, { situation: 'x' })).toEqual({ situation: 'x' });
		expect(thoughtFormValues(saved)).toMatchObject({ beliefBefore: '80', beliefAfter: '' });
	});
});
