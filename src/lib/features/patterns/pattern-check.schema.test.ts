import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agreementOptionIds, hasEnoughAnswers, patternCheck, scorePatternCheck } from './pattern-check';
import {
	answerFieldName,
	mechanismIdSchema,
	patternAnswersSchema,
	patternCheckRequestSchema,
	patternIssueId,
	readPatternAnswersFromForm
} from './pattern-check.schema';

type Issue = { code: string; path: PropertyKey[]; message: string } & Record<string, unknown>;

/** The issues of a failed parse; fails the test when the parse succeeded or gave no issue. */
function issuesOf(result: { success: boolean; error?: { issues: unknown[] } }): [Issue, ...Issue[]] {
	expect(result.success).toBe(false);
	const issues = (result.error?.issues ?? []) as Issue[];
	const [first, ...rest] = issues;
	if (!first) throw new Error('expected at least one issue');
	return [first, ...rest];
}

/** Statements 1..n answered with the option, as JSON would carry them. */
function jsonAnswers(n: number, optionId = 'agree'): Record<string, string> {
	return Object.fromEntries(patternCheck.statements.slice(0, n).map((s) => [String(s.number), optionId]));
}

function form(entries: Array<[string, string | Blob]>): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

/** Form fields for statements 1..n. */
function formFields(n: number, optionId = 'agree'): Array<[string, string]> {
	return patternCheck.statements.slice(0, n).map((s) => [answerFieldName(s.number), optionId]);
}

describe('patternCheckRequestSchema', () => {
	it('accepts 18 valid answers and gives answers the scoring takes', () => {
		const result = patternCheckRequestSchema.safeParse({ answers: { ...jsonAnswers(17), '27': 'strongly_disagree' } });
		expect(result.success).toBe(true);
		expect(result.data?.answers[1]).toBe('agree');
		expect(result.data?.answers[27]).toBe('strongly_disagree');
		const score = scorePatternCheck(result.data!.answers);
		expect(score.answered).toBe(18);
		expect(hasEnoughAnswers(score)).toBe(true);
	});

	it('accepts all 27 answered', () => {
		expect(patternCheckRequestSchema.safeParse({ answers: jsonAnswers(27, 'neutral') }).success).toBe(true);
	});

	it('rejects 17 answers with too_few_answers on [answers], saying how many are needed', () => {
		const issues = issuesOf(patternCheckRequestSchema.safeParse({ answers: jsonAnswers(17) }));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toEqual(['answers']);
		expect(issues[0].params).toEqual({ messageId: 'too_few_answers', answered: 17, required: 18 });
		expect(issues[0].message).toMatch(/17 of 27 statements answered, at least 18/);
		expect(patternIssueId(issues[0] as never)).toBe('too_few_answers');
	});

	it('rejects an unknown statement, naming it, and does not count it towards the minimum', () => {
		const issues = issuesOf(patternCheckRequestSchema.safeParse({ answers: { ...jsonAnswers(17), '28': 'agree' } }));
		expect(issues.map((issue) => issue.path)).toEqual([['answers', '28'], ['answers']]);
		expect(issues[0].message).toMatch(/Unknown statement "28": the pattern check has statements 1 to 27/);
		expect(patternIssueId(issues[0] as never)).toBe('answer_unknown');
	});

	it('rejects statement keys that are not the exact number', () => {
		const issues = issuesOf(patternAnswersSchema.safeParse({ ...jsonAnswers(18), '01': 'agree', ' 2': 'agree', '0': 'agree' }));
		expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining([['01'], [' 2'], ['0']]));
		expect(issues).toHaveLength(3);
	});

	it('rejects an unknown option with the statement path, naming the allowed options', () => {
		const issues = issuesOf(patternAnswersSchema.safeParse({ ...jsonAnswers(27), '5': 'yes' }));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toEqual(['5']);
		expect(issues[0].code).toBe('invalid_value');
		expect(issues[0].message).toMatch(/Statement 5: unknown option "yes".*"strongly_disagree", "disagree", "neutral", "agree", "strongly_agree"/);
		expect(patternIssueId(issues[0] as never)).toBe('answer_invalid');
	});

	it('rejects a wrong value type, including null, with the statement path', () => {
		const issues = issuesOf(patternAnswersSchema.safeParse({ ...jsonAnswers(18), '1': 4, '2': null, '3': ['agree'] }));
		expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
			[['1'], 'invalid_type'],
			[['2'], 'invalid_type'],
			[['3'], 'invalid_type'],
			[[], 'custom']
		]);
		expect(issues[0].message).toMatch(/Statement 1: expected an option id string.*received number/);
		expect(issues[1]?.message).toMatch(/received null/);
		expect(issues[2]?.message).toMatch(/received array/);
	});

	it.each([[['agree']], ['agree'], [null], [42], [new Map([['1', 'agree']])]])('rejects non-object answers (%j) with path [answers]', (answers) => {
		const issues = issuesOf(patternCheckRequestSchema.safeParse({ answers }));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toEqual(['answers']);
		expect(issues[0].message).toMatch(/^answers must be an object keyed by statement number \(1 to 27\)/);
	});

	it('rejects an extra top-level key, naming it', () => {
		const issues = issuesOf(patternCheckRequestSchema.safeParse({ answers: jsonAnswers(27), locale: 'nl' }));
		expect(issues).toHaveLength(1);
		expect(issues[0].code).toBe('unrecognized_keys');
		expect(issues[0].path).toEqual([]);
		expect(issues[0].message).toMatch(/Unknown field\(s\) "locale": the body only takes "answers"/);
	});

	it('rejects a body without answers, or that is not an object', () => {
		expect(issuesOf(patternCheckRequestSchema.safeParse({}))[0].path).toEqual(['answers']);
		expect(issuesOf(patternCheckRequestSchema.safeParse('answers'))[0].path).toEqual([]);
	});

	it('an own "__proto__" key (as JSON.parse makes it) is an unknown statement, not a crash', () => {
		const body = JSON.parse(`{"__proto__": "agree", ${JSON.stringify(jsonAnswers(27)).slice(1)}`);
		const issues = issuesOf(patternAnswersSchema.safeParse(body));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toEqual(['__proto__']);
		expect(issues[0].message).toMatch(/Unknown statement "__proto__"/);
	});

	it('property: any input either parses to answers the scoring accepts, or gives issues that name a field', () => {
		const statementKey = fc.oneof(
			fc.integer({ min: -1, max: 30 }).map(String),
			fc.string({ maxLength: 4 })
		);
		const value = fc.oneof(fc.constantFrom(...agreementOptionIds), fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }));
		fc.assert(
			fc.property(fc.oneof(fc.dictionary(statementKey, value, { maxKeys: 30 }), fc.jsonValue({ maxDepth: 2 })), (input) => {
				const result = patternAnswersSchema.safeParse(input);
				if (result.success) {
					const score = scorePatternCheck(result.data);
					expect(hasEnoughAnswers(score)).toBe(true);
				} else {
					for (const issue of result.error.issues) {
						expect(issue.message.length).toBeGreaterThan(10);
						expect(['answer_invalid', 'answer_unknown', 'too_few_answers']).toContain(patternIssueId(issue));
						if (issue.path.length === 0) expect(issue.message).toMatch(/^(answers must be|Too few answers)/);
					}
				}
			})
		);
	});
});

describe('mechanismIdSchema', () => {
	it('accepts the nine ids and rejects anything else, listing them', () => {
		expect(mechanismIdSchema.safeParse('old_wounds').success).toBe(true);
		const issues = issuesOf(mechanismIdSchema.safeParse('loneliness'));
		expect(issues[0].message).toMatch(/mechanism must be one of: fear_of_vulnerability, .*underrated_community/);
	});
});

describe('readPatternAnswersFromForm', () => {
	it('names fields answer-<number>', () => {
		expect(answerFieldName(7)).toBe('answer-7');
	});

	it('reads a complete form and ignores other fields', () => {
		const read = readPatternAnswersFromForm(form([...formFields(27, 'neutral'), ['csrf', 'x'], ['save', '']]));
		expect(read.ok).toBe(true);
		expect(Object.keys(read.answers)).toHaveLength(27);
		expect(read.answers[13]).toBe('neutral');
		expect(read.missing).toEqual([]);
	});

	it('accepts 18 answers and lists the skipped statements; an empty field is skipped', () => {
		const read = readPatternAnswersFromForm(form([...formFields(18), [answerFieldName(19), '']]));
		expect(read.ok).toBe(true);
		expect(read.missing).toEqual([19, 20, 21, 22, 23, 24, 25, 26, 27]);
		expect(scorePatternCheck(read.answers).answered).toBe(18);
	});

	it('too few answers: one form issue with the counts, and answer_missing on each open statement', () => {
		const read = readPatternAnswersFromForm(form(formFields(16)));
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.issues[0]).toEqual({ field: null, messageId: 'too_few_answers', params: { answered: 16, required: 18 } });
		expect(read.issues.slice(1)).toEqual(
			[17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27].map((n) => ({ field: `answer-${n}`, messageId: 'answer_missing' }))
		);
		expect(Object.keys(read.answers)).toHaveLength(16);
	});

	it('an unknown option, a repeated field or a file is answer_invalid on that field, and not kept', () => {
		const read = readPatternAnswersFromForm(
			form([
				...formFields(27).slice(3),
				['answer-1', 'maybe'],
				['answer-2', 'agree'],
				['answer-2', 'disagree'],
				['answer-3', new Blob(['agree'])]
			])
		);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.issues).toEqual([
			{ field: 'answer-1', messageId: 'answer_invalid' },
			{ field: 'answer-2', messageId: 'answer_invalid' },
			{ field: 'answer-3', messageId: 'answer_invalid' }
		]);
		expect(read.answers[1]).toBeUndefined();
		expect(read.answers[2]).toBeUndefined();
		expect(Object.keys(read.answers)).toHaveLength(24);
		// An invalid answer is not a skipped one.
		expect(read.missing).toEqual([]);
	});

	it('an answer field for a statement that does not exist is answer_unknown, naming the field', () => {
		const read = readPatternAnswersFromForm(
			form([
				...formFields(27),
				['answer-28', 'agree'],
				['answer-x', 'agree'],
				['answer-__proto__', 'agree'],
				['answer-__proto__', 'agree']
			])
		);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.issues).toEqual([
			{ field: 'answer-28', messageId: 'answer_unknown' },
			{ field: 'answer-x', messageId: 'answer_unknown' },
			{ field: 'answer-__proto__', messageId: 'answer_unknown' }
		]);
		expect(Object.keys(read.answers)).toHaveLength(27);
	});

	it('property: valid answers are read back exactly; ok exactly when two thirds are answered', () => {
		fc.assert(
			fc.property(
				fc.array(fc.option(fc.constantFrom(...agreementOptionIds), { nil: undefined }), {
					minLength: patternCheck.statements.length,
					maxLength: patternCheck.statements.length
				}),
				(choices) => {
					const entries: Array<[string, string]> = [];
					const expected: Record<number, string> = {};
					patternCheck.statements.forEach((s, i) => {
						const choice = choices[i];
						entries.push([answerFieldName(s.number), choice ?? '']);
						if (choice !== undefined) expected[s.number] = choice;
					});
					const read = readPatternAnswersFromForm(form(entries));
					expect(read.answers).toEqual(expected);
					expect(read.ok).toBe(Object.keys(expected).length >= 18);
					expect(read.missing.length).toBe(27 - Object.keys(expected).length);
				}
			)
		);
	});
});
