/**
 * The relationship schemas: worked examples for good and bad input, and properties showing that every bad input is
 * reported with one of our own message ids on the field that is wrong, never a library default.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { addDays } from '$lib/time';
import { fieldErrorText } from '$lib/kernel/form-error-words';
import { relationshipErrorText } from './relationship-words';
import type { FieldError } from '$lib/kernel/form-errors';
import { contactBrings, contactCircles, contactKinds, contactRhythms } from './relationships';
import {
	contactMomentSchema,
	plannedMomentSchema,
	momentOutcomeSchema,
	relationSchema,
	relationshipFieldErrorIds,
	type RelationshipFieldError
} from './relationships.schema';

const today = '2026-03-10';
const contactMoment = contactMomentSchema(today);
const plannedMoment = plannedMomentSchema(today);

/** [field, message] for every issue of a failed parse. */
function problems(result: z.ZodSafeParseResult<unknown>): [string, string][] {
	expect(result.success).toBe(false);
	return result.success ? [] : result.error.issues.map((issue) => [String(issue.path[0]), issue.message]);
}

describe('relationSchema', () => {
	it('needs only a first name or nickname and a circle; the rest has gentle defaults', () => {
		expect(relationSchema.parse({ nickname: '  Sam ', circle: 'friends' })).toEqual({
			nickname: 'Sam',
			circle: 'friends',
			brings: [],
			rhythm: 'no_goal',
			note: null
		});
	});
	it('takes a full form, with brings from a repeated field, deduplicated in list order', () => {
		expect(
			relationSchema.parse({ nickname: 'Oma', circle: 'intimate', brings: ['feeling_at_home', 'support', 'support'], rhythm: 'weekly', note: ' Houdt van tulpen ' })
		).toEqual({ nickname: 'Oma', circle: 'intimate', brings: ['support', 'feeling_at_home'], rhythm: 'weekly', note: 'Houdt van tulpen' });
	});
	it('drops repeats before anything else, however many', () => {
		expect(relationSchema.parse({ nickname: 'a', circle: 'friends', brings: Array(8).fill('fun') }).brings).toEqual(['fun']);
	});
	it('takes brings as one value (a single checkbox), none, or an empty field', () => {
		expect(relationSchema.parse({ nickname: 'a', circle: 'community', brings: 'fun' }).brings).toEqual(['fun']);
		expect(relationSchema.parse({ nickname: 'a', circle: 'community', brings: '' }).brings).toEqual([]);
		expect(relationSchema.parse({ nickname: 'a', circle: 'community', brings: null }).brings).toEqual([]);
		expect(relationSchema.parse({ nickname: 'a', circle: 'community', brings: [] }).brings).toEqual([]);
	});
	it('treats an empty rhythm or note as not given', () => {
		expect(relationSchema.parse({ nickname: 'a', circle: 'friends', rhythm: '', note: '   ' })).toMatchObject({ rhythm: 'no_goal', note: null });
	});
	it('takes 1 to 40 characters of name, after trimming', () => {
		expect(relationSchema.parse({ nickname: ` ${'x'.repeat(40)} `, circle: 'friends' }).nickname).toHaveLength(40);
		expect(problems(relationSchema.safeParse({ nickname: 'x'.repeat(41), circle: 'friends' }))).toEqual([['nickname', 'nickname_too_long']]);
		expect(problems(relationSchema.safeParse({ nickname: '  ', circle: 'friends' }))).toEqual([['nickname', 'name_missing']]);
		expect(problems(relationSchema.safeParse({ circle: 'friends' }))).toEqual([['nickname', 'name_missing']]);
	});
	it('refuses unknown values, each on its own field', () => {
		expect(problems(relationSchema.safeParse({ nickname: 'a', circle: 'family' }))).toEqual([['circle', 'circle_invalid']]);
		expect(problems(relationSchema.safeParse({ nickname: 'a' }))).toEqual([['circle', 'circle_invalid']]);
		expect(problems(relationSchema.safeParse({ nickname: 'a', circle: 'friends', brings: ['fun', 'money'] }))).toEqual([['brings', 'brings_invalid']]);
		expect(problems(relationSchema.safeParse({ nickname: 'a', circle: 'friends', brings: 7 }))).toEqual([['brings', 'brings_invalid']]);
		expect(problems(relationSchema.safeParse({ nickname: 'a', circle: 'friends', rhythm: 'daily' }))).toEqual([['rhythm', 'rhythm_invalid']]);
		expect(problems(relationSchema.safeParse({ nickname: 'a', circle: 'friends', note: 'x'.repeat(1001) }))).toEqual([['note', 'note_too_long']]);
		expect(relationSchema.parse({ nickname: 'a', circle: 'friends', note: 'x'.repeat(1000) }).note).toHaveLength(1000);
	});
	it('reports several wrong fields at once', () => {
		expect(problems(relationSchema.safeParse({ nickname: '', circle: 'x', brings: ['x'], rhythm: 'x', note: 5 }))).toEqual([
			['nickname', 'name_missing'],
			['circle', 'circle_invalid'],
			['brings', 'brings_invalid'],
			['rhythm', 'rhythm_invalid'],
			['note', 'note_too_long']
		]);
	});
});

describe('contactMomentSchema', () => {
	it('takes a kind, a day and a feeling, numbers from form strings', () => {
		expect(contactMoment.parse({ kind: 'call', day: '2026-03-08', feeling: '4' })).toEqual({ kind: 'call', day: '2026-03-08', feeling: 4 });
		expect(contactMoment.parse({ kind: 'chat_in_passing', day: today, feeling: 1 })).toEqual({ kind: 'chat_in_passing', day: today, feeling: 1 });
	});
	it('takes today when the day is left out or empty: logging takes two taps', () => {
		expect(contactMoment.parse({ kind: 'message', feeling: 5 }).day).toBe(today);
		expect(contactMoment.parse({ kind: 'message', day: '', feeling: 5 }).day).toBe(today);
		expect(contactMoment.parse({ kind: 'message', day: null, feeling: 5 }).day).toBe(today);
	});
	it('refuses a day after today, and a day that is not a real date', () => {
		expect(problems(contactMoment.safeParse({ kind: 'call', day: '2026-03-11', feeling: 3 }))).toEqual([['day', 'day_in_future']]);
		for (const day of ['2026-02-30', '10-03-2026', '2026-3-9', 'gisteren', 20260309]) {
			expect(problems(contactMoment.safeParse({ kind: 'call', day, feeling: 3 })), String(day)).toEqual([['day', 'day_invalid']]);
		}
	});
	it('refuses a feeling outside 1 to 5 or not whole, and an unknown kind', () => {
		for (const feeling of [0, 6, 2.5, '0', '6', '', 'goed', null, undefined]) {
			expect(problems(contactMoment.safeParse({ kind: 'call', feeling })), String(feeling)).toEqual([['feeling', 'feeling_invalid']]);
		}
		for (const kind of ['letter', '', undefined, 3]) {
			expect(problems(contactMoment.safeParse({ kind, feeling: 3 })), String(kind)).toEqual([['kind', 'kind_invalid']]);
		}
	});
});

describe('plannedMomentSchema', () => {
	it('takes a day from today on, a 24-hour time, a place or medium and a note', () => {
		expect(plannedMoment.parse({ kind: 'call', day: today, time: '09:30', place: ' Café de Hoek ', note: 'Vragen naar haar nieuwe baan' })).toEqual({
			kind: 'call',
			day: today,
			time: '09:30',
			place: 'Café de Hoek',
			note: 'Vragen naar haar nieuwe baan'
		});
		expect(plannedMoment.parse({ day: '2027-01-01', time: '23:59', place: '', note: '' })).toEqual({ kind: 'meeting', day: '2027-01-01', time: '23:59', place: null, note: null });
		expect(plannedMoment.parse({ day: '2026-03-11', time: '00:00' })).toEqual({ kind: 'meeting', day: '2026-03-11', time: '00:00', place: null, note: null });
	});
	it('refuses a day before today, and a day that is no date', () => {
		expect(problems(plannedMoment.safeParse({ day: '2026-03-09', time: '10:00' }))).toEqual([['day', 'day_in_past']]);
		expect(problems(plannedMoment.safeParse({ day: '2026-02-30', time: '10:00' }))).toEqual([['day', 'day_invalid']]);
		expect(problems(plannedMoment.safeParse({ time: '10:00' }))).toEqual([['day', 'day_invalid']]);
	});
	it('refuses a time that is not HH:MM on a 24-hour clock', () => {
		for (const time of ['24:00', '9:30', '09:60', '9.30', '09:30 PM', '0930', '', undefined, 930]) {
			expect(problems(plannedMoment.safeParse({ day: today, time })), String(time)).toEqual([['time', 'time_invalid']]);
		}
	});
	it('refuses a kind of contact that is not on the list', () => {
		expect(problems(plannedMoment.safeParse({ kind: 'letter', day: today, time: '10:00' }))).toEqual([['kind', 'kind_invalid']]);
	});
	it('limits the place to 80 and the note to 1000 characters', () => {
		expect(plannedMoment.parse({ day: today, time: '10:00', place: 'p'.repeat(80) }).place).toHaveLength(80);
		expect(problems(plannedMoment.safeParse({ day: today, time: '10:00', place: 'p'.repeat(81), note: 'n'.repeat(1001) }))).toEqual([
			['place', 'place_too_long'],
			['note', 'note_too_long']
		]);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Properties: wrong values of every kind get our ids, on the wrong field only.

const junk = fc.oneof(
	fc.boolean(),
	fc.bigInt(),
	fc.double(),
	fc.string({ maxLength: 12 }),
	fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
	fc.constant(new Date('2026-03-10T12:00:00Z'))
);

type Field = { valid: fc.Arbitrary<unknown>; wrong: fc.Arbitrary<unknown>; ids: readonly RelationshipFieldError[] };

const isIn = (list: readonly unknown[]) => (value: unknown) => list.includes(value);
const day = fc.integer({ min: -2000, max: 2000 }).map((n) => addDays(today, n));

const relationFields: Record<string, Field> = {
	nickname: {
		valid: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
		wrong: fc.oneof(fc.constantFrom('', '   ', 'x'.repeat(41)), junk.filter((v) => typeof v !== 'string')),
		ids: ['name_missing', 'nickname_too_long']
	},
	circle: { valid: fc.constantFrom(...contactCircles), wrong: junk.filter((v) => !isIn(contactCircles)(v)), ids: ['circle_invalid'] },
	brings: {
		valid: fc.subarray([...contactBrings]),
		wrong: fc.oneof(
			fc.array(fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !isIn(contactBrings)(s)), { minLength: 1, maxLength: 3 }),
			fc.oneof(fc.boolean(), fc.integer(), fc.constant({ a: 1 })),
			fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !isIn(contactBrings)(s))
		),
		ids: ['brings_invalid']
	},
	rhythm: {
		valid: fc.constantFrom(...contactRhythms),
		// Empty and null mean "not given": no goal.
		wrong: junk.filter((v) => v !== null && !isIn(contactRhythms)(v) && !(typeof v === 'string' && v.trim() === '')),
		ids: ['rhythm_invalid']
	},
	note: { valid: fc.string({ maxLength: 60 }), wrong: fc.oneof(fc.constant('n'.repeat(1001)), fc.integer(), fc.boolean()), ids: ['note_too_long'] }
};

const contactFields: Record<string, Field> = {
	kind: { valid: fc.constantFrom(...contactKinds), wrong: junk.filter((v) => !isIn(contactKinds)(v)), ids: ['kind_invalid'] },
	day: {
		valid: day.filter((d) => d <= today),
		// Empty and null mean "not given": today.
		wrong: fc.oneof(day.filter((d) => d > today), junk.filter((v) => v !== null && !(typeof v === 'string' && v.trim() === ''))),
		ids: ['day_invalid', 'day_in_future']
	},
	feeling: {
		valid: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }).map(String)),
		// A form string is read as a number, as Number() reads it ('3.0' is 3).
		wrong: junk.filter((v) => {
			const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
			return !(typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5);
		}),
		ids: ['feeling_invalid']
	}
};

const plannedFields: Record<string, Field> = {
	day: { valid: day.filter((d) => d >= today), wrong: fc.oneof(day.filter((d) => d < today), junk), ids: ['day_invalid', 'day_in_past'] },
	time: {
		valid: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
		wrong: junk.filter((v) => !(typeof v === 'string' && /^\s*([01]\d|2[0-3]):[0-5]\d\s*$/.test(v))),
		ids: ['time_invalid']
	},
	place: { valid: fc.string({ maxLength: 80 }), wrong: fc.oneof(fc.constant('p'.repeat(81)), fc.integer()), ids: ['place_too_long'] },
	note: { valid: fc.string({ maxLength: 60 }), wrong: fc.oneof(fc.constant('n'.repeat(1001)), fc.boolean()), ids: ['note_too_long'] }
};

describe.each([
	{ name: 'relationSchema', schema: relationSchema as z.ZodType, fields: relationFields },
	{ name: 'contactMomentSchema', schema: contactMoment as z.ZodType, fields: contactFields },
	{ name: 'plannedMomentSchema', schema: plannedMoment as z.ZodType, fields: plannedFields }
])('$name', ({ schema, fields }) => {
	const names = Object.keys(fields);
	const validBody = fc.record(Object.fromEntries(names.map((n) => [n, fields[n]!.valid])));

	it('parses every valid body', () => {
		fc.assert(
			fc.property(validBody, (body) => {
				const result = schema.safeParse(body);
				expect(result.success ? null : result.error.issues).toBeNull();
			}),
			{ numRuns: 200 }
		);
	});

	it('reports every wrong field with one of its own ids, and nothing else', () => {
		const wrongs = fc
			.subarray(names, { minLength: 1 })
			.chain((chosen) => fc.tuple(...chosen.map((n) => fields[n]!.wrong.map((value) => [n, value] as const))));
		fc.assert(
			fc.property(validBody, wrongs, (body, wrongFields) => {
				const input: Record<string, unknown> = { ...body };
				for (const [n, value] of wrongFields) input[n] = value;
				const found = problems(schema.safeParse(input));
				for (const [field, message] of found) {
					expect(relationshipFieldErrorIds as readonly string[]).toContain(message);
					expect(fields[field]?.ids).toContain(message);
				}
				expect([...new Set(found.map(([field]) => field))].sort()).toEqual(wrongFields.map(([n]) => n).sort());
			}),
			{ numRuns: 400 }
		);
	});
});

describe('momentOutcomeSchema', () => {
	it('takes "it happened" with how it felt, or "it did not happen"', () => {
		expect(momentOutcomeSchema.parse({ happened: true, feeling: '4' })).toEqual({ happened: true, feeling: 4 });
		expect(momentOutcomeSchema.parse({ happened: false, feeling: 'ignored' })).toEqual({ happened: false });
	});
	it('needs a feeling from 1 to 5 when it happened', () => {
		expect(problems(momentOutcomeSchema.safeParse({ happened: true }))).toEqual([['feeling', 'feeling_invalid']]);
		expect(problems(momentOutcomeSchema.safeParse({ happened: true, feeling: 6 }))).toEqual([['feeling', 'feeling_invalid']]);
	});
	it('refuses an answer that is neither', () => {
		for (const happened of [undefined, 'yes', 1, null]) {
			expect(problems(momentOutcomeSchema.safeParse({ happened, feeling: 3 })), String(happened)).toEqual([['happened', 'outcome_invalid']]);
		}
		expect(momentOutcomeSchema.safeParse(null).success).toBe(false);
	});
});

describe('every message id has words on the page', () => {
	it('is a known form error with its own text, never the generic one', () => {
		const generic = fieldErrorText('generic');
		for (const id of relationshipFieldErrorIds) {
			const text = relationshipErrorText(id as FieldError);
			expect(text, id).toBeTruthy();
			expect(text, id).not.toBe(generic);
		}
	});
});
