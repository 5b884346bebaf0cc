import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agreementOptionIds, patternCheck, type PatternAnswers } from './pattern-check';
import { decodePendingCheck, encodePendingCheck } from './pending-check';

describe('the pending pattern check cookie', () => {
	it('keeps every answer, and skipped statements stay skipped', () => {
		fc.assert(
			fc.property(fc.array(fc.option(fc.constantFrom(...agreementOptionIds), { nil: undefined }), { minLength: 27, maxLength: 27 }), (choices) => {
				const answers: PatternAnswers = {};
				patternCheck.statements.forEach((s, i) => {
					if (choices[i]) answers[s.number] = choices[i];
				});
				const value = encodePendingCheck(answers);
				expect(value).toMatch(/^[0-5]{27}$/);
				expect(decodePendingCheck(value)).toEqual(answers);
			})
		);
	});
	it('refuses anything else', () => {
		for (const value of [undefined, '', '1'.repeat(26), '1'.repeat(28), `${'1'.repeat(26)}6`, `${'1'.repeat(26)}x`]) {
			expect(decodePendingCheck(value)).toBeNull();
		}
	});
});
