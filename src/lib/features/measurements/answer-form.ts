/**
 * Reads a questionnaire's answers from a submitted form (fields `q<number>`), pure.
 * - `readAnswersFromForm(def, form)`: the valid answers, plus item numbers left empty or with an unknown option.
 * - `answerFieldName(number)`: the form field of an item.
 */
import type { Answers, InstrumentDefinition } from '$lib/features/instruments/instruments';

export interface FormAnswers {
	answers: Answers;
	/** Items with no answer, in presentation order. */
	missing: number[];
	/** Items whose submitted value is not one of the options (a tampered or stale form). */
	invalid: number[];
}

export function answerFieldName(itemNumber: number): string {
	return `q${itemNumber}`;
}

export function readAnswersFromForm(
	def: InstrumentDefinition,
	form: { get(name: string): unknown }
): FormAnswers {
	const optionIds = new Set(def.options.map((o) => o.id));
	const result: FormAnswers = { answers: {}, missing: [], invalid: [] };
	for (const item of def.items) {
		const value = form.get(answerFieldName(item.number));
		if (value === null || value === undefined || value === '') result.missing.push(item.number);
		else if (typeof value === 'string' && optionIds.has(value)) result.answers[item.number] = value;
		else result.invalid.push(item.number);
	}
	return result;
}
