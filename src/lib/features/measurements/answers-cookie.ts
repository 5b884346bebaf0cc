/**
 * The last anonymous test's answers, kept in the person's own browser so the result survives reload, Back and a
 * detour to an exercise; nothing is stored on the server. One digit per item (the option's place, 1-based), pure.
 * - `testAnswersCookie`: the cookie's name (a session cookie: no lifetime).
 * - `completeAnswersSchemaFor(def)`: answers to every item of `def`, each a known option (Zod).
 * - `encodeAnswersCookie(def, answers)`, `decodeAnswersCookie(def, value)`: to and from the cookie value; a value
 *   that is damaged, tampered with or incomplete decodes to null.
 */
import { z } from 'zod';
import type { Answers, InstrumentDefinition } from '$lib/features/instruments/instruments';
import { answersSchemaFor } from '$lib/features/instruments/instruments.schema';

export const testAnswersCookie = { name: 'brug_test' } as const;

export function completeAnswersSchemaFor(def: InstrumentDefinition): z.ZodType<Answers> {
	return answersSchemaFor(def).refine((answers) => def.items.every((item) => answers[item.number] !== undefined), {
		error: () => `every ${def.id} item needs an answer`
	});
}

export function encodeAnswersCookie(def: InstrumentDefinition, answers: Answers): string {
	const optionIds = def.options.map((o) => o.id);
	return def.items.map((item) => String(optionIds.indexOf(answers[item.number] ?? '') + 1)).join('');
}

export function decodeAnswersCookie(def: InstrumentDefinition, value: string | undefined): Answers | null {
	if (!value || value.length !== def.items.length || !/^[0-9]+$/.test(value)) return null;
	const raw: Record<string, unknown> = {};
	def.items.forEach((item, index) => {
		const option = def.options[Number(value[index]) - 1];
		if (option) raw[String(item.number)] = option.id;
	});
	const parsed = completeAnswersSchemaFor(def).safeParse(raw);
	return parsed.success ? parsed.data : null;
}
