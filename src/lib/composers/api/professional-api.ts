/**
 * What the routes of the professional API share (/api/v1/caseload, /api/v1/clients/{personId}/…). The use-cases and
 * the policy module decide who gets in; this module only shapes requests and answers.
 * - `caseloadQuerySchema`: the caseload's filters, sort and page from the query string (read with `parseQuery`).
 * - `caseloadEntryView(entry)`: one caseload row as JSON: signals, the newest result and how it changed.
 * - `measurementRequestBody(today)`, `ratingBody`, `noteBody`, `notePatchBody`: the request bodies (contract.ts),
 *   piped into the features' schemas; `measurementRequestWords`, `ratingWords`, `noteWords` give those schemas'
 *   message ids (what JSON Schema cannot say) in words.
 * - `notePatch(current, patch)`: what PATCH of a note validates: the note as it is, with the fields sent instead.
 * - `missingMeasurementRequest()`, `missingNote()`: the 404 for an id in the path that is unknown, somebody else's or
 *   (for a request) already ended; these are never told apart.
 */
import { z } from 'zod';
import { caseloadBandFilters } from '$lib/composers/caseload/caseload-list';
import type { CaseloadEntry } from '$lib/composers/caseload/caseload.server';
import { caseloadSignalIds } from '$lib/composers/caseload/signals';
import { caseloadSortKeys, newestScore, sortDirections } from '$lib/composers/caseload/caseload-triage';
import type { ConversationNote } from '$lib/features/conversation-notes/conversation-notes.server';
import {
	conversationNoteSchema,
	noteBodyMaxLength,
	noteSummaryMaxLength,
	type NoteFieldError
} from '$lib/features/conversation-notes/conversation-notes.schema';
import { getInstrument, instrumentIds } from '$lib/features/instruments/instruments';
import { measurementRequestSchema, repeatChoices } from '$lib/features/measurement-requests/requests';
import { selfSufficiencyDomains, strengthSources, type SelfSufficiencyDomain } from '$lib/features/self-sufficiency/domains';
import {
	ratingNoteMaxLength,
	selfSufficiencyRatingSchema,
	type SelfSufficiencyFieldError
} from '$lib/features/self-sufficiency/self-sufficiency.schema';
import { problem } from '$lib/server/http/problem';
import { apiBody, calendarDay, jsonObject, oneOf, optionalText, requiredText, wholeNumber } from './contract';

const pageReason = 'must be a whole number, 1 or more';
/** As the caseload page cuts its search. */
const caseloadQueryMaxLength = 80;

/** All optional: no filter shows the whole caseload; a page past the last gives the last one. */
export const caseloadQuerySchema = z.object({
	signal: z.enum(caseloadSignalIds, { error: oneOf(caseloadSignalIds) }).optional().meta({ description: 'Only clients with this signal' }),
	band: z
		.enum(caseloadBandFilters, { error: oneOf(caseloadBandFilters) })
		.optional()
		.meta({ description: 'Only clients whose latest result is in this band (indication: UCLA-3 at or above its threshold; no_result: none scored)' }),
	q: z
		.string()
		.max(caseloadQueryMaxLength, `must be text of at most ${caseloadQueryMaxLength} characters`)
		.optional()
		.meta({ description: 'Part of the name; case and accents ignored' }),
	sort: z
		.enum(caseloadSortKeys, { error: oneOf(caseloadSortKeys) })
		.optional()
		.meta({ description: 'Sort by this column (latest: the newest result, most severe first; active: last active day); without it, signals first' }),
	order: z
		.enum(sortDirections, { error: oneOf(sortDirections) })
		.optional()
		.meta({ description: "With sort: asc or desc; without it, the column's own first order (name asc, latest desc, change desc, active asc, signals desc)" }),
	page: wholeNumber(1, 999_999, pageReason).default(1).meta({ description: 'A page past the last gives the last' })
});

export function caseloadEntryView(entry: CaseloadEntry) {
	// The newest result of any scale, and how it changed since the one before on the same scale (as the page shows it).
	const newest = newestScore(entry.facts.measurements);
	return {
		personId: entry.facts.personId,
		name: entry.facts.name,
		scopes: entry.scopes,
		since: entry.since,
		signals: entry.signals,
		openRequests: entry.openRequests,
		// Activity is part of the programme scope: without it, brug does not say.
		lastActivityDay: entry.scopes.includes('programme') ? entry.facts.lastActivityDay : null,
		latest: newest
			? {
					instrument: newest.latest.instrument,
					takenAt: newest.latest.takenAt,
					total: newest.latest.total,
					max: getInstrument(newest.latest.instrument)?.totalRange.max ?? null,
					band: newest.latest.band,
					change: newest.change
				}
			: null
	};
}

const dayInPast = 'must be today or a later day (YYYY-MM-DD, Europe/Amsterdam)';
const repeatReason = `must be one of: ${repeatChoices.join(', ')} (weeks), or null for once (left out: once)`;

export const measurementRequestBody = (today: string) =>
	apiBody(
		jsonObject({
			instrument: z.enum(instrumentIds, { error: oneOf(instrumentIds) }),
			startDay: calendarDay('must be a calendar day as YYYY-MM-DD, e.g. "2026-05-01" (left out: today)')
				.optional()
				.meta({ description: 'Today or later (Europe/Amsterdam); left out: today' }),
			repeatWeeks: z
				.literal(repeatChoices, { error: repeatReason })
				.nullable()
				.optional()
				.meta({ description: 'Ask again this many weeks after each answer; null or left out: once' })
		}),
		measurementRequestSchema(today)
	);

/** The message ids of `measurementRequestSchema` (requests.ts) that JSON Schema cannot say. */
export const measurementRequestWords = { day_in_past: dayInPast };

const levels = [1, 2, 3, 4, 5] as const;
const domainRating = jsonObject(
	{
		level: z
			.literal(levels, { error: 'must be a whole number from 1 (acute problem) to 5 (completely self-sufficient), or left out' })
			.optional()
			.meta({ description: '1 acute problem … 5 completely self-sufficient' }),
		source: z
			.enum(strengthSources, { error: `${oneOf(strengthSources)}, or left out` })
			.optional()
			.meta({ description: 'Where the strength comes from; only beside a level' }),
		note: z
			.string({ error: `must be text of at most ${ratingNoteMaxLength} characters` })
			.max(ratingNoteMaxLength, `must be text of at most ${ratingNoteMaxLength} characters`)
			.optional()
	},
	'must be an object with a level, and optionally a source and a note'
).optional();

export const ratingBody = apiBody(
	jsonObject(
		Object.fromEntries(selfSufficiencyDomains.map((id) => [id, domainRating])) as Record<SelfSufficiencyDomain, typeof domainRating>,
		`must be a JSON object with a key per domain rated, of: ${selfSufficiencyDomains.join(', ')}`
	).meta({ description: 'One key per domain discussed (ZRM order); at least one with a level' }),
	selfSufficiencyRatingSchema
);

export const ratingWords: Partial<Record<SelfSufficiencyFieldError, string>> = {
	source_without_level: 'may only be given beside a level',
	rating_empty: 'must give a level for at least one domain'
};

const dayOfNote = 'must be a calendar day as YYYY-MM-DD, e.g. "2026-05-01" (left out: today)';
const noteFields = {
	day: calendarDay(dayOfNote).meta({ description: 'The day of the conversation: today or earlier (Europe/Amsterdam); left out: today' }),
	body: requiredText(noteBodyMaxLength).meta({ description: 'Your own note; never shown to the client' }),
	summary: optionalText(noteSummaryMaxLength).meta({ description: 'Words for the client; empty, null or left out: none' }),
	share: z.boolean({ error: 'must be true or false (left out: false)' }).meta({ description: 'Share the summary with the client (needs a summary)' })
};

export const noteBody = apiBody(
	jsonObject(
		{ ...noteFields, day: noteFields.day.optional(), share: noteFields.share.optional() },
		'must be a JSON object with body, and optionally day, summary and share'
	),
	conversationNoteSchema
);

/** Only the fields to change; the rules of a whole note run on the note as it then is (`notePatch`). */
export const notePatchBody = jsonObject({
	day: noteFields.day.optional(),
	body: noteFields.body.optional(),
	summary: noteFields.summary,
	share: noteFields.share.optional().meta({ description: 'Share the summary with the client (needs a summary); false: unshare; left out: as it is' }),
	updatedAt: z.iso
		.datetime({ error: 'must be the updatedAt of the note as you read it' })
		.optional()
		.meta({
			format: 'date-time',
			description: "The note's updatedAt as you last read it: when a colleague saved since, the answer is 409 and nothing changes"
		})
}).meta({ description: 'Only the fields to change; those left out stay as they are' });

export const noteWords: Partial<Record<NoteFieldError, string>> = {
	day_in_future: 'must be today or an earlier day (YYYY-MM-DD, Europe/Amsterdam): a note is about a conversation that took place',
	note_missing: `must be text of 1 to ${noteBodyMaxLength} characters`,
	summary_missing_for_share: 'must be text when share is true: only the summary is shared with the client'
};

/**
 * PATCH of a note: the fields sent (day, body, summary, share) replace the note's, the others stay as they are;
 * `share` left out keeps the summary shared or not. Anything but an object is passed on for the schema to refuse.
 */
export function notePatch(current: ConversationNote, patch: unknown): unknown {
	if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
	return { day: current.day, body: current.body, summary: current.summary, share: current.sharedAt !== null, ...patch };
}

function missing(what: string, listPath: string): Response {
	return problem({
		title: 'Not found.',
		status: 404,
		detail: `This is not one of ${what}. GET ${listPath} lists them.`
	});
}

export const missingMeasurementRequest = () =>
	missing("your open measurement requests for this client (unknown, somebody else's, or ended)", '/api/v1/clients/{personId}/measurement-requests');
export const missingNote = () => missing('the conversation notes about this client you may read', '/api/v1/clients/{personId}/notes');
