import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	agreementOptionIds,
	comparePatternChecks,
	mechanismIds,
	patternCheck,
	patternThreshold,
	scorePatternCheck,
	strongestPatterns,
	type AgreementOptionId,
	type PatternAnswers
} from './pattern-check';

const statements = patternCheck.statements;

/** For each statement in presentation order, an option id or undefined (skipped). */
const partialChoices = fc.array(fc.option(fc.constantFrom(...agreementOptionIds), { nil: undefined }), {
	minLength: statements.length,
	maxLength: statements.length
});

/** Answers from choices, skipped statements left out. */
function toAnswers(choices: Array<AgreementOptionId | undefined>): PatternAnswers {
	const answers: PatternAnswers = {};
	statements.forEach((statement, index) => {
		const choice = choices[index];
		if (choice !== undefined) answers[statement.number] = choice;
	});
	return answers;
}

describe('scorePatternCheck properties', () => {
	it('every mean is null or within 1..5; counts add up', () => {
		fc.assert(
			fc.property(partialChoices, (choices) => {
				const score = scorePatternCheck(toAnswers(choices));
				const given = choices.filter((choice) => choice !== undefined).length;
				expect(score.answered).toBe(given);
				expect(score.answered + score.missing).toBe(statements.length);
				let perMechanism = 0;
				for (const id of mechanismIds) {
					const { mean, answered } = score.mechanisms[id];
					perMechanism += answered;
					if (answered === 0) expect(mean).toBeNull();
					else {
						expect(mean).not.toBeNull();
						expect(mean!).toBeGreaterThanOrEqual(1);
						expect(mean!).toBeLessThanOrEqual(5);
					}
				}
				expect(perMechanism).toBe(given);
			})
		);
	});

	it('the order in which answers are given changes nothing', () => {
		fc.assert(
			fc.property(
				partialChoices.chain((choices) => {
					const entries = Object.entries(toAnswers(choices));
					return fc.tuple(
						fc.constant(entries),
						fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length })
					);
				}),
				([entries, shuffled]) => {
					expect(scorePatternCheck(Object.fromEntries(shuffled))).toEqual(scorePatternCheck(Object.fromEntries(entries)));
				}
			)
		);
	});

	it('more agreement never lowers its mechanism’s mean (never raises it on a reversed statement); others stay', () => {
		fc.assert(
			fc.property(
				partialChoices,
				fc.nat({ max: statements.length - 1 }),
				fc.nat({ max: 3 }),
				fc.integer({ min: 1, max: 4 }),
				(choices, index, lowIndex, step) => {
					const low = agreementOptionIds[lowIndex]!;
					const high = agreementOptionIds[Math.min(lowIndex + step, 4)]!;
					const before = [...choices];
					before[index] = low;
					const after = [...choices];
					after[index] = high;

					const statement = statements[index]!;
					const scoreBefore = scorePatternCheck(toAnswers(before));
					const scoreAfter = scorePatternCheck(toAnswers(after));
					const meanBefore = scoreBefore.mechanisms[statement.mechanism].mean!;
					const meanAfter = scoreAfter.mechanisms[statement.mechanism].mean!;
					if (statement.reversed) expect(meanAfter).toBeLessThanOrEqual(meanBefore);
					else expect(meanAfter).toBeGreaterThanOrEqual(meanBefore);
					for (const id of mechanismIds) {
						if (id !== statement.mechanism) expect(scoreAfter.mechanisms[id]).toEqual(scoreBefore.mechanisms[id]);
					}
				}
			)
		);
	});
});

describe('strongestPatterns properties', () => {
	it('names only answered mechanisms at or above 3.5, strongest first, 2 or 3 when that many qualify', () => {
		fc.assert(
			fc.property(partialChoices, (choices) => {
				const score = scorePatternCheck(toAnswers(choices));
				const result = strongestPatterns(score);
				const qualifying = mechanismIds.filter((id) => (score.mechanisms[id].mean ?? 0) >= patternThreshold);
				expect(result.length).toBe(Math.min(3, qualifying.length));
				for (const pattern of result) {
					expect(score.mechanisms[pattern.mechanism].answered).toBeGreaterThan(0);
					expect(pattern.mean).toBe(score.mechanisms[pattern.mechanism].mean);
					expect(pattern.mean).toBeGreaterThanOrEqual(patternThreshold);
				}
				result.slice(1).forEach((pattern, i) => {
					const previous = result[i]!;
					expect(pattern.mean).toBeLessThanOrEqual(previous.mean);
					if (pattern.mean === previous.mean) {
						expect(mechanismIds.indexOf(pattern.mechanism)).toBeGreaterThan(mechanismIds.indexOf(previous.mechanism));
					}
				});
				// Nothing left out is stronger than what is named.
				const weakest = result.at(-1)?.mean ?? Infinity;
				for (const id of qualifying) {
					if (!result.some((pattern) => pattern.mechanism === id)) {
						expect(score.mechanisms[id].mean!).toBeLessThanOrEqual(weakest);
					}
				}
			})
		);
	});
});

describe('comparePatternChecks properties', () => {
	it('comparing a check with itself is "same" everywhere it has a mean', () => {
		fc.assert(
			fc.property(partialChoices, (choices) => {
				const score = scorePatternCheck(toAnswers(choices));
				const result = comparePatternChecks(score, score);
				for (const id of mechanismIds) {
					expect(result[id].direction).toBe(score.mechanisms[id].mean === null ? null : 'same');
				}
			})
		);
	});

	it('swapping the checks turns the change round', () => {
		fc.assert(
			fc.property(partialChoices, partialChoices, (a, b) => {
				const first = scorePatternCheck(toAnswers(a));
				const second = scorePatternCheck(toAnswers(b));
				const forward = comparePatternChecks(first, second);
				const backward = comparePatternChecks(second, first);
				const mirror = { more: 'less', less: 'more', same: 'same' } as const;
				for (const id of mechanismIds) {
					const there = forward[id];
					const back = backward[id];
					if (there.direction === null) expect(back.direction).toBeNull();
					else {
						expect(back.direction).toBe(mirror[there.direction]);
						expect(back.change!).toBeCloseTo(-there.change!, 12);
						expect(there.direction === 'same').toBe(Math.abs(there.change!) < 0.5 - 1e-9);
					}
				}
			})
		);
	});
});
