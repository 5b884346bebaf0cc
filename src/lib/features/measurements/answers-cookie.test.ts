import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instruments, type Answers } from '$lib/features/instruments/instruments';
import { decodeAnswersCookie, encodeAnswersCookie } from './answers-cookie';

const def = instruments['djg-11'];
const optionIds = def.options.map((o) => o.id);

describe('the anonymous test cookie', () => {
	it('keeps every answer of a complete test', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...optionIds), { minLength: 11, maxLength: 11 }), (choices) => {
				const answers: Answers = {};
				def.items.forEach((item, i) => (answers[item.number] = choices[i]));
				const value = encodeAnswersCookie(def, answers);
				expect(value).toMatch(/^[1-3]{11}$/);
				expect(decodeAnswersCookie(def, value)).toEqual(answers);
			})
		);
	});

	it('ignores a missing, damaged, tampered or incomplete value', () => {
		for (const value of [undefined, '', '1'.repeat(10), '1'.repeat(12), `${'1'.repeat(10)}4`, `${'1'.repeat(10)}0`, `${'1'.repeat(10)}x`, '-'.repeat(11), '１'.repeat(11)]) {
			expect(decodeAnswersCookie(def, value)).toBeNull();
		}
	});

	it('never throws, whatever the browser sends', () => {
		fc.assert(fc.property(fc.string(), (value) => {
			const decoded = decodeAnswersCookie(def, value);
			if (decoded) expect(Object.keys(decoded)).toHaveLength(11);
		}));
	});
});
