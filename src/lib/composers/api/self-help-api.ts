/**
 * What the self-help routes of the personal API share (journal, thought-checks, kind-moments, step-plans).
 * - `journalEntryBody`, `thoughtCheckBody`, `kindMomentBody`, `stepPlanBody`, `stepDoneBody`, `discussBody`: the
 *   request bodies (contract.ts), each piped into the forms' schema (self-help.schema.ts); `selfHelpWords` gives the
 *   forms' message ids that only those schemas can give (blank text, a day that does not exist) in words.
 * - `pagedListQuerySchema`, `stepPlanListQuerySchema`: `limit` and `before` of a list (read with `parseQuery`).
 * - `pageOf(rows, limit)`: one page of a newest-first list and the `before` of the next page.
 * - `notFound(what, listPath)`: the 404 for an id that is unknown or somebody else's; the two are never told apart.
 */
import { z } from 'zod';
import {
	journalEntrySchema,
	kindMomentSchema,
	selfHelpLimits,
	stepDoneSchema,
	stepIdPattern,
	stepPlanSchema,
	thoughtRecordSchema
} from '$lib/features/journal/self-help.schema';
import { problem } from '$lib/server/http/problem';
import { isLocalDay } from '$lib/time';
import { pageCursor, parseCursor } from '$lib/server/db/cursor';
import { apiBody, calendarDay, dayReason, jsonObject, optionalText, requiredText, wholeNumber } from './contract';

const limitReason = 'must be a whole number from 1 to 100';
export const listLimit = (fallback: number) =>
	wholeNumber(1, 100, limitReason).default(fallback).meta({ description: `How many to give; default ${fallback}.` });

const beforeReason = 'must be the "next" value of the previous page, or an ISO 8601 instant such as "2026-05-01T12:00:00Z"';
/** The stored instants are `toISOString()` text, compared as text: any other spelling is brought to that form first. */
export const beforeParam = z
	.string({ error: beforeReason })
	.max(100, beforeReason)
	.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})(\|[0-9a-f-]{36})?$/, beforeReason)
	// Date.parse rolls 30 February over into March; a cursor with a day that does not exist is a mistake.
	.refine((value) => isLocalDay(value.slice(0, 10)) && parseCursor(value) !== undefined, 'must be a real date and time')
	.optional()
	.meta({
		description:
			'Where the page starts: the `next` of the previous page (`<instant>|<id>`), or an ISO 8601 instant (what was made strictly before it).'
	});

/** Journal entries, thought checks and kind moments: newest first, 20 to a page unless asked otherwise. */
export const pagedListQuerySchema = z.object({ limit: listLimit(20), before: beforeParam });
/** Step plans are few and ordered by what is still open, so they come in one list. */
export const stepPlanListQuerySchema = z.object({ limit: listLimit(100) });

const { journalBody, thoughtText, shortText } = selfHelpLimits;
const beliefReason = 'must be a whole number from 0 to 100';

export const journalEntryBody = apiBody(
	jsonObject({
		mood: wholeNumber(1, 5, 'must be a whole number from 1 (very hard) to 5 (very good)').meta({
			description: '1 very hard, 2 not so good, 3 okay, 4 good, 5 very good'
		}),
		body: optionalText(journalBody).meta({ description: 'Empty or left out: no text' }),
		wentWell: optionalText(shortText).meta({ description: 'Something that went well; empty or left out: none' })
	}),
	journalEntrySchema
);

export const thoughtCheckBody = apiBody(
	jsonObject({
		situation: requiredText(thoughtText),
		thought: requiredText(thoughtText),
		beliefBefore: wholeNumber(0, 100, beliefReason).meta({ description: 'How strongly you believe the thought, 0–100' }),
		factsFor: optionalText(thoughtText),
		factsAgainst: optionalText(thoughtText),
		alternative: optionalText(thoughtText),
		beliefAfter: wholeNumber(0, 100, `${beliefReason}, or null`).nullable().optional(),
		smallAction: optionalText(shortText)
	}),
	thoughtRecordSchema
);

export const kindMomentBody = apiBody(jsonObject({ body: requiredText(shortText) }), kindMomentSchema);

const stepIdReason = 'must be the id of a small step in the library, e.g. "ask-for-a-tip"';
export const stepPlanBody = apiBody(
	jsonObject({
		stepId: z.string({ error: stepIdReason }).regex(stepIdPattern, stepIdReason).meta({ examples: ['ask-for-a-tip'] }),
		plannedDay: calendarDay()
	}),
	stepPlanSchema
);

export const stepDoneBody = apiBody(
	jsonObject({
		howItWent: wholeNumber(1, 5, 'must be a whole number from 1 (not well) to 5 (very well)'),
		note: optionalText(shortText)
	}),
	stepDoneSchema
);

export const discussBody = jsonObject({
	discuss: z.boolean({ error: 'must be true or false' }).meta({ description: 'true to mark "bespreek dit", false to unmark' })
});

/** What only the forms' schemas check: text of spaces only, a day that passes the pattern but does not exist. */
export const selfHelpWords = {
	text_missing: 'must be text with more than spaces',
	day_invalid: dayReason,
	step_unknown: stepIdReason
};

/** `rows` is what the list use-case gave for `limit + 1` (one more tells whether another page exists). */
export function pageOf<Row extends { createdAt: string; id: string }>(rows: Row[], limit: number): { items: Row[]; next: string | null } {
	if (rows.length <= limit) return { items: rows, next: null };
	const items = rows.slice(0, limit);
	const last = items.at(-1)!;
	// Instant and id: rows written in the same millisecond are never skipped.
	return { items, next: pageCursor(last.createdAt, last.id) };
}

export function notFound(what: string, listPath: string): Response {
	return problem({
		title: 'Not found.',
		status: 404,
		detail: `This is not one of your ${what}. GET ${listPath} lists them.`
	});
}

