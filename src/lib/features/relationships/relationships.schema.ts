/**
 * What the relationship forms and the JSON API accept: a person in one's life (a relation), a contact moment and a
 * planned moment of connection. One schema per entity; issues carry message ids (the vocabulary is in $lib/kernel/form-errors), never
 * texts. Empty optional texts become null, so "nothing written" is stored as nothing.
 * - `relationshipFieldErrorIds`: every message id these schemas can give.
 * - `relationSchema`: nickname, circle, brings, rhythm, note.
 * - `contactMomentSchema(today)`: kind, day (a real day, not after `today`; today when left empty), feeling.
 * - `plannedMomentSchema(today)`: kind (a meeting unless chosen), day (from `today` on), time (HH:MM, 24 hours),
 *   place or medium, note.
 * - `momentOutcomeSchema`: the answer to "how did it go?": it happened, with how it felt; or it did not happen.
 * - `nicknameMaxLength`, `noteMaxLength`, `placeMaxLength`: the limits, for the forms' maxlength and the error texts.
 * Types: `RelationshipFieldError`, `RelationInput`, `ContactMomentInput`, `PlannedMomentInput`.
 */
import { z } from 'zod';
import { emptyIsMissing } from '$lib/form-values';
import { isLocalDay } from '$lib/time';
import { contactBrings, contactCircles, contactKinds, contactRhythms } from './relationships';

export const relationshipFieldErrorIds = [
	'name_missing',
	'nickname_too_long',
	'circle_invalid',
	'brings_invalid',
	'rhythm_invalid',
	'note_too_long',
	'kind_invalid',
	'day_invalid',
	'day_in_future',
	'day_in_past',
	'feeling_invalid',
	'time_invalid',
	'place_too_long',
	'outcome_invalid'
] as const;
export type RelationshipFieldError = (typeof relationshipFieldErrorIds)[number];

import { nicknameMaxLength, noteMaxLength, placeMaxLength, relationshipLimits } from './relationship-limits';
export { nicknameMaxLength, noteMaxLength, placeMaxLength, relationshipLimits };

/** Optional free text: trimmed; empty (or left out) is null. */
const optionalText = (max: number, message: RelationshipFieldError) =>
	z
		.string({ error: message })
		.trim()
		.max(max, message)
		.nullish()
		.transform((value) => (value ? value : null));


/** A first name or nickname: nothing more is required to add someone. */
const nickname = z
	.string({ error: 'name_missing' })
	.trim()
	.min(1, 'name_missing')
	.max(nicknameMaxLength, 'nickname_too_long');

/**
 * What someone brings, from a form's repeated field (`form.getAll('brings')`, or one value) or a JSON array. Known
 * values only; duplicates are dropped and the order is the list's own, so equal choices store equally.
 */
const brings = z
	.preprocess(
		(value) => (value === undefined || value === null ? [] : typeof value === 'string' ? (value === '' ? [] : [value]) : value),
		// No length limit: repeats are dropped below, and the body limit bounds the list.
		z.array(z.enum(contactBrings, { error: 'brings_invalid' }), { error: 'brings_invalid' })
	)
	.transform((chosen) => contactBrings.filter((need) => chosen.includes(need)));

export const relationSchema = z.object({
	nickname,
	circle: z.enum(contactCircles, { error: 'circle_invalid' }),
	brings,
	// No rhythm chosen means no goal: contact on the person's own terms, without reminders.
	rhythm: z.preprocess(emptyIsMissing, z.enum(contactRhythms, { error: 'rhythm_invalid' }).default('no_goal')),
	note: optionalText(noteMaxLength, 'note_too_long')
});
export type RelationInput = z.infer<typeof relationSchema>;

/** A whole number from a form field or JSON. */
const wholeNumber = (min: number, max: number, message: RelationshipFieldError) =>
	z.preprocess(
		(value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
		z.number({ error: message }).int(message).min(min, message).max(max, message)
	);

// abort: a day that is no day is not also "in the future".
const localDay = z.string({ error: 'day_invalid' }).refine(isLocalDay, { message: 'day_invalid', abort: true });

/**
 * A contact that happened. Logging takes two taps, so the day defaults to `today`; a day after `today` is not a
 * contact yet (plan it instead).
 */
export function contactMomentSchema(today: string) {
	return z.object({
		kind: z.enum(contactKinds, { error: 'kind_invalid' }),
		day: z.preprocess(emptyIsMissing, localDay.default(today).refine((day) => day <= today, 'day_in_future')),
		feeling: wholeNumber(1, 5, 'feeling_invalid')
	});
}
export type ContactMomentInput = z.infer<ReturnType<typeof contactMomentSchema>>;

/** A time of day as a 24-hour clock shows it, HH:MM (what `<input type="time">` sends). */
const timeOfDay = z
	.string({ error: 'time_invalid' })
	.trim()
	.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'time_invalid');

/** A planned moment of connection: a meeting or call from today on. After its day, brug asks how it went. */
export function plannedMomentSchema(today: string) {
	return z.object({
		kind: z.preprocess(emptyIsMissing, z.enum(contactKinds, { error: 'kind_invalid' }).default('meeting')),
		day: localDay.refine((day) => day >= today, 'day_in_past'),
		time: timeOfDay,
		place: optionalText(placeMaxLength, 'place_too_long'),
		note: optionalText(noteMaxLength, 'note_too_long')
	});
}
export type PlannedMomentInput = z.infer<ReturnType<typeof plannedMomentSchema>>;

/**
 * "How did it go?" after a planned moment: it happened, and felt 1–5 (it becomes a contact moment on the planned day);
 * or it did not happen (the plan closes, nothing is counted and nothing is blamed).
 */
export const momentOutcomeSchema = z.discriminatedUnion(
	'happened',
	[
		z.object({ happened: z.literal(true), feeling: wholeNumber(1, 5, 'feeling_invalid') }),
		z.object({ happened: z.literal(false) })
	],
	{ error: 'outcome_invalid' }
);
export type MomentOutcomeInput = z.infer<typeof momentOutcomeSchema>;
