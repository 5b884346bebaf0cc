/**
 * What the routes of the professional API share (/api/v1/caseload, /api/v1/clients/{personId}/…). The use-cases and
 * the policy module decide who gets in; this module only shapes requests and answers.
 * - `caseloadQuerySchema`: the caseload's filters and page from the query string (read with `parseQuery`).
 * - `caseloadEntryView(entry)`: one caseload row as JSON: signals, the newest result and how it changed.
 * - `measurementRequestProblem(error)`, `ratingProblem(error)`, `noteProblem(error)`: 422s whose invalid-params say
 *   in words what each field must be, instead of the schemas' message ids; one entry per id, so the type checker
 *   finds a new id without words.
 * - `notePatch(current, patch)`: what PATCH of a note validates: the note as it is, with the fields sent instead.
 * - `missingMeasurementRequest()`, `missingNote()`: the 404 for an id in the path that is unknown, somebody else's or
 *   (for a request) already ended; these are never told apart.
 */
import { z } from 'zod';
import { caseloadBandFilters } from '$lib/composers/caseload/caseload-list';
import type { CaseloadEntry } from '$lib/composers/caseload/caseload.server';
import { caseloadSignalIds, latestScores } from '$lib/composers/caseload/signals';
import type { ConversationNote } from '$lib/features/conversation-notes/conversation-notes.server';
import { noteBodyMaxLength, noteSummaryMaxLength, type NoteFieldError } from '$lib/features/conversation-notes/conversation-notes.schema';
import { getInstrument, instrumentIds } from '$lib/features/instruments/instruments';
import { repeatChoices } from '$lib/features/measurement-requests/requests';
import { selfSufficiencyDomains, strengthSources } from '$lib/features/self-sufficiency/domains';
import { ratingNoteMaxLength, type SelfSufficiencyFieldError } from '$lib/features/self-sufficiency/self-sufficiency.schema';
import { apiValidationProblem } from '$lib/composers/api/api-auth';
import { problem } from '$lib/server/http/problem';

const oneOf = (values: readonly (string | number)[]) => `must be one of: ${values.join(', ')}`;
const pageReason = 'must be a whole number, 1 or more';
/** As the caseload page cuts its search. */
const caseloadQueryMaxLength = 80;

/** All optional: no filter shows the whole caseload; a page past the last gives the last one. */
export const caseloadQuerySchema = z.object({
	signal: z.enum(caseloadSignalIds, { error: oneOf(caseloadSignalIds) }).optional(),
	band: z.enum(caseloadBandFilters, { error: oneOf(caseloadBandFilters) }).optional(),
	q: z.string().max(caseloadQueryMaxLength, `must be text of at most ${caseloadQueryMaxLength} characters`).optional(),
	page: z
		.string()
		.regex(/^\d{1,6}$/, pageReason)
		.transform(Number)
		.pipe(z.number().min(1, pageReason))
		.default(1)
});

export function caseloadEntryView(entry: CaseloadEntry) {
	// The newest result of any scale, and how it changed since the one before on the same scale (as the page shows it).
	const newest = latestScores(entry.facts.measurements).sort((a, b) => b.latest.takenAt.localeCompare(a.latest.takenAt))[0];
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
					change: newest.previous ? newest.latest.total - newest.previous.total : null
				}
			: null
	};
}

/**
 * Issues in words: `reasons` per message id, `atRoot` where an id on the body as a whole needs other words; any other
 * issue on the body as a whole means it was not a JSON object.
 */
function fieldProblem<Id extends string>(error: z.ZodError, reasons: Record<Id, string>, atRoot: Partial<Record<Id, string>> = {}): Response {
	const known = (message: string): message is Id => Object.hasOwn(reasons, message);
	const issues = error.issues.map((issue) => {
		const id = known(issue.message) ? issue.message : null;
		if (issue.path.length === 0) return { ...issue, message: id ? (atRoot[id] ?? reasons[id]) : 'must be a JSON object' };
		return { ...issue, message: id ? reasons[id] : issue.message };
	});
	return apiValidationProblem(new z.ZodError(issues));
}

/** The message ids of `measurementRequestSchema` (requests.ts). */
type MeasurementRequestFieldError = 'instrument_invalid' | 'day_invalid' | 'day_in_past' | 'repeat_invalid';

const measurementRequestReasons: Record<MeasurementRequestFieldError, string> = {
	instrument_invalid: oneOf(instrumentIds),
	day_invalid: 'must be a calendar day as YYYY-MM-DD, e.g. "2026-05-01" (left out: today)',
	day_in_past: 'must be today or a later day (YYYY-MM-DD, Europe/Amsterdam)',
	repeat_invalid: `must be one of: ${repeatChoices.join(', ')} (weeks), or null for once (left out: once)`
};

export const measurementRequestProblem = (error: z.ZodError) => fieldProblem(error, measurementRequestReasons);

const ratingReasons: Record<SelfSufficiencyFieldError, string> = {
	domain_invalid: 'must be an object with a level, and optionally a source and a note',
	level_invalid: 'must be a whole number from 1 (acute problem) to 5 (completely self-sufficient), or left out',
	source_invalid: `${oneOf(strengthSources)}, or left out`,
	source_without_level: 'may only be given beside a level',
	note_too_long: `must be text of at most ${ratingNoteMaxLength} characters`,
	rating_empty: 'must give a level for at least one domain'
};

export const ratingProblem = (error: z.ZodError) =>
	fieldProblem(error, ratingReasons, { domain_invalid: `must be a JSON object with a key per domain rated, of: ${selfSufficiencyDomains.join(', ')}` });

const noteReasons: Record<NoteFieldError, string> = {
	day_invalid: 'must be a calendar day as YYYY-MM-DD, e.g. "2026-05-01" (left out: today)',
	day_in_future: 'must be today or an earlier day (YYYY-MM-DD, Europe/Amsterdam): a note is about a conversation that took place',
	note_missing: `must be text of 1 to ${noteBodyMaxLength} characters`,
	note_too_long: `must be text of 1 to ${noteBodyMaxLength} characters`,
	summary_too_long: `must be text of at most ${noteSummaryMaxLength} characters, or null`,
	summary_missing_for_share: 'must be text when share is true: only the summary is shared with the client',
	share_invalid: 'must be true or false (left out: false)'
};

export const noteProblem = (error: z.ZodError) =>
	fieldProblem(error, noteReasons, { note_missing: 'must be a JSON object with body, and optionally day, summary and share' });

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
