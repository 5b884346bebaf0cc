/**
 * Zod schemas for pattern check answers, from a JSON body or a submitted form.
 *
 * - `mechanismIdSchema`: one of the nine mechanism ids (for example in exercise front matter).
 * - `patternAnswersSchema`: answers keyed by statement number ("1".."27"), option ids as values; at least two
 *   thirds answered.
 * - `patternCheckRequestSchema`: the strict request body `{ "answers": { ... } }`.
 * - `patternIssueId(issue)`: the message id of an issue from these schemas, for the page to translate.
 * - `answerFieldName(number)`: the form field of a statement, `answer-<number>`.
 * - `readPatternAnswersFromForm(form)`: answers from FormData through the same schema, with per-field message ids.
 * Issue messages are in English for API consumers; every issue's path names the field, and custom issues carry
 * `params.messageId`.
 */
import { z } from 'zod';
import { isPlainObject } from '$lib/form-values';
import {
	agreementOptionIds,
	answerFieldName,
	answerFieldPrefix,
	mechanismIds,
	minimumAnswered,
	patternCheck,
	type AgreementOptionId,
	type MechanismId,
	type PatternAnswers
} from './pattern-check';

/** Message ids (not texts): the page turns them into words in the person's language. */
export type PatternIssueId = 'answer_missing' | 'answer_invalid' | 'answer_unknown' | 'too_few_answers';

export const mechanismIdSchema: z.ZodType<MechanismId> = z.enum(mechanismIds, {
	error: () => `mechanism must be one of: ${mechanismIds.join(', ')}`
});

const statementKeys = patternCheck.statements.map((statement) => String(statement.number));
const statementCount = statementKeys.length;
const optionIds: readonly string[] = agreementOptionIds;
const quotedOptions = agreementOptionIds.map((id) => `"${id}"`).join(', ');

function isOptionId(value: unknown): value is AgreementOptionId {
	return typeof value === 'string' && optionIds.includes(value);
}

/**
 * Unanswered statements are left out (a JSON body cannot carry undefined); `null` is rejected as the wrong type
 * so that a client bug is not silently taken as a skipped statement. Too few answers is reported on the answers
 * object itself (path []), next to any per-statement issues, and only valid answers count towards the minimum.
 */
export const patternAnswersSchema: z.ZodType<PatternAnswers> = z
	// Not z.record: it silently drops an own "__proto__" key (as JSON.parse makes it) instead of reporting it.
	.custom<Record<string, unknown>>(isPlainObject, {
		error: () => `answers must be an object keyed by statement number (1 to ${statementCount})`
	})
	.superRefine((value, ctx) => {
		let valid = 0;
		for (const [key, answer] of Object.entries(value)) {
			if (!statementKeys.includes(key)) {
				ctx.addIssue({
					code: 'custom',
					path: [key],
					params: { messageId: 'answer_unknown', statement: key },
					message: `Unknown statement "${key}": the pattern check has statements 1 to ${statementCount}`
				});
			} else if (typeof answer !== 'string') {
				ctx.addIssue({
					code: 'invalid_type',
					expected: 'string',
					input: answer,
					path: [key],
					message: `Statement ${key}: expected an option id string (${quotedOptions}), received ${answer === null ? 'null' : Array.isArray(answer) ? 'array' : typeof answer}`
				});
			} else if (!isOptionId(answer)) {
				ctx.addIssue({
					code: 'invalid_value',
					values: [...agreementOptionIds],
					input: answer,
					path: [key],
					message: `Statement ${key}: unknown option "${answer}"; allowed options are ${quotedOptions}`
				});
			} else {
				valid += 1;
			}
		}
		if (valid < minimumAnswered) {
			ctx.addIssue({
				code: 'custom',
				path: [],
				params: { messageId: 'too_few_answers', answered: valid, required: minimumAnswered },
				message: `Too few answers: ${valid} of ${statementCount} statements answered, at least ${minimumAnswered} are needed for a result`
			});
		}
	})
	.transform((value): PatternAnswers => {
		const answers: PatternAnswers = {};
		for (const [key, answer] of Object.entries(value)) answers[Number(key)] = answer as AgreementOptionId;
		return answers;
	});

/** Unknown top-level keys are rejected; Zod reports them on the body (path []) with the keys listed. */
export const patternCheckRequestSchema: z.ZodType<{ answers: PatternAnswers }> = z.strictObject(
	{ answers: patternAnswersSchema },
	{
		error: (issue) =>
			issue.code === 'unrecognized_keys'
				? `Unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}: the body only takes "answers"`
				: undefined
	}
);

/** The message id of an issue from `patternAnswersSchema`: custom issues carry it, the rest are invalid answers. */
export function patternIssueId(issue: z.core.$ZodIssue): PatternIssueId {
	if (issue.code === 'custom') {
		const id: unknown = issue.params?.messageId;
		if (id === 'answer_unknown' || id === 'too_few_answers') return id;
	}
	return 'answer_invalid';
}

const fieldPrefix = answerFieldPrefix;

// Lives beside the definition, free of Zod, so the page's script can name the fields without the schema library.
export { answerFieldName };

export interface PatternFormIssue {
	/** The form field (`answer-<number>`), or null for the form as a whole (too few answers). */
	field: string | null;
	messageId: PatternIssueId;
	/** For 'too_few_answers': how many valid answers there are and how many are needed. */
	params?: { answered: number; required: number };
}

export type PatternFormResult =
	| { ok: true; answers: PatternAnswers; missing: number[] }
	| {
			ok: false;
			/** The valid answers only, to fill the form in again. */
			answers: PatternAnswers;
			missing: number[];
			issues: PatternFormIssue[];
	  };

/**
 * Reads `answer-<number>` fields through `patternAnswersSchema`; other fields (a CSRF token, a button) are
 * ignored. An empty field is a skipped statement; a repeated field or a file is an invalid answer. `missing`
 * lists the skipped statements in presentation order. When there are too few answers, each skipped statement
 * also gets an 'answer_missing' issue, so the page can point to the open ones.
 */
export function readPatternAnswersFromForm(form: Pick<FormData, 'keys' | 'getAll'>): PatternFormResult {
	// No prototype, so a field "answer-__proto__" becomes an own key the schema reports, not a prototype.
	const raw = Object.create(null) as Record<string, unknown>;
	for (const name of new Set(form.keys())) {
		if (!name.startsWith(fieldPrefix)) continue;
		const values = form.getAll(name).filter((value) => value !== '');
		if (values.length === 0) continue;
		raw[name.slice(fieldPrefix.length)] = values.length === 1 ? values[0] : values;
	}

	const answers: PatternAnswers = {};
	const missing: number[] = [];
	for (const statement of patternCheck.statements) {
		const value = Object.hasOwn(raw, String(statement.number)) ? raw[String(statement.number)] : undefined;
		if (isOptionId(value)) answers[statement.number] = value;
		else if (value === undefined) missing.push(statement.number);
	}

	const parsed = patternAnswersSchema.safeParse(raw);
	if (parsed.success) return { ok: true, answers: parsed.data, missing };

	const issues: PatternFormIssue[] = [];
	for (const issue of parsed.error.issues) {
		const messageId = patternIssueId(issue);
		const [key] = issue.path;
		if (messageId === 'too_few_answers') {
			issues.push({
				field: null,
				messageId,
				params: { answered: Object.keys(answers).length, required: minimumAnswered }
			});
			for (const number of missing) issues.push({ field: answerFieldName(number), messageId: 'answer_missing' });
		} else {
			issues.push({ field: key === undefined ? null : `${fieldPrefix}${String(key)}`, messageId });
		}
	}
	return { ok: false, answers, missing, issues };
}
