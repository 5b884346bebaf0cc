import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { deleteStepPlan, getStepPlan, markStepDone } from '$lib/features/small-steps/step-plans.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { notFound, selfHelpWords, stepDoneBody } from '$lib/composers/api/self-help-api';
import type { RequestHandler } from './$types';

const missing = () => notFound('step plans', '/api/v1/me/step-plans');

export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const plan = await getStepPlan(db(), { actor, id: params.id });
	return plan ? json(plan) : missing();
});

/** Done, with how it went (1–5) and an optional note; `crisis` says the note holds a crisis signal. */
export const PATCH: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, stepDoneBody, selfHelpWords);
	if (!body.ok) return body.response;
	const { ok, crisis } = await markStepDone(db(), { actor, id: params.id, input: body.value });
	const plan = ok ? await getStepPlan(db(), { actor, id: params.id }) : undefined;
	return plan ? json({ ...plan, crisis }) : missing();
});

export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	if (!(await deleteStepPlan(db(), { actor, id: params.id }))) return missing();
	return new Response(null, { status: 204 });
});
