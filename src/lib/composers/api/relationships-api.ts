/**
 * What the relationship routes of the personal API share (relations, contact moments, planned moments).
 * - `relationshipValidationProblem(error)`: 422 whose invalid-params say in words what each field must be, instead of
 *   the message ids of relationships.schema.ts.
 * - `plannedMomentRequestSchema(today)`: a new planned moment, with the relation it is with.
 * - `contactMomentListQuerySchema`, `plannedMomentListQuerySchema`, `parseQuery(url, schema)`: query strings, or the
 *   422 to send.
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
	nicknameMaxLength,
	noteMaxLength,
	placeMaxLength,
	plannedMomentSchema,
	type RelationshipFieldError
} from '$lib/features/relationships/relationships.schema';
import { db } from '$lib/server/db';
import { apiValidationProblem } from '$lib/composers/api/api-auth';
import { problem } from '$lib/server/http/problem';
import { invalidField, notFound, pagedListQuerySchema, stepPlanListQuerySchema } from '$lib/composers/api/self-help-api';
import { isLocalDay, localDay } from '$lib/time';

const oneOf = (values: readonly string[]) => `must be one of: ${values.join(', ')}`;
const nicknameReason = `must be text of 1 to ${nicknameMaxLength} characters: a first name or nickname is enough`;
const dayReason = 'must be a calendar day as YYYY-MM-DD, e.g. "2026-05-01"';
const relationIdReason = 'must be the id of one of your relations (GET /api/v1/me/relations lists them)';

/** The schemas' message ids in words for API clients; one per id, so the type checker finds a new id without words. */
const fieldReasons: Record<RelationshipFieldError, string> = {
	name_missing: nicknameReason,
	nickname_too_long: nicknameReason,
	circle_invalid: oneOf(contactCircles),
	brings_invalid: `must be an array of any of: ${contactBrings.join(', ')} (empty or left out: none)`,
	rhythm_invalid: `${oneOf(contactRhythms)} (left out: no_goal)`,
	note_too_long: `must be text of at most ${noteMaxLength} characters, or null`,
	kind_invalid: oneOf(contactKinds),
	day_invalid: dayReason,
	day_in_future: 'must be today or an earlier day (YYYY-MM-DD, Europe/Amsterdam): a contact still to come is a planned moment',
	day_in_past: 'must be today or a later day (YYYY-MM-DD, Europe/Amsterdam)',
	feeling_invalid: 'must be a whole number from 1 (not good) to 5 (very good)',
	time_invalid: 'must be a time of day as HH:MM on a 24-hour clock, e.g. "19:30"',
	place_too_long: `must be text of at most ${placeMaxLength} characters, or null`,
	outcome_invalid: 'must be true (it happened; then send feeling too) or false (it did not happen)'
};

const isFieldError = (message: string): message is RelationshipFieldError => Object.hasOwn(fieldReasons, message);

export function relationshipValidationProblem(error: z.ZodError): Response {
	const issues = error.issues.map((issue) => {
		if (issue.path.length === 0) return { ...issue, message: 'must be a JSON object' };
		return { ...issue, message: isFieldError(issue.message) ? fieldReasons[issue.message] : issue.message };
	});
	return apiValidationProblem(new z.ZodError(issues));
}

/** The relation cannot change afterwards: a plan with somebody else is a new plan. */
export function plannedMomentRequestSchema(today: string) {
	return plannedMomentSchema(today).extend({
		relationId: z.string({ error: relationIdReason }).min(1, relationIdReason).max(100, relationIdReason)
	});
}

/** Newest first, 20 unless asked otherwise; `from` leaves out what happened before that day. */
export const contactMomentListQuerySchema = z.object({
	limit: pagedListQuerySchema.shape.limit,
	from: z.string().refine(isLocalDay, dayReason).optional()
});

/** Open ones by start, or closed ones newest first; all relations, or one. Up to 100 unless asked otherwise. */
export const plannedMomentListQuerySchema = z.object({
	state: z.enum(['open', 'closed'], { error: 'must be "open" or "closed"' }).default('open'),
	relationId: z.string().max(100, relationIdReason).optional(),
	limit: stepPlanListQuerySchema.shape.limit
});

/** The schema's own keys from the query string; anything else in it is ignored, as elsewhere in the API. */
export function parseQuery<Shape extends z.ZodRawShape>(
	url: URL,
	schema: z.ZodObject<Shape>
): { ok: true; value: z.output<z.ZodObject<Shape>> } | { ok: false; response: Response } {
	const raw = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, url.searchParams.get(name) ?? undefined]));
	const parsed = schema.safeParse(raw);
	return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: apiValidationProblem(parsed.error) };
}

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
