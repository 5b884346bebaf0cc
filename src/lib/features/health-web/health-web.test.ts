/**
 * The health web: its vocabulary as data, the schema (good and bad input, our own message ids), comparing two webs
 * and the conversation order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
	compareWebs,
	discussFirst,
	sameWeb,
	healthWebCredit,
	healthWebDefinitions,
	healthWebDimensions,
	type HealthWebScores
} from './health-web';
import { healthWebFieldErrorIds, healthWebSchema } from './health-web.schema';

const web = (values: number[]): HealthWebScores =>
	Object.fromEntries(healthWebDimensions.map((dimension, index) => [dimension, values[index]])) as HealthWebScores;

/** [field, message] for every issue of a failed parse. */
function problems(result: z.ZodSafeParseResult<unknown>): [string, string][] {
	expect(result.success).toBe(false);
	return result.success ? [] : result.error.issues.map((issue) => [String(issue.path[0]), issue.message]);
}

describe('health web dimensions', () => {
	it('are the six of the reference, in web order, each with a name and brug’s own prompt in nl and en', () => {
		expect(healthWebDimensions).toEqual([
			'bodily_functions',
			'mental_wellbeing',
			'meaningfulness',
			'quality_of_life',
			'participation',
			'daily_functioning'
		]);
		expect(healthWebDefinitions.participation.name).toEqual({ nl: 'Meedoen', en: 'Participation' });
		for (const dimension of healthWebDimensions) {
			const definition = healthWebDefinitions[dimension];
			expect(definition.id).toBe(dimension);
			for (const locale of ['nl', 'en'] as const) {
				expect(definition.name[locale].length).toBeGreaterThan(0);
				// Short: one question and at most one hint.
				expect(definition.prompt[locale].length).toBeLessThanOrEqual(110);
				expect(definition.prompt[locale]).toMatch(/\?/);
			}
			// brug speaks to people with "je", never "u".
			expect(definition.prompt.nl).toMatch(/\bje\b/);
			expect(definition.prompt.nl).not.toMatch(/\b(u|uw)\b/);
		}
	});

	it('credit the concept of Positive Health and say the questions are brug’s own', () => {
		expect(healthWebCredit.nl).toContain('Huber');
		expect(healthWebCredit.nl).toContain('brug zelf');
		expect(healthWebCredit.en).toContain('Huber');
	});
});

describe('healthWebSchema', () => {
	const form = { bodily_functions: '7', mental_wellbeing: '5', meaningfulness: '0', quality_of_life: '10', participation: ' 3 ', daily_functioning: '8' };

	it('takes a form’s strings and gives whole numbers, no marks when none are given', () => {
		expect(healthWebSchema.parse(form)).toEqual({ scores: web([7, 5, 0, 10, 3, 8]), discuss: [] });
	});

	it('takes JSON numbers and marks as an array, one mark as a single value, deduplicated in web order', () => {
		const scores = web([1, 2, 3, 4, 5, 6]);
		expect(healthWebSchema.parse({ ...scores, discuss: ['participation', 'bodily_functions', 'participation'] })).toEqual({
			scores,
			discuss: ['bodily_functions', 'participation']
		});
		expect(healthWebSchema.parse({ ...scores, discuss: 'meaningfulness' }).discuss).toEqual(['meaningfulness']);
		expect(healthWebSchema.parse({ ...scores, discuss: '' }).discuss).toEqual([]);
		expect(healthWebSchema.parse({ ...scores, discuss: null }).discuss).toEqual([]);
	});

	it('needs a score for every dimension: an empty or absent field is score_missing', () => {
		expect(problems(healthWebSchema.safeParse({ ...form, participation: '' }))).toEqual([['participation', 'score_missing']]);
		const { meaningfulness: _left, ...withoutOne } = form;
		expect(problems(healthWebSchema.safeParse(withoutOne))).toEqual([['meaningfulness', 'score_missing']]);
		expect(problems(healthWebSchema.safeParse({ ...form, meaningfulness: null }))).toEqual([['meaningfulness', 'score_missing']]);
	});

	it('refuses what is not a whole number from 0 to 10 with score_invalid', () => {
		for (const bad of ['11', '-1', '2.5', '2,5', 'zeven', '7e0', '0x7', 11, -1, 2.5, true, [], {}]) {
			expect(problems(healthWebSchema.safeParse({ ...form, quality_of_life: bad }))).toEqual([['quality_of_life', 'score_invalid']]);
		}
	});

	it('refuses an unknown dimension to discuss', () => {
		expect(problems(healthWebSchema.safeParse({ ...form, discuss: ['participation', 'money'] }))).toEqual([['discuss', 'discuss_invalid']]);
		expect(problems(healthWebSchema.safeParse({ ...form, discuss: 7 }))).toEqual([['discuss', 'discuss_invalid']]);
		expect(problems(healthWebSchema.safeParse({ ...form, discuss: '__proto__' }))).toEqual([['discuss', 'discuss_invalid']]);
	});

	it('reports every bad field at once, and an empty form as six missing scores', () => {
		expect(problems(healthWebSchema.safeParse({})).map(([field, message]) => `${field}:${message}`)).toEqual(
			healthWebDimensions.map((dimension) => `${dimension}:score_missing`)
		);
	});

	it('gives only its own message ids, on the field that is wrong, whatever comes in', () => {
		const anything = fc.oneof(fc.string(), fc.integer({ min: -20, max: 20 }), fc.double(), fc.constant(null), fc.boolean());
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom(...healthWebDimensions, 'discuss'), anything), (input) => {
				const result = healthWebSchema.safeParse(input);
				if (result.success) return;
				for (const issue of result.error.issues) {
					expect(healthWebFieldErrorIds).toContain(issue.message);
					expect([...healthWebDimensions, 'discuss']).toContain(issue.path[0]);
				}
			})
		);
	});

	it('accepts every web of whole numbers 0–10, and gives back exactly those scores', () => {
		const scores = fc.tuple(...healthWebDimensions.map(() => fc.integer({ min: 0, max: 10 })));
		fc.assert(
			fc.property(scores, fc.subarray([...healthWebDimensions]), (values, marks) => {
				const fields = Object.fromEntries(healthWebDimensions.map((dimension, index) => [dimension, String(values[index])]));
				const parsed = healthWebSchema.parse({ ...fields, discuss: marks });
				expect(parsed.scores).toEqual(web(values));
				expect(parsed.discuss).toEqual(marks);
			})
		);
	});
});

describe('compareWebs', () => {
	it('gives per dimension the previous score, the current one and the change, in web order', () => {
		expect(compareWebs(web([5, 5, 5, 5, 5, 5]), web([7, 5, 2, 5, 3, 10]))).toEqual([
			{ dimension: 'bodily_functions', previous: 5, current: 7, change: 2 },
			{ dimension: 'mental_wellbeing', previous: 5, current: 5, change: 0 },
			{ dimension: 'meaningfulness', previous: 5, current: 2, change: -3 },
			{ dimension: 'quality_of_life', previous: 5, current: 5, change: 0 },
			{ dimension: 'participation', previous: 5, current: 3, change: -2 },
			{ dimension: 'daily_functioning', previous: 5, current: 10, change: 5 }
		]);
	});

	it('without a previous web: no previous score and no change', () => {
		const rows = compareWebs(null, web([1, 2, 3, 4, 5, 6]));
		expect(rows.map((row) => [row.previous, row.change])).toEqual(Array(6).fill([null, null]));
		expect(rows.map((row) => row.current)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('previous + change is always current', () => {
		const scores = fc.tuple(...healthWebDimensions.map(() => fc.integer({ min: 0, max: 10 })));
		fc.assert(
			fc.property(scores, scores, (a, b) => {
				for (const row of compareWebs(web(a), web(b))) expect(row.previous! + row.change!).toBe(row.current);
			})
		);
	});
});

describe('discussFirst', () => {
	it('puts the marked dimensions first, each group in web order, whatever the scores', () => {
		const order = discussFirst({ scores: web([1, 9, 2, 8, 3, 7]), discuss: ['participation', 'mental_wellbeing'] });
		expect(order).toEqual([
			{ dimension: 'mental_wellbeing', score: 9, discuss: true },
			{ dimension: 'participation', score: 3, discuss: true },
			{ dimension: 'bodily_functions', score: 1, discuss: false },
			{ dimension: 'meaningfulness', score: 2, discuss: false },
			{ dimension: 'quality_of_life', score: 8, discuss: false },
			{ dimension: 'daily_functioning', score: 7, discuss: false }
		]);
	});

	it('keeps web order without marks, and always lists all six once', () => {
		expect(discussFirst({ scores: web([0, 0, 0, 0, 0, 0]), discuss: [] }).map((entry) => entry.dimension)).toEqual([...healthWebDimensions]);
		fc.assert(
			fc.property(fc.subarray([...healthWebDimensions]), (marks) => {
				const order = discussFirst({ scores: web([5, 5, 5, 5, 5, 5]), discuss: marks });
				expect(new Set(order.map((entry) => entry.dimension)).size).toBe(6);
				expect(order.slice(0, marks.length).every((entry) => entry.discuss)).toBe(true);
				expect(order.slice(marks.length).some((entry) => entry.discuss)).toBe(false);
			})
		);
	});
});

describe('sameWeb', () => {
	const scores = { bodily_functions: 6, mental_wellbeing: 5, meaningfulness: 6, quality_of_life: 6, participation: 3, daily_functioning: 7 };

	it('is true for the same scores and marks, whatever the order of the marks', () => {
		expect(sameWeb({ scores, discuss: ['participation', 'meaningfulness'] }, { scores: { ...scores }, discuss: ['meaningfulness', 'participation'] })).toBe(true);
	});

	it('is false when one score or one mark differs', () => {
		expect(sameWeb({ scores, discuss: [] }, { scores: { ...scores, participation: 4 }, discuss: [] })).toBe(false);
		expect(sameWeb({ scores, discuss: [] }, { scores, discuss: ['participation'] })).toBe(false);
	});
});
