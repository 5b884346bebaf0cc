/**
 * Measurement requests: a professional asks a client to fill in a loneliness scale, once or repeating. Pure rules;
 * callers pass `today`. Days are local days (YYYY-MM-DD, see $lib/time).
 * - `repeatChoices`: the rhythms a professional can choose, in weeks.
 * - `nextDueDay({ repeatWeeks, filledDay })`: when a repeating request comes back after it was filled in; null for
 *   a request made once (it ends).
 * - `isDue(request, today)`: whether the client sees it as a task today.
 * - `measurementRequestSchema(today)`: the professional's form and the API body.
 */
import { z } from 'zod';
import { emptyIsMissing } from '$lib/form-values';
import { instrumentIds } from '$lib/features/instruments/instruments';
import { addDays, isLocalDay } from '$lib/time';

import { repeatChoices, type RepeatWeeks } from './repeat-choices';
export { repeatChoices, type RepeatWeeks };

/**
 * A repeating request comes back `repeatWeeks` after the day it was last filled in, not on a fixed calendar: a
 * client who fills it in late is not asked again a few days later.
 */
export function nextDueDay(input: { repeatWeeks: number | null; filledDay: string }): string | null {
	return input.repeatWeeks === null ? null : addDays(input.filledDay, input.repeatWeeks * 7);
}

export function isDue(request: { dueDay: string; endedAt: string | null }, today: string): boolean {
	return request.endedAt === null && request.dueDay <= today;
}

/**
 * What a professional asks: which scale, from which day (today unless chosen; never before today), and how often.
 * Errors are message ids, like every form schema (the vocabulary is in $lib/kernel/form-errors).
 */
export function measurementRequestSchema(today: string) {
	return z.object({
		instrument: z.enum(instrumentIds as unknown as ['djg-11', 'djg-6', 'ucla-3'], { error: 'instrument_invalid' }),
		startDay: z.preprocess(
			emptyIsMissing,
			z
				.string({ error: 'day_invalid' })
				.refine(isLocalDay, { message: 'day_invalid', abort: true })
				.refine((day) => day >= today, 'day_in_past')
				.default(today)
		),
		repeatWeeks: z.preprocess(
			(value) => {
				const given = emptyIsMissing(value);
				return typeof given === 'string' ? Number(given) : given;
			},
			z
				.union(repeatChoices.map((weeks) => z.literal(weeks)) as unknown as [z.ZodLiteral<RepeatWeeks>, z.ZodLiteral<RepeatWeeks>], {
					error: 'repeat_invalid'
				})
				.nullable()
				.default(null)
		)
	});
}
export type MeasurementRequestInput = z.infer<ReturnType<typeof measurementRequestSchema>>;
