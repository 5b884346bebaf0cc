import { describe, it, expect } from 'vitest';
import { instruments, scoreInstrument } from './instruments';
import { answersSchemaFor, localeSchema, scoreRequestSchema } from './instruments.schema';

const djg11 = instruments['djg-11'];
const djg6 = instruments['djg-6'];
const ucla3 = instruments['ucla-3'];

type Issue = { code: string; path: PropertyKey[]; message: string } & Record<string, unknown>;

/** The issues of a failed parse; fails the test when the parse succeeded or gave no issue. */
function issuesOf(result: { success: boolean; error?: { issues: unknown[] } }): [Issue, ...Issue[]] {
	expect(result.success).toBe(false);
	const issues = (result.error?.issues ?? []) as Issue[];
	const [first, ...rest] = issues;
	if (!first) throw new Error('expected at least one issue');
	return [first, ...rest];
}

describe('scoreRequestSchema', () => {
	it('accepts a valid body and gives answers the scoring takes', () => {
		const body = { answers: { '1': 'yes', '2': 'more_or_less', '11': 'no' } };
		const result = scoreRequestSchema(djg11).safeParse(body);
		expect(result.success).toBe(true);
		expect(result.data).toEqual({ answers: { 1: 'yes', 2: 'more_or_less', 11: 'no' } });
		expect(scoreInstrument(djg11, result.data!.answers)).toMatchObject({ answered: 3, total: null });
	});

	it('accepts an empty answers object (nothing answered yet)', () => {
		expect(scoreRequestSchema(ucla3).safeParse({ answers: {} }).success).toBe(true);
	});

	it('rejects an unknown item with path [answers, key], naming the item', () => {
		const issues = issuesOf(scoreRequestSchema(djg6).safeParse({ answers: { '3': 'yes', '1': 'yes' } }));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toEqual(['answers', '1']);
		expect(issues[0].message).toMatch(/Unknown item "1".*djg-6 has items 3, 4, 7, 9, 8, 10/);
	});

	it('rejects "__proto__" and other keys an object inherits like any unknown item, as JSON.parse gives them', () => {
		for (const key of ['__proto__', 'constructor', 'prototype', 'toString']) {
			const issues = issuesOf(scoreRequestSchema(djg11).safeParse(JSON.parse(`{"answers":{"${key}":{"x":1}}}`)));
			expect(issues.map((issue) => issue.path), key).toEqual([['answers', key]]);
			expect(issues[0].message, key).toMatch(new RegExp(`Unknown item "${key}"`));
		}
	});

	it('rejects item keys that are not the exact item number', () => {
		const issues = issuesOf(scoreRequestSchema(djg11).safeParse({ answers: { '01': 'yes', ' 2': 'no', '12': 'no' } }));
		// Integer-like keys ("12") come first in JS property order, so compare without order.
		expect(issues).toHaveLength(3);
		expect(issues.map((issue) => issue.path)).toEqual(
			expect.arrayContaining([['answers', '01'], ['answers', ' 2'], ['answers', '12']])
		);
	});

	it('rejects an unknown option with the item path, naming the allowed options', () => {
		const issues = issuesOf(scoreRequestSchema(ucla3).safeParse({ answers: { '2': 'yes' } }));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toEqual(['answers', '2']);
		expect(issues[0].code).toBe('invalid_value');
		expect(issues[0].message).toMatch(/Item 2: unknown option "yes".*"hardly_ever", "some_of_the_time", "often"/);
	});

	it('rejects a wrong value type, including null, with the item path', () => {
		const issues = issuesOf(scoreRequestSchema(djg11).safeParse({ answers: { '4': 1, '5': null, '6': ['yes'] } }));
		expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
			[['answers', '4'], 'invalid_type'],
			[['answers', '5'], 'invalid_type'],
			[['answers', '6'], 'invalid_type']
		]);
		expect(issues[0].message).toMatch(/Item 4: expected an option id string.*received number/);
		expect(issues[1]?.message).toMatch(/received null/);
	});

	it.each([[['yes']], ['yes'], [null], [42]])('rejects non-object answers (%j) with path [answers]', (answers) => {
		const issues = issuesOf(scoreRequestSchema(djg11).safeParse({ answers }));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toEqual(['answers']);
		expect(issues[0].message).toMatch(/^answers must be an object keyed by djg-11 item number/);
	});

	it('rejects a body without answers, with path [answers]', () => {
		const issues = issuesOf(scoreRequestSchema(djg11).safeParse({}));
		expect(issues[0].path).toEqual(['answers']);
	});

	it('rejects an extra top-level key, naming it', () => {
		const issues = issuesOf(scoreRequestSchema(djg11).safeParse({ answers: { '1': 'yes' }, instrument: 'djg-11' }));
		expect(issues).toHaveLength(1);
		expect(issues[0].code).toBe('unrecognized_keys');
		expect(issues[0].path).toEqual([]);
		expect(issues[0].keys).toEqual(['instrument']);
		expect(issues[0].message).toMatch(/Unknown field\(s\) "instrument"/);
	});

	it('rejects a body that is not an object', () => {
		expect(issuesOf(scoreRequestSchema(djg11).safeParse('answers'))[0].path).toEqual([]);
	});
});

describe('answersSchemaFor', () => {
	it('reports every bad entry at once', () => {
		const issues = issuesOf(answersSchemaFor(djg11).safeParse({ '1': 'maybe', '2': 'yes', '99': 'no' }));
		expect(issues.map((issue) => issue.path)).toEqual([['1'], ['99']]);
	});
});

describe('localeSchema', () => {
	it('accepts nl and en only', () => {
		expect(localeSchema.parse('nl')).toBe('nl');
		expect(localeSchema.parse('en')).toBe('en');
		const issues = issuesOf(localeSchema.safeParse('de'));
		expect(issues[0].message).toBe('locale must be one of: nl, en');
	});
});
