import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { getStepPlan, listStepPlans, planStep } from '$lib/features/small-steps/step-plans.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { parseQuery, readBody } from '$lib/composers/api/contract';
import { invalidField } from '$lib/server/http/problem';
import { selfHelpWords, stepPlanBody, stepPlanListQuerySchema } from '$lib/composers/api/self-help-api';
import type { RequestHandler } from './$types';

/** The caller's planned small steps: open ones first by day, then done ones, newest first. One list, no pages. */
export const GET: RequestHandler = apiHandler(async ({ url }, actor) => {
	const query = parseQuery(url, stepPlanListQuerySchema);
	if (!query.ok) return query.response;
	return json({ items: await listStepPlans(db(), { actor, limit: query.value.limit }) });
});

/** Plans a step from the library for a day. */
export const POST: RequestHandler = apiHandler(async ({ request }, actor) => {
	const body = await readBody(request, stepPlanBody, selfHelpWords);
	if (!body.ok) return body.response;
	const outcome = await planStep(db(), { actor, input: body.value });
	if (!outcome.ok) {
		return outcome.reason === 'day_gone_by'
			? invalidField('plannedDay', 'must be today or a later day (YYYY-MM-DD, Europe/Amsterdam)')
			: invalidField('stepId', selfHelpWords.step_unknown);
	}
	return json(await getStepPlan(db(), { actor, id: outcome.id }), { status: 201 });
});
