/**
 * What the organisation side of a group training accepts (the leader's and admin's forms, later the API). Issues
 * carry the kernel's message ids ($lib/kernel/form-errors), on the field that is wrong.
 * - `groupSchema`: name, optional programme, capacity (2–20, default 12), complete-after (default 6), one or two
 *   leader ids (whether they are professionals of the organisation is the server's check).
 * - `sessionSeriesSchema`: a weekly series: first day, how many (default 8), start and end time, place or video link
 *   (https only), an optional return meeting day after the last session.
 * - `newGroupSchema`: a group with its first series; complete-after at most the number of sessions.
 * - `sessionChangeSchema`: moving one session (day, times, place, video link).
 * - `attendanceSchema`: one status for one participant; `groupNoteSchema`: a leader's note (≤ 2000).
 * - `groupFormInput(form)`: a posted form as the schemas' input (text fields, and every ticked leader).
 */
import { z } from 'zod';
import { emptyIsMissing } from '$lib/form-values';
import { addDays, isLocalDay } from '$lib/time';
import { defaultProgrammeId } from '$lib/features/programme/programme-values';
import { attendanceStatuses, groupLimits } from './group-values';

export { groupLimits };

/** Digits from a form, a number from JSON; anything else stays as it is and is refused. */
const wholeNumber = (min: number, max: number, message: 'capacity_invalid' | 'complete_after_invalid' | 'sessions_invalid', fallback: number) =>
	z.preprocess(
		(value) => {
			const given = emptyIsMissing(value);
			return typeof given === 'string' && /^\d{1,3}$/.test(given.trim()) ? Number(given) : given;
		},
		z.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback)
	);

const day = z.string({ error: 'day_invalid' }).trim().refine(isLocalDay, 'day_invalid');

/** HH:MM, what `<input type="time">` sends. */
const time = z
	.string({ error: 'time_invalid' })
	.trim()
	.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'time_invalid');

const optionalText = (max: number, message: 'place_too_long') =>
	z.preprocess(emptyIsMissing, z.string({ error: message }).trim().max(max, message).optional().transform((value) => value || null));

function isHttps(value: string): boolean {
	try {
		return new URL(value).protocol === 'https:';
	} catch {
		return false;
	}
}

/** Only https: a link in a mail or calendar must not lead to a page anyone on the way can change. */
const videoUrl = z.preprocess(
	emptyIsMissing,
	z
		.string({ error: 'video_url_invalid' })
		.trim()
		.max(groupLimits.videoUrl, 'video_url_invalid')
		.refine(isHttps, 'video_url_invalid')
		.optional()
		.transform((value) => value ?? null)
);

const leaderIds = z.preprocess(
	(value) => (value === undefined || value === null ? [] : typeof value === 'string' ? [value] : value),
	z
		.array(z.string({ error: 'leaders_invalid' }).trim().min(1, 'leaders_invalid').max(100, 'leaders_invalid'), { error: 'leaders_invalid' })
		.transform((ids) => [...new Set(ids)])
		.refine((ids) => ids.length >= 1 && ids.length <= groupLimits.maxLeaders, 'leaders_invalid')
);

export const programmeChoices = ['none', defaultProgrammeId] as const;

const groupFields = {
	name: z.string({ error: 'name_missing' }).trim().min(1, 'name_missing').max(groupLimits.name, 'name_too_long'),
	programme: z.preprocess(emptyIsMissing, z.enum(programmeChoices, { error: 'choice_invalid' }).default('none')),
	capacity: wholeNumber(groupLimits.minCapacity, groupLimits.maxCapacity, 'capacity_invalid', groupLimits.defaultCapacity),
	completeAfter: wholeNumber(1, groupLimits.maxSessions, 'complete_after_invalid', groupLimits.defaultCompleteAfter),
	leaderIds
};

export const groupSchema = z.object(groupFields);
export type GroupInput = z.infer<typeof groupSchema>;

/** What a session happens at: the end after the start, and a place or a video link (or both). */
function checkTimesAndPlace(value: { startsAt: string; endsAt: string; place: string | null; videoUrl: string | null }, context: z.RefinementCtx) {
	if (value.endsAt <= value.startsAt) context.addIssue({ code: 'custom', message: 'end_before_start', path: ['endsAt'] });
	if (value.place === null && value.videoUrl === null) context.addIssue({ code: 'custom', message: 'place_or_video_missing', path: ['place'] });
}

const whereAndWhen = {
	startsAt: time,
	endsAt: time,
	place: optionalText(groupLimits.place, 'place_too_long'),
	videoUrl
};

const seriesFields = {
	firstDay: day,
	count: wholeNumber(1, groupLimits.maxSessions, 'sessions_invalid', groupLimits.defaultSessions),
	...whereAndWhen,
	returnDay: z.preprocess(emptyIsMissing, day.optional().transform((value) => value ?? null))
};

/** The last day of a weekly series of `count` sessions from `firstDay`. */
export function lastSeriesDay(firstDay: string, count: number): string {
	return addDays(firstDay, 7 * (count - 1));
}

function checkSeries(value: { firstDay: string; count: number; returnDay: string | null }, context: z.RefinementCtx) {
	if (value.returnDay !== null && value.returnDay <= lastSeriesDay(value.firstDay, value.count)) {
		context.addIssue({ code: 'custom', message: 'return_day_too_early', path: ['returnDay'] });
	}
}

export const sessionSeriesSchema = z.object(seriesFields).superRefine((value, context) => {
	checkTimesAndPlace(value, context);
	checkSeries(value, context);
});
export type SessionSeriesInput = z.infer<typeof sessionSeriesSchema>;

export const newGroupSchema = z.object({ ...groupFields, ...seriesFields }).superRefine((value, context) => {
	checkTimesAndPlace(value, context);
	checkSeries(value, context);
	if (value.completeAfter > value.count) context.addIssue({ code: 'custom', message: 'complete_after_too_high', path: ['completeAfter'] });
});
export type NewGroupInput = z.infer<typeof newGroupSchema>;

export const sessionChangeSchema = z.object({ day, ...whereAndWhen }).superRefine(checkTimesAndPlace);
export type SessionChangeInput = z.infer<typeof sessionChangeSchema>;

export const attendanceSchema = z.object({ status: z.enum(attendanceStatuses, { error: 'choice_invalid' }) });
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const groupNoteSchema = z.object({
	body: z.string({ error: 'text_missing' }).trim().min(1, 'text_missing').max(groupLimits.note, 'note_too_long')
});
export type GroupNoteInput = z.infer<typeof groupNoteSchema>;

const textFields = ['name', 'programme', 'capacity', 'completeAfter', 'firstDay', 'count', 'startsAt', 'endsAt', 'place', 'videoUrl', 'returnDay', 'day', 'status', 'body'] as const;

/** The fields of a posted group form; anything else is left out. Leaders are checkboxes (or selects) named `leaderIds`. */
export function groupFormInput(form: FormData): Record<string, unknown> {
	const input: Record<string, unknown> = {};
	for (const name of textFields) {
		const value = form.get(name);
		if (typeof value === 'string') input[name] = value;
	}
	const leaders = form.getAll('leaderIds').filter((value): value is string => typeof value === 'string' && value !== '');
	if (form.has('leaderIds')) input.leaderIds = leaders;
	return input;
}

/** What was sent, to show again beside the errors (cut to a sane length: nothing typed is lost). */
export function groupFormValues(form: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const name of textFields) values[name] = String(form.get(name) ?? '').slice(0, groupLimits.note + 100);
	values.leaderIds = form.getAll('leaderIds').map((value) => String(value).slice(0, 100));
	return values;
}
