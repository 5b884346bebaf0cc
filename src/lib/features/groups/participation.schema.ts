/**
 * What a person may send about their own place in a group: the code, joining, the check-in after a session and their
 * settings. Issues carry message ids from the kernel's form-error vocabulary.
 * - `groupCodeSchema`: a printed code as typed (spaces, dashes, lower case are fine), normalised.
 * - `joinGroupSchema`, `checkInSchema`, `changeParticipationSchema`, and their inferred types.
 */
import { z } from 'zod';
import { clientCodeSchema } from '$lib/features/consent/consent.schema';
import { countInReportsField } from '$lib/features/report-consent/report-consent.schema';
import { groupLimits, reminderChoices } from './group-values';

export const groupCodeSchema = clientCodeSchema;

/** A checkbox: absent is no, so sharing is never on unless the person ticks it. */
const yesNo = z
	.union([z.boolean(), z.enum(['yes', 'no', 'on'])], { error: 'share_invalid' })
	.optional()
	.transform((value) => value === true || value === 'yes' || value === 'on');

const reminders = z.enum(reminderChoices, { error: 'choice_invalid' });

export const joinGroupSchema = z.object({
	code: groupCodeSchema,
	/** How the leaders will see the person: any name they like. */
	personName: z.string({ error: 'name_missing' }).trim().min(1, 'name_missing').max(groupLimits.personName, 'name_too_long'),
	shareCheckIns: yesNo,
	reminders: reminders.default('day_before'),
	/** Counting in the organisation's figures: true or false; left out, as it is. */
	countInReports: countInReportsField
});
export type JoinGroupInput = z.infer<typeof joinGroupSchema>;

const step = z.coerce.number({ error: 'rating_invalid' }).int('rating_invalid').min(1, 'rating_invalid').max(5, 'rating_invalid');

export const checkInSchema = z.object({
	welcome: step,
	enjoyed: step,
	come_again: step,
	line: z
		.string({ error: 'text_too_long' })
		.trim()
		.max(groupLimits.checkInLine, 'text_too_long')
		.optional()
		.transform((value) => value || null)
});
export type CheckInInput = z.infer<typeof checkInSchema>;

export const changeParticipationSchema = z.object({ shareCheckIns: yesNo, reminders });
export type ChangeParticipationInput = z.infer<typeof changeParticipationSchema>;
