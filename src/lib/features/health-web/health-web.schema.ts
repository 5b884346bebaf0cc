/**
 * What the health web form and the JSON API accept. Issues carry message ids (see relationships.schema.ts), never
 * texts, on the field that is wrong.
 * - `healthWebFieldErrorIds`: every message id this schema can give.
 * - `healthWebSchema`: one whole number 0–10 per dimension (a form's strings accepted) and the dimensions marked
 *   "hier wil ik over praten" (a form's repeated `discuss` field, one value, or a JSON array); gives a `HealthWeb`.
 * Types: `HealthWebFieldError`, `HealthWebInput`.
 */
import { z } from 'zod';
import {
	healthWebDimensions,
	healthWebScoreMax,
	healthWebScoreMin,
	type HealthWeb,
	type HealthWebDimension,
	type HealthWebScores
} from './health-web';

export const healthWebFieldErrorIds = ['score_missing', 'score_invalid', 'discuss_invalid'] as const;
export type HealthWebFieldError = (typeof healthWebFieldErrorIds)[number];

/** A score from a form field ("7") or JSON (7). Every dimension needs one: the web cannot be drawn with a hole. */
const score = z.preprocess(
	(value) => {
		if (typeof value !== 'string') return value;
		const trimmed = value.trim();
		// Number('') is 0: an empty field must stay "missing", and "7e0" or "0x7" are not what a person typed.
		return trimmed === '' ? undefined : /^-?\d+(?:[.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : value;
	},
	z
		.number({ error: (issue) => (issue.input === undefined || issue.input === null ? 'score_missing' : 'score_invalid') })
		.int('score_invalid')
		.min(healthWebScoreMin, 'score_invalid')
		.max(healthWebScoreMax, 'score_invalid')
);

/** Known dimensions only; repeats dropped and web order kept, so equal marks store equally. */
const discuss = z
	.preprocess(
		(value) => (value === undefined || value === null || value === '' ? [] : typeof value === 'string' ? [value] : value),
		z.array(z.enum(healthWebDimensions, { error: 'discuss_invalid' }), { error: 'discuss_invalid' })
	)
	.transform((marked): HealthWebDimension[] => healthWebDimensions.filter((dimension) => marked.includes(dimension)));

const scoreShape = Object.fromEntries(healthWebDimensions.map((dimension) => [dimension, score])) as Record<
	HealthWebDimension,
	typeof score
>;

export const healthWebSchema = z
	.object({ ...scoreShape, discuss })
	.transform(({ discuss: marked, ...scores }): HealthWeb => ({ scores: scores as HealthWebScores, discuss: marked }));

/** What a form or the API sends. */
export type HealthWebInput = z.input<typeof healthWebSchema>;
