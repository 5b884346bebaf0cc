/**
 * What the self-help forms and the API accept: a journal entry, a thought check, a kind moment, a planned small step
 * and how it went. One schema per entity; issues carry message ids (the vocabulary is in $lib/kernel/form-errors). Empty optional texts
 * become null, so "nothing written" is stored as nothing.
 */
import { z } from 'zod';
import { isLocalDay } from '$lib/time';

/** The limits, stated once: the forms, the API's contract and its OpenAPI document take them from here. */
export const selfHelpLimits = {
	journalBody: 5000,
	thoughtText: 2000,
	/** What went well, a small action, a kind moment, a note on a step. */
	shortText: 1000
} as const;
export const stepIdPattern = /^[a-z0-9-]{1,80}$/;

const longText = selfHelpLimits.journalBody;
const { thoughtText, shortText } = selfHelpLimits;

/** Optional free text: trimmed; empty is null. */
const optionalText = (max: number = longText) =>
	z
		.string({ error: 'text_too_long' })
		.trim()
		.max(max, 'text_too_long')
		.nullish()
		.transform((value) => (value ? value : null));

const requiredText = (max: number = longText) =>
	z.string({ error: 'text_missing' }).trim().min(1, 'text_missing').max(max, 'text_too_long');

/** A whole number from a form field or JSON. */
const wholeNumber = (min: number, max: number, message: string) =>
	z.preprocess(
		(value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
		z.number({ error: message }).int(message).min(min, message).max(max, message)
	);

export const localDaySchema = z.string({ error: 'day_invalid' }).refine(isLocalDay, 'day_invalid');

export const journalEntrySchema = z.object({
	mood: wholeNumber(1, 5, 'mood_missing'),
	body: optionalText(),
	wentWell: optionalText(shortText)
});
export type JournalEntryInput = z.infer<typeof journalEntrySchema>;

export const thoughtRecordSchema = z.object({
	situation: requiredText(thoughtText),
	thought: requiredText(thoughtText),
	beliefBefore: wholeNumber(0, 100, 'belief_invalid'),
	factsFor: optionalText(thoughtText),
	factsAgainst: optionalText(thoughtText),
	alternative: optionalText(thoughtText),
	beliefAfter: z.preprocess((v) => (v === '' ? null : v), wholeNumber(0, 100, 'belief_invalid').nullish()).transform((v) => v ?? null),
	smallAction: optionalText(shortText)
});
export type ThoughtRecordInput = z.infer<typeof thoughtRecordSchema>;

export const kindMomentSchema = z.object({ body: requiredText(shortText) });
export type KindMomentInput = z.infer<typeof kindMomentSchema>;

export const stepPlanSchema = z.object({
	stepId: z.string({ error: 'step_unknown' }).regex(stepIdPattern, 'step_unknown'),
	plannedDay: localDaySchema
});
export type StepPlanInput = z.infer<typeof stepPlanSchema>;

export const stepDoneSchema = z.object({
	howItWent: wholeNumber(1, 5, 'rating_invalid'),
	note: optionalText(shortText)
});
export type StepDoneInput = z.infer<typeof stepDoneSchema>;
