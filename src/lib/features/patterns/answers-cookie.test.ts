import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agreementOptionIds, minimumAnswered, patternCheck, type PatternAnswers } from './pattern-check';
import { decodePatternAnswersCookie, encodePatternAnswersCookie } from './answers-cookie';

describe('the pattern check cookie', () => {
	it('keeps every answer of a check with enough answers', () => {
		fc.assert(
			fc.property(fc.array(fc.option(fc.constantFrom(...agreementOptionIds), { nil: undefined }), { minLength: 27, maxLength: 27 }), (choices) => {
				const answers: PatternAnswers = {};
				patternCheck.statements.forEach((s, i) => {
					if (choices[i]) answers[s.number] = choices[i];
				});
				const decoded = decodePatternAnswersCookie(encodePatternAnswersCookie(answers));
				if (Object.keys(answers).length >= minimumAnswered) expect(decoded).toEqual(answers);
				else expect(decoded).toBeNull();
			})
		);
	});

	it('ignores a missing, damaged or tampered value', () => {
		for (const value of [undefined, '', '1'.repeat(26), '1'.repeat(28), `${'1'.repeat(26)}6`, `${'1'.repeat(26)}x`, '0'.repeat(27), `${'0'.repeat(10)}${'1'.repeat(17)}`]) {
			expect(decodePatternAnswersCookie(value)).toBeNull();
		}
	});

	it('never throws, whatever the browser sends', () => {
		fc.assert(fc.property(fc.string(), (value) => {
			expect(() => decodePatternAnswersCookie(value)).not.toThrow();
		}));
	});
});
