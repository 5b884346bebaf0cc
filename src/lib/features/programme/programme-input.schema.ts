/**
 * What the programme's forms and the API accept. Issues carry message ids (the vocabulary is in
 * $lib/kernel/form-errors); empty optional texts become null, so "nothing written" is stored as nothing.
 * - `weekNumberSchema`: 0–9 (9 is the follow-up), from a path segment or JSON.
 * - `startProgrammeSchema`, `clientStartSchema`: starting alone (with a reminder choice) or for a client (with a
 *   welcome line).
 * - `checkInSchema`: the three short check-in answers and whether professionals may read them.
 * - `weekItemSchema`: marking the week's exercise or small step done (or not).
 * - `reminderChoiceSchema`, `planSchema`, `programmeMessageSchema`, `discussFirstSchema`.
 * - `formFlag(value)`: a checkbox ("on" or nothing) or a JSON boolean.
 */
import { z } from 'zod';
import { measurementMoments, reminderChoices } from './programme';
import { defaultReminderChoice } from './reminders';

import { programmeLimits } from './programme-values';
export { programmeLimits };

const truthy = new Set(['on', 'true', '1', 'yes']);
const falsy = new Set(['off', 'false', '0', 'no', '']);

/** A checkbox sends "on" or nothing; JSON sends a boolean. Anything else is refused with `message`. */
export const formFlag = (message: 'share_invalid' | 'choice_invalid') =>
	z.preprocess((value) => {
		if (value === undefined || value === null) return false;
		if (typeof value === 'string' && truthy.has(value.trim().toLowerCase())) return true;
		if (typeof value === 'string' && falsy.has(value.trim().toLowerCase())) return false;
		return value;
	}, z.boolean({ error: message }));

const optionalText = (max: number) =>
	z
		.string({ error: 'text_too_long' })
		.trim()
		.max(max, 'text_too_long')
		.nullish()
		.transform((value) => (value ? value : null));

export const weekNumberSchema = z.preprocess(
	(value) => (typeof value === 'string' && /^\d{1,2}$/.test(value.trim()) ? Number(value) : value),
	z.number({ error: 'week_invalid' }).int('week_invalid').min(0, 'week_invalid').max(9, 'week_invalid')
);

export const reminderChoiceSchema = z.enum(reminderChoices, { error: 'choice_invalid' });

export const startProgrammeSchema = z.object({ reminders: reminderChoiceSchema.default(defaultReminderChoice) });
export type StartProgrammeInput = z.infer<typeof startProgrammeSchema>;

export const clientStartSchema = z.object({ welcome: optionalText(programmeLimits.welcome) });
export type ClientStartInput = z.infer<typeof clientStartSchema>;

export const checkInSchema = z
	.object({
		wentWell: optionalText(programmeLimits.checkIn),
		tried: optionalText(programmeLimits.checkIn),
		takeAway: optionalText(programmeLimits.checkIn),
		share: formFlag('share_invalid')
	})
	.refine((c) => c.wentWell !== null || c.tried !== null || c.takeAway !== null, { message: 'text_missing', path: ['wentWell'] });
export type CheckInInput = z.infer<typeof checkInSchema>;

export const weekItems = ['exercise', 'step'] as const;
export const weekItemSchema = z.object({
	item: z.enum(weekItems, { error: 'choice_invalid' }),
	done: formFlag('choice_invalid')
});
export type WeekItemInput = z.infer<typeof weekItemSchema>;

const stepId = z.string({ error: 'step_unknown' }).regex(/^[a-z0-9-]{1,80}$/, 'step_unknown');

export const planSchema = z.object({
	earlySigns: optionalText(programmeLimits.planText),
	whatHelps: optionalText(programmeLimits.planText),
	whomToContact: optionalText(programmeLimits.planText),
	restartSteps: z
		.preprocess((value) => (value === undefined || value === null ? [] : typeof value === 'string' ? [value] : value), z.array(stepId, { error: 'step_unknown' }))
		.refine((steps) => steps.length <= programmeLimits.restartSteps, 'steps_too_many')
		.transform((steps) => [...new Set(steps)])
});
export type PlanInput = z.infer<typeof planSchema>;

export const programmeMessageSchema = z.object({
	body: z.string({ error: 'text_missing' }).trim().min(1, 'text_missing').max(programmeLimits.message, 'text_too_long')
});
export type ProgrammeMessageInput = z.infer<typeof programmeMessageSchema>;

export const discussFirstSchema = z.object({ discussFirst: formFlag('choice_invalid') });

export const measurementMomentSchema = z.enum(measurementMoments, { error: 'choice_invalid' });
