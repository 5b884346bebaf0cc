import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { instruments, scoreInstrument, type Answers, type InstrumentDefinition } from './instruments';

/** Complete random answers for an instrument, as a tuple of option ids in item order. */
function completeAnswers(def: InstrumentDefinition) {
	const optionIds = def.options.map((option) => option.id);
	return fc.tuple(...def.items.map(() => fc.constantFrom(...optionIds)));
}

function toAnswers(def: InstrumentDefinition, choices: string[]): Answers {
	const answers: Answers = {};
	def.items.forEach((item, index) => (answers[item.number] = choices[index]));
	return answers;
}

/** One item index and a different option for it. */
function flip(def: InstrumentDefinition) {
	const optionIds = def.options.map((option) => option.id);
	return fc.record({
		index: fc.nat({ max: def.items.length - 1 }),
		optionIndex: fc.nat({ max: optionIds.length - 1 })
	});
}

describe.each([instruments['djg-11'], instruments['djg-6']])('$id with complete answers', (def) => {
	it('total = emotional + social, within totalRange, in a band that contains it', () => {
		fc.assert(
			fc.property(completeAnswers(def), (choices) => {
				const score = scoreInstrument(def, toAnswers(def, choices));
				expect(score.total).not.toBeNull();
				const total = score.total!;
				expect(score.subscales).not.toBeNull();
				expect(total).toBe(score.subscales!.emotional! + score.subscales!.social!);
				expect(total).toBeGreaterThanOrEqual(def.totalRange.min);
				expect(total).toBeLessThanOrEqual(def.totalRange.max);
				const band = def.bands.find((candidate) => candidate.id === score.band);
				expect(band).toBeDefined();
				expect(total).toBeGreaterThanOrEqual(band!.min);
				expect(total).toBeLessThanOrEqual(band!.max);
				expect(score.missing).toEqual([]);
				expect(score.answered).toBe(def.items.length);
			})
		);
	});
});

// Every DJG item scores 0 or 1, so changing one answer moves the total by at most 1. A UCLA-3 item scores
// 1..3, so one changed answer moves the total by at most 3 - 1 = 2 ("hardly ever" <-> "often").
describe.each([
	[instruments['djg-11'], 1],
	[instruments['djg-6'], 1],
	[instruments['ucla-3'], 2]
] as const)('%#: flipping one answer', (def, maxChange) => {
	it(`changes the ${def.id} total by at most ${maxChange}`, () => {
		fc.assert(
			fc.property(completeAnswers(def), flip(def), (choices, { index, optionIndex }) => {
				const optionIds = def.options.map((option) => option.id);
				// Skip to the next option when the drawn one equals the current answer, so the answer really changes.
				let replacement = optionIds[optionIndex]!;
				if (replacement === choices[index]) replacement = optionIds[(optionIndex + 1) % optionIds.length]!;
				const changed = [...choices];
				changed[index] = replacement;

				const before = scoreInstrument(def, toAnswers(def, choices)).total!;
				const after = scoreInstrument(def, toAnswers(def, changed)).total!;
				expect(replacement).not.toBe(choices[index]);
				expect(Math.abs(after - before)).toBeLessThanOrEqual(maxChange);
			})
		);
	});
});
