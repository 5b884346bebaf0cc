/**
 * What the self-help routes of the personal API share (journal, thought-checks, kind-moments, step-plans).
 * - `parseListQuery(url, schema)`: `limit` and `before` from the query string, or the 422 to send.
 * - `pageOf(rows, limit)`: one page of a newest-first list and the `before` of the next page.
 * - `selfHelpValidationProblem(error, reasons)`: 422 whose invalid-params say in words what each field must be,
 *   instead of the forms' message ids (self-help.schema.ts).
 * - `notFound(what, listPath)`: the 404 for an id that is unknown or somebody else's; the two are never told apart.
 * - `discussSchema`: the body of PATCH "bespreek dit".
 */
import { z } from 'zod';
import { apiValidationProblem } from '$lib/composers/api/api-auth';
import { problem } from '$lib/server/http/problem';
import { isLocalDay } from '$lib/time';
import { pageCursor, parseCursor } from '$lib/server/db/cursor';

const limitReason = 'must be a whole number from 1 to 100';
const limitParam = (fallback: number) =>
	z
		.string()
		.regex(/^\d{1,3}$/, limitReason)
		.transform(Number)
		.pipe(z.number().min(1, limitReason).max(100, limitReason))
		.default(fallback);

/** The stored instants are `toISOString()` text, compared as text: any other spelling is brought to that form first. */
const beforeParam = z
	.string()
	.max(100, 'must be the "next" value of the previous page, or an ISO 8601 instant')
	.regex(
		/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})(\|[0-9a-f-]{36})?$/,
		'must be the "next" value of the previous page, or an ISO 8601 instant such as "2026-05-01T12:00:00Z"'
	)
	// Date.parse rolls 30 February over into March; a cursor with a day that does not exist is a mistake.
	.refine((value) => isLocalDay(value.slice(0, 10)) && parseCursor(value) !== undefined, 'must be a real date and time');

/** Journal entries, thought checks and kind moments: newest first, 20 to a page unless asked otherwise. */
export const pagedListQuerySchema = z.object({ limit: limitParam(20), before: beforeParam.optional() });
/** Step plans are few and ordered by what is still open, so they come in one list. */
export const stepPlanListQuerySchema = z.object({ limit: limitParam(100) });

export function parseListQuery<Schema extends z.ZodType>(
	url: URL,
	schema: Schema
): { ok: true; value: z.output<Schema> } | { ok: false; response: Response } {
	const parsed = schema.safeParse({
		limit: url.searchParams.get('limit') ?? undefined,
		before: url.searchParams.get('before') ?? undefined
	});
	return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: apiValidationProblem(parsed.error) };
}

/** `rows` is what the list use-case gave for `limit + 1` (one more tells whether another page exists). */
export function pageOf<Row extends { createdAt: string; id: string }>(rows: Row[], limit: number): { items: Row[]; next: string | null } {
	if (rows.length <= limit) return { items: rows, next: null };
	const items = rows.slice(0, limit);
	const last = items.at(-1)!;
	// Instant and id: rows written in the same millisecond are never skipped.
	return { items, next: pageCursor(last.createdAt, last.id) };
}

/** What each field must be, in words for API clients; keyed by field name, per request body. */
export type FieldReasons = Record<string, string>;

const optionalText = (max: number) => `must be text of at most ${max} characters, or null`;
const requiredText = (max: number) => `must be text of 1 to ${max} characters`;

export const reasons = {
	journalEntry: {
		mood: 'must be a whole number from 1 (very hard) to 5 (very good)',
		body: optionalText(5000),
		wentWell: optionalText(1000)
	},
	thoughtCheck: {
		situation: requiredText(2000),
		thought: requiredText(2000),
		beliefBefore: 'must be a whole number from 0 to 100',
		factsFor: optionalText(2000),
		factsAgainst: optionalText(2000),
		alternative: optionalText(2000),
		beliefAfter: 'must be a whole number from 0 to 100, or null',
		smallAction: optionalText(1000)
	},
	kindMoment: { body: requiredText(1000) },
	stepPlan: {
		stepId: 'must be the id of a small step in the library, e.g. "ask-for-a-tip"',
		plannedDay: 'must be a calendar day as YYYY-MM-DD, e.g. "2026-05-01"'
	},
	stepDone: { howItWent: 'must be a whole number from 1 (not well) to 5 (very well)', note: optionalText(1000) },
	discuss: { discuss: 'must be true or false' }
} satisfies Record<string, FieldReasons>;

export function selfHelpValidationProblem(error: z.ZodError, fieldReasons: FieldReasons): Response {
	const issues = error.issues.map((issue) => {
		if (issue.path.length === 0) return { ...issue, message: 'must be a JSON object' };
		return { ...issue, message: fieldReasons[String(issue.path[0])] ?? issue.message };
	});
	return apiValidationProblem(new z.ZodError(issues));
}

/** A 422 for one field that passed the schema but not the use-case (e.g. a step id that is not in the library). */
export function invalidField(name: string, reason: string): Response {
	return problem({
		title: 'Your request contains invalid fields.',
		status: 422,
		detail: `${name}: ${reason}`,
		'invalid-params': [{ name, reason }]
	});
}

export function notFound(what: string, listPath: string): Response {
	return problem({
		title: 'Not found.',
		status: 404,
		detail: `This is not one of your ${what}. GET ${listPath} lists them.`
	});
}

export const discussSchema = z.object({ discuss: z.boolean() });
