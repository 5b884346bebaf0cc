/**
 * What the conversation-note form and the JSON API accept. Issues carry message ids (see
 * self-sufficiency.schema.ts), never texts, on the field that is wrong (path: day, body, summary or share).
 * - `noteFieldErrorIds`: every message id this schema can give; `conversation-note-words.ts` has their words.
 * - `conversationNoteSchema`: the day of the conversation (a real local date, not after today in brug's time zone;
 *   missing means today), the professional's own note (trimmed, 1 to `noteBodyMaxLength` characters), an optional
 *   summary for the client (at most `noteSummaryMaxLength`; empty is null) and whether to share that summary.
 *   Sharing needs a summary.
 * - `noteFieldErrors(error)`: field → first message id, for a form's 400 answer.
 * - `noteFormInput(form)`: a posted form as the schema's input (a ticked checkbox sends "on", an unticked one nothing);
 *   `noteFormValues(form)`: the same form as values to show again after an error.
 * Types: `NoteFieldError`, `ConversationNoteInput` (the parsed value), `NoteFormValues`.
 */
import { z } from 'zod';
import { emptyIsMissing } from '$lib/form-values';
import { isLocalDay, localDay } from '$lib/time';

export const noteFieldErrorIds = [
	'day_invalid',
	'day_in_future',
	'note_missing',
	'note_too_long',
	'summary_too_long',
	'summary_missing_for_share',
	'share_invalid'
] as const;
export type NoteFieldError = (typeof noteFieldErrorIds)[number];

import { noteBodyMaxLength, noteSummaryMaxLength } from './conversation-note-limits';
export { noteBodyMaxLength, noteSummaryMaxLength };

// abort: a day that is no day is not also "in the future". Today is read at parse time, in brug's time zone.
const day = z.preprocess(
	emptyIsMissing,
	z
		.string({ error: 'day_invalid' })
		.refine(isLocalDay, { message: 'day_invalid', abort: true })
		.refine((value) => value <= localDay(), 'day_in_future')
		.optional()
		.transform((value) => value ?? localDay())
);

const body = z.string({ error: 'note_missing' }).trim().min(1, 'note_missing').max(noteBodyMaxLength, 'note_too_long');

const summary = z.preprocess(
	emptyIsMissing,
	z
		.string({ error: 'summary_too_long' })
		.trim()
		.max(noteSummaryMaxLength, 'summary_too_long')
		.optional()
		.transform((value) => value ?? null)
);

const truthy = new Set(['on', 'true', '1']);
const falsy = new Set(['off', 'false', '0']);
/** A checkbox sends "on" or nothing; JSON sends a boolean. */
const share = z.preprocess((value) => {
	const given = emptyIsMissing(value);
	if (given === undefined) return false;
	if (typeof given === 'string' && truthy.has(given.trim().toLowerCase())) return true;
	if (typeof given === 'string' && falsy.has(given.trim().toLowerCase())) return false;
	return given;
}, z.boolean({ error: 'share_invalid' }));

export const conversationNoteSchema = z
	.object({ day, body, summary, share }, { error: 'note_missing' })
	.superRefine((note, context) => {
		// The client can only be given words that are there.
		if (note.share && note.summary === null) {
			context.addIssue({ code: 'custom', message: 'summary_missing_for_share', path: ['summary'] });
		}
	});

export type ConversationNoteInput = z.infer<typeof conversationNoteSchema>;

/** Field → first message id of a failed parse; an issue without a field goes under `form`. */
export function noteFieldErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	return errors;
}

/** What a note form shows: a new note's defaults, a stored note, or what was just sent. */
export interface NoteFormValues {
	day: string;
	body: string;
	summary: string;
	share: boolean;
}

/** The fields of a posted note form; anything else is left out. */
export function noteFormInput(form: FormData): Record<string, unknown> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : undefined;
	};
	return { day: text('day'), body: text('body'), summary: text('summary'), share: text('share') };
}

/** What was sent, to show again beside the errors (nothing typed is lost), cut to what the form takes. */
export function noteFormValues(form: FormData): NoteFormValues {
	const text = (name: string, max: number) => String(form.get(name) ?? '').slice(0, max);
	return {
		day: text('day', 10),
		body: text('body', noteBodyMaxLength + 100),
		summary: text('summary', noteSummaryMaxLength + 100),
		share: form.get('share') !== null
	};
}
