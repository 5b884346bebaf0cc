/**
 * What the relationship routes of the personal API share (relations, contact moments, planned moments).
 * - `relationBody`, `contactMomentBody(today)`, `plannedMomentBody(today)`, `plannedMomentChangeBody`, `momentOutcomeBody`:
 *   the request bodies (contract.ts), piped into relationships.schema.ts (the change's rules run in its route);
 *   `relationshipWords` gives that schema's message ids (a day after today, blank text …) in words.
 * - `contactMomentListQuerySchema`, `plannedMomentListQuerySchema`: query strings (read with `parseQuery`).
 * - `readRelation(actor, id)`: one relation with its contact state (last contact, due day, status); `relationView`
 *   does the same for a relation already read.
 * - `plannedMomentView(moment, now)`: a planned moment with whether it has started (time to ask how it went).
 * - `missingRelation()`, `missingContactMoment()`, `missingPlannedMoment()`: the 404 for an id in the path that is
 *   unknown or somebody else's; the two are never told apart.
 * - `notYourRelation()`: the 422 for a `relationId` in a body or query string that is not one of the caller's
 *   relations. An id in the path names the thing asked for (404); one in the request is a field that is wrong (422),
 *   as an unknown `stepId` is for the step plans.
 * - `plannedMomentClosed()`, `alreadyAnswered()`, `notStartedYet(moment)`: the 409s of a planned moment.
 */
import { z } from 'zod';
import type { SignedInAccount } from '$lib/server/auth/account';
import { getRelation, lastContactDays, type Relation } from '$lib/features/relationships/relations.server';
import { hasStarted, type PlannedMoment } from '$lib/features/relationships/planned-moments.server';
import { contactBrings, contactCircles, contactKinds, contactRhythms, contactState, type ContactState } from '$lib/features/relationships/relationships';
import {
	contactMomentSchema,
	momentOutcomeSchema,
	nicknameMaxLength,
	noteMaxLength,
	placeMaxLength,
	plannedMomentSchema,
	relationSchema,
	type RelationshipFieldError
} from '$lib/features/relationships/relationships.schema';
import { db } from '$lib/server/db';
import { invalidField, problem } from '$lib/server/http/problem';
import { listLimit, notFound } from '$lib/composers/api/self-help-api';
import { localDay } from '$lib/time';
import { apiBody, calendarDay, dayReason, jsonObject, oneOf, optionalText, requiredText, wholeNumber } from './contract';

const nicknameReason = `must be text of 1 to ${nicknameMaxLength} characters: a first name or nickname is enough`;
const relationIdReason = 'must be the id of one of your relations (GET /api/v1/me/relations lists them)';
const feelingReason = 'must be a whole number from 1 (not good) to 5 (very good)';
const timeReason = 'must be a time of day as HH:MM on a 24-hour clock, e.g. "19:30"';

const bringsReason = `must be an array of any of: ${contactBrings.join(', ')} (empty or left out: none)`;
const circle = z.enum(contactCircles, { error: oneOf(contactCircles) });
const kind = z.enum(contactKinds, { error: oneOf(contactKinds) });

export const relationBody = apiBody(
	jsonObject({
		nickname: requiredText(nicknameMaxLength, nicknameReason).meta({ description: 'A first name or nickname is enough' }),
		circle,
		brings: z
			.array(z.enum(contactBrings, { error: bringsReason }), { error: bringsReason })
			.max(contactBrings.length, `must be an array of at most ${contactBrings.length} of: ${contactBrings.join(', ')}`)
			.optional()
			.meta({ description: `What they bring: at most ${contactBrings.length}, each counted once. Left out: none` }),
		rhythm: z.enum(contactRhythms, { error: `${oneOf(contactRhythms)} (left out: no_goal)` }).optional(),
		note: optionalText(noteMaxLength).meta({ description: 'Empty or left out: none' })
	}),
	relationSchema
);

export const contactMomentBody = (today: string) =>
	apiBody(
		jsonObject({
			kind,
			day: calendarDay().optional().meta({ description: 'Today or earlier (Europe/Amsterdam); left out: today' }),
			feeling: wholeNumber(1, 5, feelingReason).meta({ description: '1 not good … 5 very good' })
		}),
		contactMomentSchema(today)
	);

const plannedFields = {
	kind: kind.optional().meta({ description: 'Left out: meeting' }),
	day: calendarDay().meta({ description: 'From today on (Europe/Amsterdam)' }),
	time: z.string({ error: timeReason }).regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, timeReason).meta({ description: 'Local time, HH:MM on a 24-hour clock' }),
	place: optionalText(placeMaxLength).meta({ description: 'Where, or by what (phone, video call); empty or left out: none' }),
	note: optionalText(noteMaxLength).meta({ description: 'Empty or left out: none' })
};

/** Moves or rewords an open plan; the relation stays. Its rules (plannedMomentSchema) run once the plan is known open. */
export const plannedMomentChangeBody = jsonObject(plannedFields);

/** The relation cannot change afterwards: a plan with somebody else is a new plan. */
export const plannedMomentBody = (today: string) =>
	apiBody(
		jsonObject({
			...plannedFields,
			relationId: requiredText(100, relationIdReason).meta({ description: 'One of your relations; it cannot be changed afterwards' })
		}),
		plannedMomentSchema(today).extend({ relationId: z.string() })
	);

const outcomeReason = 'must be true (it happened; then send feeling too) or false (it did not happen)';
export const momentOutcomeBody = apiBody(
	z.discriminatedUnion(
		'happened',
		[
			jsonObject({ happened: z.literal(true), feeling: wholeNumber(1, 5, feelingReason).meta({ description: 'How it felt: 1 not good … 5 very good' }) }),
			jsonObject({ happened: z.literal(false) })
		],
		{ error: outcomeReason }
	),
	momentOutcomeSchema
);

/** The message ids that only relationships.schema.ts gives (what JSON Schema cannot say), in words. */
export const relationshipWords: Partial<Record<RelationshipFieldError, string>> = {
	name_missing: nicknameReason,
	day_invalid: dayReason,
	day_in_future: 'must be today or an earlier day (YYYY-MM-DD, Europe/Amsterdam): a contact still to come is a planned moment',
	day_in_past: 'must be today or a later day (YYYY-MM-DD, Europe/Amsterdam)',
	outcome_invalid: outcomeReason
};

/** Newest first, 20 unless asked otherwise; `from` leaves out what happened before that day. */
export const contactMomentListQuerySchema = z.object({
	limit: listLimit(20),
	from: calendarDay().optional().meta({ description: 'Only contacts on this day or later (YYYY-MM-DD)' })
});

/** Open ones by start, or closed ones newest first; all relations, or one. Up to 100 unless asked otherwise. */
export const plannedMomentListQuerySchema = z.object({
	state: z.enum(['open', 'closed'], { error: 'must be "open" or "closed"' }).default('open'),
	relationId: z.string().max(100, relationIdReason).optional().meta({ description: 'Only the planned moments with this relation' }),
	limit: listLimit(100)
});

export type RelationView = Relation & ContactState;

/** `lastDays` is what `lastContactDays` gave for `today`. */
export function relationView(relation: Relation, lastDays: Map<string, string>, today: string): RelationView {
	const last = lastDays.get(relation.id);
	return { ...relation, ...contactState({ rhythm: relation.rhythm, addedDay: relation.addedDay, contactDays: last ? [last] : [], today }) };
}

export async function readRelation(actor: SignedInAccount, id: string): Promise<RelationView | undefined> {
	const today = localDay();
	const [relation, lastDays] = await Promise.all([getRelation(db(), { actor, id }), lastContactDays(db(), { actor, today })]);
	return relation && relationView(relation, lastDays, today);
}

export type PlannedMomentView = PlannedMoment & { started: boolean };

export function plannedMomentView(moment: PlannedMoment, now: Date = new Date()): PlannedMomentView {
	return { ...moment, started: hasStarted(moment, now) };
}

export const missingRelation = () => notFound('relations', '/api/v1/me/relations');
export const missingContactMoment = () => notFound('contact moments', '/api/v1/me/relations/{id}/contact-moments');
export const missingPlannedMoment = () => notFound('planned moments', '/api/v1/me/planned-moments');
export const notYourRelation = () => invalidField('relationId', relationIdReason);

export function plannedMomentClosed(): Response {
	return problem({
		title: 'This planned moment is closed.',
		status: 409,
		detail: 'You already said how it went, so it stays as it was. Plan a new moment instead.'
	});
}

export function alreadyAnswered(): Response {
	return problem({
		title: 'This planned moment has been answered already.',
		status: 409,
		detail: 'You already said how it went; the first answer stays.'
	});
}

export function notStartedYet(moment: Pick<PlannedMoment, 'day' | 'time'>): Response {
	return problem({
		title: 'This planned moment has not started yet.',
		status: 409,
		detail: `It starts on ${moment.day} at ${moment.time} (Europe/Amsterdam); say how it went from then on.`
	});
}
