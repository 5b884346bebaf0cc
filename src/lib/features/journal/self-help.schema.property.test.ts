/**
 * Properties of the self-help schemas, for every schema and field: wrong input (wrong types, out-of-range or
 * non-whole numbers, too-long or empty text, missing fields, junk) is rejected with our own message ids, never a
 * library default, on the field that is wrong; valid input always parses, form strings included, and comes out
 * normalised (trimmed; empty optional text is null; numbers as numbers); unknown fields are dropped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrors } from '$lib/kernel/form-errors';
import { isLocalDay } from '$lib/time';
import {
	journalEntrySchema,
	kindMomentSchema,
	localDaySchema,
	stepDoneSchema,
	stepPlanSchema,
	thoughtRecordSchema
} from './self-help.schema';

/** The message ids these schemas may use (each has a text in messages/*.json via src/lib/kernel/form-error-words.ts). */
const knownIds = ['mood_missing', 'text_missing', 'text_too_long', 'belief_invalid', 'step_unknown', 'day_invalid', 'rating_invalid'] as const;
type MessageId = (typeof knownIds)[number];

/** A wrong value for a field, with the message ids that may report it. */
type Wrong = { value: unknown; ids: readonly MessageId[] };

interface FieldSpec {
	/** Valid values as a form or JSON gives them, with what the schema makes of each. */
	valid: fc.Arbitrary<{ value: unknown; parsed: unknown }>;
	wrong: fc.Arbitrary<Wrong>;
	/** Leaving the field out is fine (and gives this), or an error with these ids. */
	missing: { parsed: unknown } | { ids: readonly MessageId[] };
}

interface SchemaSpec {
	name: string;
	schema: z.ZodType;
	fields: Record<string, FieldSpec>;
}

// ---------------------------------------------------------------------------------------------------------------
// Values that are wrong whatever the field: none of them is a string or a number.

const notStringOrNumber = fc.oneof(
	fc.boolean(),
	fc.constant(null),
	fc.bigInt(),
	fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
	fc.constant(new Date('2026-03-10T12:00:00Z')),
	fc.constant(Symbol('junk'))
);
const notString = fc.oneof(notStringOrNumber, fc.double(), fc.integer());

/** White space that `String.prototype.trim` removes: what "empty" text looks like in a form. */
const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff'), maxLength: 8 });

// ---------------------------------------------------------------------------------------------------------------
// Whole numbers in a range, as numbers or as the strings a form sends.

function wholeNumber(min: number, max: number, id: MessageId, optional = false): FieldSpec {
	const inRange = fc.integer({ min, max });
	const valid = fc.oneof(
		inRange.map((n) => ({ value: n, parsed: n })),
		fc.tuple(inRange, blank, blank).map(([n, before, after]) => ({ value: `${before}${n}${after}`, parsed: n }))
	);
	const isValidNumberString = (s: string) => {
		if (s.trim() === '') return false;
		const n = Number(s);
		return Number.isInteger(n) && n >= min && n <= max;
	};
	const wrongNumber = fc.oneof(
		fc.integer({ max: min - 1 }),
		fc.integer({ min: max + 1 }),
		fc.double({ min, max, noNaN: true }).filter((n) => !Number.isInteger(n)),
		fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0.5, max + 0.5, 1e300)
	);
	const wrongString = fc.oneof(
		wrongNumber.map(String),
		fc.constantFrom('abc', `${min}abc`, `${max} 1`, '½', '--1', 'een', `${min},5`),
		fc.string({ maxLength: 12 }).filter((s) => !isValidNumberString(s) && !(optional && s === ''))
	);
	const wrongValues = fc.oneof(wrongNumber, wrongString, optional ? notStringOrNumber.filter((v) => v !== null) : notStringOrNumber);
	return {
		valid: optional
			? fc.oneof(valid, fc.constantFrom(null, undefined, '').map((value) => ({ value, parsed: null })))
			: valid,
		wrong: wrongValues.map((value) => ({ value, ids: [id] })),
		missing: optional ? { parsed: null } : { ids: [id] }
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Free text: trimmed, at most `max` characters after trimming.

/** Text of up to `max` characters after trimming, often at the edges, with the white space around it. */
function textUpTo(max: number): fc.Arbitrary<string> {
	return fc.oneof(
		fc.string({ unit: 'grapheme', maxLength: 40 }),
		fc.string({ unit: 'binary', maxLength: 40 }),
		fc.constantFrom('Met de buurvrouw koffie gedronken. ☕', 'Zij zei: "tot morgen!"\nEn ik: <b>ja</b>', 'a'.repeat(max), `${'é'.repeat(max - 1)}!`),
		fc.tuple(blank, fc.nat({ max }), blank).map(([before, n, after]) => `${before}${'x'.repeat(Math.max(1, n))}${after}`)
	).filter((s) => s.trim().length <= max);
}

const tooLong = (max: number) =>
	fc.tuple(blank, fc.integer({ min: max + 1, max: max + 300 }), fc.string({ maxLength: 5 }), blank).map(
		([before, n, extra, after]) => `${before}${'y'.repeat(n)}${extra}${after}`
	);

function optionalText(max: number): FieldSpec {
	return {
		valid: fc.oneof(
			textUpTo(max).map((value) => ({ value, parsed: value.trim() === '' ? null : value.trim() })),
			fc.oneof(blank, fc.constantFrom(null, undefined)).map((value) => ({ value, parsed: null }))
		),
		wrong: fc.oneof(tooLong(max), notString.filter((v) => v !== null)).map((value) => ({ value, ids: ['text_too_long'] as const })),
		missing: { parsed: null }
	};
}

function requiredText(max: number): FieldSpec {
	return {
		valid: textUpTo(max)
			.filter((s) => s.trim() !== '')
			.map((value) => ({ value, parsed: value.trim() })),
		wrong: fc.oneof(
			tooLong(max).map((value) => ({ value, ids: ['text_too_long'] as const })),
			fc.oneof(blank, notString).map((value) => ({ value, ids: ['text_missing'] as const }))
		),
		missing: { ids: ['text_missing'] }
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Step ids and days.

const stepIdPattern = /^[a-z0-9-]{1,80}$/;
const stepId: FieldSpec = {
	valid: fc.stringMatching(stepIdPattern).map((value) => ({ value, parsed: value })),
	wrong: fc
		.oneof(
			fc.string({ maxLength: 90 }).filter((s) => !stepIdPattern.test(s)),
			fc.constantFrom('', 'Greet-By-Name', 'greet by name', 'greet_by_name', '../etc/passwd', `${'a'.repeat(81)}`, 'stap\n'),
			notString
		)
		.map((value) => ({ value, ids: ['step_unknown'] as const })),
	missing: { ids: ['step_unknown'] }
};

const realDay = fc
	.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));
const wrongDay = fc.oneof(
	fc.string({ maxLength: 12 }).filter((s) => !isLocalDay(s)),
	fc.constantFrom('2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-03-10', '2026-3-10', '10-03-2026', '2026/03/10', ' 2026-03-10', '2026-03-10T00:00', '2026-03-10\n'),
	realDay.map((d) => `${d}x`),
	notString
);
const plannedDay: FieldSpec = {
	valid: realDay.map((value) => ({ value, parsed: value })),
	wrong: wrongDay.map((value) => ({ value, ids: ['day_invalid'] as const })),
	missing: { ids: ['day_invalid'] }
};

// ---------------------------------------------------------------------------------------------------------------

const specs: SchemaSpec[] = [
	{
		name: 'journalEntrySchema',
		schema: journalEntrySchema,
		fields: { mood: wholeNumber(1, 5, 'mood_missing'), body: optionalText(5000), wentWell: optionalText(1000) }
	},
	{
		name: 'thoughtRecordSchema',
		schema: thoughtRecordSchema,
		fields: {
			situation: requiredText(2000),
			thought: requiredText(2000),
			beliefBefore: wholeNumber(0, 100, 'belief_invalid'),
			factsFor: optionalText(2000),
			factsAgainst: optionalText(2000),
			alternative: optionalText(2000),
			beliefAfter: wholeNumber(0, 100, 'belief_invalid', true),
			smallAction: optionalText(1000)
		}
	},
	{ name: 'kindMomentSchema', schema: kindMomentSchema, fields: { body: requiredText(1000) } },
	{ name: 'stepPlanSchema', schema: stepPlanSchema, fields: { stepId, plannedDay } },
	{ name: 'stepDoneSchema', schema: stepDoneSchema, fields: { howItWent: wholeNumber(1, 5, 'rating_invalid'), note: optionalText(1000) } }
];

/** A valid input for the schema (some optional fields left out) and what parsing it must give. */
function validInput(spec: SchemaSpec): fc.Arbitrary<{ input: Record<string, unknown>; expected: Record<string, unknown> }> {
	const names = Object.keys(spec.fields);
	return fc
		.tuple(
			fc.tuple(...names.map((name) => spec.fields[name]!.valid)),
			fc.tuple(...names.map(() => fc.boolean()))
		)
		.map(([values, leaveOut]) => {
			const input: Record<string, unknown> = {};
			const expected: Record<string, unknown> = {};
			names.forEach((name, i) => {
				const missing = spec.fields[name]!.missing;
				if (leaveOut[i] && 'parsed' in missing) {
					expected[name] = missing.parsed;
				} else {
					input[name] = values[i]!.value;
					expected[name] = values[i]!.parsed;
				}
			});
			return { input, expected };
		});
}

/** Fields a form or client may add that the schema does not know. */
const junkFields = (spec: SchemaSpec) =>
	fc.dictionary(
		fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !(k in spec.fields) && k !== '__proto__'),
		fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null)),
		{ maxKeys: 4 }
	);

function issuesOf(result: z.ZodSafeParseResult<unknown>): z.core.$ZodIssue[] {
	expect(result.success).toBe(false);
	return result.success ? [] : result.error.issues;
}

/** Every issue carries one of our ids (never a library default), on a field that was wrong, with an id it allows. */
function expectOnlyOurIds(result: z.ZodSafeParseResult<unknown>, wrongFields: Record<string, readonly MessageId[]>) {
	const issues = issuesOf(result);
	expect(issues.length).toBeGreaterThan(0);
	for (const issue of issues) {
		expect(knownIds as readonly string[]).toContain(issue.message);
		const field = String(issue.path[0]);
		expect(Object.keys(wrongFields)).toContain(field);
		expect(wrongFields[field]).toContain(issue.message);
	}
	// Every wrong field is reported, and the form shows our message for it, never the generic one.
	const errors = result.success ? {} : fieldErrors(result.error);
	expect(Object.keys(errors).sort()).toEqual(Object.keys(wrongFields).sort());
	for (const [field, id] of Object.entries(errors)) expect(wrongFields[field]).toContain(id);
}

describe.each(specs)('$name', (spec) => {
	const names = Object.keys(spec.fields);

	it('parses every valid input, normalised, dropping unknown fields', () => {
		fc.assert(
			fc.property(validInput(spec), junkFields(spec), ({ input, expected }, junk) => {
				const result = spec.schema.safeParse({ ...junk, ...input });
				expect(result.success ? null : result.error.issues).toBeNull();
				expect(result.data).toEqual(expected);
			}),
			{ numRuns: 300 }
		);
	});

	it('rejects one wrong field with its own message id, on that field only', () => {
		fc.assert(
			fc.property(validInput(spec), fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), spec.fields[name]!.wrong)), ({ input }, [name, wrong]) => {
				expectOnlyOurIds(spec.schema.safeParse({ ...input, [name]: wrong.value }), { [name]: wrong.ids });
			}),
			{ numRuns: 500 }
		);
	});

	it('rejects several wrong fields at once, each with its own message id', () => {
		const wrongSet = fc
			.subarray(names, { minLength: 1 })
			.chain((chosen) => fc.tuple(...chosen.map((name) => spec.fields[name]!.wrong.map((wrong) => [name, wrong] as const))));
		fc.assert(
			fc.property(validInput(spec), junkFields(spec), wrongSet, ({ input }, junk, wrongs) => {
				const body: Record<string, unknown> = { ...junk, ...input };
				const expected: Record<string, readonly MessageId[]> = {};
				for (const [name, wrong] of wrongs) {
					body[name] = wrong.value;
					expected[name] = wrong.ids;
				}
				expectOnlyOurIds(spec.schema.safeParse(body), expected);
			}),
			{ numRuns: 300 }
		);
	});

	it('reports every missing required field with its own message id', () => {
		const required = names.filter((name) => 'ids' in spec.fields[name]!.missing);
		fc.assert(
			fc.property(validInput(spec), fc.subarray(required, { minLength: required.length === 0 ? 0 : 1 }), ({ input }, leftOut) => {
				const body = { ...input };
				for (const name of leftOut) delete body[name];
				const result = spec.schema.safeParse(body);
				if (leftOut.length === 0) {
					expect(result.success).toBe(true);
					return;
				}
				expectOnlyOurIds(
					result,
					Object.fromEntries(leftOut.map((name) => [name, (spec.fields[name]!.missing as { ids: readonly MessageId[] }).ids]))
				);
			})
		);
		// An empty form.
		const empty = spec.schema.safeParse({});
		if (required.length > 0) {
			expectOnlyOurIds(empty, Object.fromEntries(required.map((name) => [name, (spec.fields[name]!.missing as { ids: readonly MessageId[] }).ids])));
		}
	});

	it('rejects a body that is not an object, on the body itself, and the form shows only a known id', () => {
		// Not a field's problem: Zod's own issue on path [] (the JSON API turns it into "must be a JSON object").
		fc.assert(
			fc.property(fc.oneof(fc.constantFrom(null, undefined), fc.string(), fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 })), (body) => {
				const result = spec.schema.safeParse(body);
				const issues = issuesOf(result);
				expect(issues.map((i) => i.path)).toEqual([[]]);
				expect(result.success ? {} : fieldErrors(result.error)).toEqual({ form: 'generic' });
			}),
			{ numRuns: 50 }
		);
	});
});

describe('localDaySchema', () => {
	it('accepts every real calendar date as YYYY-MM-DD, and nothing else', () => {
		fc.assert(
			fc.property(realDay, (day) => {
				expect(localDaySchema.parse(day)).toBe(day);
			})
		);
		fc.assert(
			fc.property(wrongDay, (value) => {
				const issues = issuesOf(localDaySchema.safeParse(value));
				expect(issues.map((i) => i.message)).toEqual(['day_invalid']);
			})
		);
	});
});

describe('worked examples', () => {
	it('numbers given as strings, as a form sends them, parse', () => {
		expect(journalEntrySchema.parse({ mood: '4' })).toEqual({ mood: 4, body: null, wentWell: null });
		expect(journalEntrySchema.parse({ mood: ' 5 ' }).mood).toBe(5);
		expect(stepDoneSchema.parse({ howItWent: '1' })).toEqual({ howItWent: 1, note: null });
		expect(thoughtRecordSchema.parse({ situation: 's', thought: 't', beliefBefore: '0', beliefAfter: '100' })).toMatchObject({ beliefBefore: 0, beliefAfter: 100 });
		expect(thoughtRecordSchema.parse({ situation: 's', thought: 't', beliefBefore: '55', beliefAfter: '' })).toMatchObject({ beliefBefore: 55, beliefAfter: null });
	});

	it('empty optional texts become null; required ones are missing', () => {
		expect(journalEntrySchema.parse({ mood: 3, body: '', wentWell: '  \n ' })).toEqual({ mood: 3, body: null, wentWell: null });
		expect(stepDoneSchema.parse({ howItWent: 2, note: '\t' })).toEqual({ howItWent: 2, note: null });
		expect(
			thoughtRecordSchema.parse({ situation: ' s ', thought: 't', beliefBefore: 10, factsFor: '', factsAgainst: ' ', alternative: null, smallAction: undefined })
		).toEqual({ situation: 's', thought: 't', beliefBefore: 10, factsFor: null, factsAgainst: null, alternative: null, beliefAfter: null, smallAction: null });
		expect(kindMomentSchema.safeParse({ body: '   ' }).error?.issues.map((i) => [i.path, i.message])).toEqual([[['body'], 'text_missing']]);
	});

	it('limits count characters after trimming', () => {
		expect(kindMomentSchema.parse({ body: ` ${'a'.repeat(1000)} ` }).body).toHaveLength(1000);
		expect(kindMomentSchema.safeParse({ body: 'a'.repeat(1001) }).error?.issues.map((i) => i.message)).toEqual(['text_too_long']);
		expect(journalEntrySchema.safeParse({ mood: 3, body: 'a'.repeat(5001) }).error?.issues.map((i) => i.message)).toEqual(['text_too_long']);
		expect(journalEntrySchema.parse({ mood: 3, body: 'a'.repeat(5000) }).body).toHaveLength(5000);
	});

	it('out-of-range and non-whole numbers are refused', () => {
		for (const mood of [0, 6, 2.5, '0', '6', '2.5', '', 'vijf', null, true]) {
			expect(journalEntrySchema.safeParse({ mood }).error?.issues.map((i) => [i.path, i.message]), String(mood)).toEqual([[['mood'], 'mood_missing']]);
		}
		for (const beliefBefore of [-1, 101, '101', 50.5]) {
			expect(thoughtRecordSchema.safeParse({ situation: 's', thought: 't', beliefBefore }).error?.issues.map((i) => i.message)).toEqual(['belief_invalid']);
		}
		expect(stepDoneSchema.safeParse({ howItWent: 0 }).error?.issues.map((i) => i.message)).toEqual(['rating_invalid']);
	});
});
