import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { deletePlan, getPlan, savePlan } from '$lib/features/programme/plan.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { invalidField, problem } from '$lib/server/http/problem';
import { planBody, programmeWords } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

const noPlan = () => problem({ title: 'Not found.', status: 404, detail: 'You have no plan for next time yet. PUT /api/v1/me/programme/plan writes it.' });

/** Your plan for next time; it stays after the programme ends. */
export const GET: RequestHandler = apiHandler(async (_event, actor) => {
	const plan = await getPlan(db(), { actor });
	return plan ? json(plan) : noPlan();
});

/** Writes the whole plan (fields left out become empty); it needs no running programme. */
export const PUT: RequestHandler = apiHandler(async ({ request }, actor) => {
	const body = await readBody(request, planBody, programmeWords);
	if (!body.ok) return body.response;
	const saved = await savePlan(db(), { actor, input: body.value });
	if (!saved.ok) return invalidField('restartSteps', programmeWords.step_unknown);
	return json(await getPlan(db(), { actor }));
});

export const DELETE: RequestHandler = apiHandler(async (_event, actor) => {
	return (await deletePlan(db(), { actor })) ? new Response(null, { status: 204 }) : noPlan();
});
