/**
 * What the group trainings' API routes share (/api/v1/me/groups…, /api/v1/groups…). The groups feature's use-cases
 * decide and check access; this module only shapes requests and answers.
 * - `joinBody`, `groupCheckInBody`, `participationBody`: the person's bodies; `sessionPatchBody`, `attendanceBody`: the
 *   leader's. Each is the strict JSON contract (contract.ts) piped into the forms' schema (participation.schema.ts,
 *   group.schema.ts), so a limit is written once; `groupWords` gives those schemas' message ids in words.
 * - `changeMyGroup(db, actor, groupId, body)`: a partial change of sharing and reminders, on top of what is set now.
 * - `changeSessionByApi(db, actor, ids, body)`: a session's PATCH: moved, then cancelled, held or planned again.
 * - `managedSession(db, actor, ids)`: one session as the group's managers see it (a count of who attended, no names).
 * - `mySession(db, actor, groupId, sessionId)`: one session of the person's own group, as the person sees it.
 * - `noGroup()`, `noSession()`, `notNow(detail)`: the 404s and the 409 of these operations.
 */
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { attendanceStatuses, groupLimits, reminderChoices, sessionStatuses } from '$lib/features/groups/group-values';
import { attendanceSchema, sessionChangeSchema } from '$lib/features/groups/group.schema';
import { changeParticipationSchema, checkInSchema, joinGroupSchema } from '$lib/features/groups/participation.schema';
import { changeParticipation, myGroup, type MyGroup, type MySession } from '$lib/features/groups/participation.server';
import { groupForManager } from '$lib/features/groups/group.server';
import { cancelSession, markSessionHeld, moveSession } from '$lib/features/groups/sessions.server';
import { problem, validationProblem } from '$lib/server/http/problem';
import { apiBody, calendarDay, jsonObject, oneOf, optionalText } from './contract';

const codeReason = 'must be a group code of 8 letters and digits, e.g. "K7QM-4TXP"';
const nameReason = `must be text of 1 to ${groupLimits.personName} characters`;
const shareReason = 'must be true or false';
const stepReason = 'must be a whole number from 1 to 5';
const lineReason = `must be text of at most ${groupLimits.checkInLine} characters, or null`;
const timeReason = 'must be a time as HH:MM, e.g. "14:00"';
const videoReason = `must be an https link of at most ${groupLimits.videoUrl} characters, or null`;

/** The groups' message ids (kernel vocabulary) in words for API clients. */
export const groupWords = {
	code_invalid: codeReason,
	name_missing: nameReason,
	name_too_long: nameReason,
	share_invalid: shareReason,
	choice_invalid: 'is not one of the choices',
	rating_invalid: stepReason,
	text_too_long: lineReason,
	day_invalid: 'must be a calendar day as YYYY-MM-DD',
	time_invalid: timeReason,
	end_before_start: 'must be after startsAt',
	place_or_video_missing: 'a session needs a place or a videoUrl (or both)',
	place_too_long: `must be text of at most ${groupLimits.place} characters, or null`,
	video_url_invalid: videoReason
};

const reminders = z.enum(reminderChoices, { error: oneOf(reminderChoices) }).meta({
	description: 'A reminder by e-mail the day before each session (day_before), or none'
});
const share = z.boolean({ error: shareReason }).meta({ description: 'The leaders may read your own check-in answers and line (the group totals they see anyway)' });

const countInReports = z.boolean({ error: shareReason }).meta({
	description: "Your results may count, without your name, in the figures of the group's organisation"
});

export const joinBody = apiBody(
	jsonObject({
		code: z.string({ error: codeReason }).min(1, codeReason).max(40, codeReason).meta({
			description: 'The code the leader gave: 8 letters and digits; spaces, dashes and lower case are fine',
			examples: ['K7QM-4TXP']
		}),
		personName: z.string({ error: nameReason }).min(1, nameReason).max(groupLimits.personName, nameReason).meta({ description: 'How the leaders will see you: any name you like' }),
		shareCheckIns: share.optional().meta({ description: 'Left out: false' }),
		reminders: reminders.optional().meta({ description: 'Left out: day_before' }),
		countInReports: countInReports.optional().meta({ description: "Left out: as it is (off unless you chose it before)" })
	}),
	joinGroupSchema
);

const checkInStep = (description: string) => z.int({ error: stepReason }).min(1, stepReason).max(5, stepReason).meta({ description: `${description}: 1 (not at all) to 5 (very much)` });
export const groupCheckInBody = apiBody(
	jsonObject({
		welcome: checkInStep('I felt welcome'),
		enjoyed: checkInStep('I did something I liked'),
		come_again: checkInStep('I want to come again'),
		line: optionalText(groupLimits.checkInLine, lineReason).meta({ description: 'A line for the leaders; empty, null or left out: none' })
	}),
	checkInSchema
);

export const participationBody = jsonObject(
	{ shareCheckIns: share.optional(), reminders: reminders.optional() },
	'must be a JSON object with shareCheckIns and/or reminders, e.g. {"reminders": "none"}'
);

const time = (description: string) => z.string({ error: timeReason }).regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, timeReason).meta({ description });
export const sessionPatchBody = jsonObject(
	{
		status: z.enum(sessionStatuses, { error: oneOf(sessionStatuses) }).optional().meta({
			description: 'cancelled: cancel it (participants are mailed); held: it took place; planned: not held after all. With a move: moved first'
		}),
		day: calendarDay().optional().meta({ description: 'Move it to this day (Europe/Amsterdam); left out: as it is' }),
		startsAt: time('Start, local time; left out: as it is').optional().meta({ examples: ['14:00'] }),
		endsAt: time('End, local time, after the start; left out: as it is').optional().meta({ examples: ['16:00'] }),
		place: optionalText(groupLimits.place).meta({ description: 'Where; null: no place (then a videoUrl); left out: as it is' }),
		videoUrl: z
			.string({ error: videoReason })
			.max(groupLimits.videoUrl, videoReason)
			.meta({ examples: ['https://video.example.nl/groep'] })
			.nullable()
			.optional()
			.meta({ description: 'An https link for a video call; null: none; left out: as it is' })
	},
	'must be a JSON object, e.g. {"status": "held"} or {"day": "2026-05-12"}'
);
type SessionPatch = z.output<typeof sessionPatchBody>;
type SessionOutcome = { ok: true } | { ok: false; response: Response };
const moveFields = ['day', 'startsAt', 'endsAt', 'place', 'videoUrl'] as const;

export const attendanceBody = apiBody(
	jsonObject({ status: z.enum(attendanceStatuses, { error: oneOf(attendanceStatuses) }).meta({ description: 'expected removes what was recorded' }) }),
	attendanceSchema
);

export const noGroup = () =>
	problem({ title: 'Group not found.', status: 404, detail: 'You are not in this group (or it does not exist). GET /api/v1/me/groups lists yours.' });
export const noSession = () => problem({ title: 'Session not found.', status: 404, detail: 'This group has no such session (or participant).' });
export const notNow = (detail: string) => problem({ title: 'Not possible now.', status: 409, detail });

export async function mySession(db: Kysely<Database>, actor: SignedInAccount, groupId: string, sessionId: string): Promise<MySession | undefined> {
	return (await myGroup(db, { actor, groupId }))?.sessions.find((session) => session.id === sessionId);
}

/** Fields left out keep what the person chose before. */
export async function changeMyGroup(
	db: Kysely<Database>,
	actor: SignedInAccount,
	groupId: string,
	body: z.output<typeof participationBody>
): Promise<MyGroup | null> {
	const current = await myGroup(db, { actor, groupId });
	if (!current) return null;
	const input = changeParticipationSchema.parse({ shareCheckIns: body.shareCheckIns ?? current.shareCheckIns, reminders: body.reminders ?? current.reminders });
	if (!(await changeParticipation(db, { actor, groupId, input })).ok) return null;
	return myGroup(db, { actor, groupId });
}

/**
 * One PATCH: a move on top of the session as it is (checked by the forms' own schema), then a change of status, so
 * one call can move a session and mark it, as a leader would in two taps.
 */
export async function changeSessionByApi(
	db: Kysely<Database>,
	actor: SignedInAccount,
	ids: { groupId: string; sessionId: string },
	body: SessionPatch
): Promise<SessionOutcome> {
	const options = { actor, ...ids };
	if (moveFields.some((field) => body[field] !== undefined)) {
		const current = await managedSession(db, actor, ids);
		if (!current) return { ok: false, response: noSession() };
		const merged = Object.fromEntries(moveFields.map((field) => [field, body[field] === undefined ? current[field] : body[field]]));
		const parsed = sessionChangeSchema.safeParse(merged);
		if (!parsed.success) return { ok: false, response: validationProblem(parsed.error, groupWords) };
		const moved = sessionResult(await moveSession(db, { ...options, input: parsed.data }));
		if (!moved.ok) return moved;
	}
	if (body.status === 'cancelled') return sessionResult(await cancelSession(db, options));
	if (body.status !== undefined) return heldResult(await markSessionHeld(db, { ...options, held: body.status === 'held' }));
	return { ok: true };
}

function sessionResult(outcome: 'changed' | 'unchanged' | 'not_found' | 'not_planned'): SessionOutcome {
	if (outcome === 'not_found') return { ok: false, response: noSession() };
	if (outcome === 'not_planned') return { ok: false, response: notNow('Only a planned session can be moved or cancelled.') };
	return { ok: true };
}

function heldResult(outcome: 'held' | 'planned' | 'not_found' | 'cancelled'): SessionOutcome {
	if (outcome === 'not_found') return { ok: false, response: noSession() };
	if (outcome === 'cancelled') return { ok: false, response: notNow('The session was cancelled; it stays cancelled.') };
	return { ok: true };
}

/** The session as its group's managers see it: times, place, status and how many attended (a count). */
export async function managedSession(db: Kysely<Database>, actor: SignedInAccount, ids: { groupId: string; sessionId: string }) {
	return (await groupForManager(db, { actor, groupId: ids.groupId })).sessions.find((session) => session.id === ids.sessionId);
}
