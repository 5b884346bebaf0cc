import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { deleteStepPlan, getStepPlan, markStepDone } from '$lib/features/small-steps/step-plans.server';
import { stepDoneSchema } from '$lib/features/journal/self-help.schema';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readJsonBody } from '$lib/server/http/problem';
import { notFound, reasons, selfHelpValidationProblem } from '$lib/composers/api/self-help-api';
import type { RequestHandler } from './$types';

const missing = () => notFound('step plans', '/api/v1/me/step-plans');

export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const plan = await getStepPlan(db(), { actor, id: params.id });
	return plan ? json(plan) : missing();
});

/** Done, with how it went (1–5) and an optional note; `crisis` says the note holds a crisis signal. */
export const PATCH: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const parsed = stepDoneSchema.safeParse(body.value);
	if (!parsed.success) return selfHelpValidationProblem(parsed.error, reasons.stepDone);
	const { ok, crisis } = await markStepDone(db(), { actor, id: params.id, input: parsed.data });
	const plan = ok ? await getStepPlan(db(), { actor, id: params.id }) : undefined;
	return plan ? json({ ...plan, crisis }) : missing();
});

export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	if (!(await deleteStepPlan(db(), { actor, id: params.id }))) return missing();
	return new Response(null, { status: 204 });
});
