/**
 * Zod schemas for the instruments API boundary.
 *
 * - `answersSchemaFor(def)`: answers keyed by item number string ("1".."11") with option ids as values.
 * - `scoreRequestSchema(def)`: the strict request body `{ "answers": { ... } }`.
 * - `localeSchema`: 'nl' | 'en'.
 * Messages are in English for API consumers; every issue's path and message name the field.
 */
import { z } from 'zod';
import { isPlainObject } from '$lib/form-values';
import { locales, type Answers, type InstrumentDefinition, type Locale } from './instruments';

export const localeSchema: z.ZodType<Locale> = z.enum(locales, {
	error: () => `locale must be one of: ${locales.join(', ')}`
});

/**
 * Unanswered items are left out (a JSON body cannot carry undefined); `null` is rejected as the wrong type so
 * that a client bug is not silently scored as a missing answer.
 */
export function answersSchemaFor(def: InstrumentDefinition): z.ZodType<Answers> {
	const itemNumbers = def.items.map((item) => String(item.number));
	const optionIds = def.options.map((option) => option.id);
	const quotedOptions = optionIds.map((id) => `"${id}"`).join(', ');

	return z
		// Not z.record: it silently drops an own "__proto__" key (as JSON.parse makes it) instead of reporting it.
		.custom<Record<string, unknown>>(isPlainObject, {
			error: () =>
				`answers must be an object keyed by ${def.id} item number (${itemNumbers.join(', ')})`
		})
		.superRefine((value, ctx) => {
			for (const [key, answer] of Object.entries(value)) {
				if (!itemNumbers.includes(key)) {
					ctx.addIssue({
						code: 'custom',
						path: [key],
						params: { item: key },
						message: `Unknown item "${key}": ${def.id} has items ${itemNumbers.join(', ')}`
					});
				} else if (typeof answer !== 'string') {
					ctx.addIssue({
						code: 'invalid_type',
						expected: 'string',
						input: answer,
						path: [key],
						message: `Item ${key}: expected an option id string (${quotedOptions}), received ${answer === null ? 'null' : typeof answer}`
					});
				} else if (!optionIds.includes(answer)) {
					ctx.addIssue({
						code: 'invalid_value',
						values: optionIds,
						input: answer,
						path: [key],
						message: `Item ${key}: unknown option "${answer}"; allowed options are ${quotedOptions}`
					});
				}
			}
		})
		.transform((value): Answers => {
			const answers: Answers = {};
			for (const [key, answer] of Object.entries(value)) answers[Number(key)] = answer as string;
			return answers;
		});
}

/** Unknown top-level keys are rejected; Zod reports them on the body (path []) with the keys listed. */
export const scoreRequestSchema = (def: InstrumentDefinition): z.ZodType<{ answers: Answers }> =>
	z.strictObject(
		{ answers: answersSchemaFor(def) },
		{
			error: (issue) =>
				issue.code === 'unrecognized_keys'
					? `Unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}: the body only takes "answers"`
					: undefined
		}
	);
