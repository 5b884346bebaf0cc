import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { getStepPlan, listStepPlans, planStep } from '$lib/features/small-steps/step-plans.server';
import { stepPlanSchema } from '$lib/features/journal/self-help.schema';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readJsonBody } from '$lib/server/http/problem';
import { invalidField, parseListQuery, reasons, selfHelpValidationProblem, stepPlanListQuerySchema } from '$lib/composers/api/self-help-api';
import type { RequestHandler } from './$types';

/** The caller's planned small steps: open ones first by day, then done ones, newest first. One list, no pages. */
export const GET: RequestHandler = apiHandler(async ({ url }, actor) => {
	const query = parseListQuery(url, stepPlanListQuerySchema);
	if (!query.ok) return query.response;
	return json({ items: await listStepPlans(db(), { actor, limit: query.value.limit }) });
});

/** Plans a step from the library for a day. */
export const POST: RequestHandler = apiHandler(async ({ request }, actor) => {
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const parsed = stepPlanSchema.safeParse(body.value);
	if (!parsed.success) return selfHelpValidationProblem(parsed.error, reasons.stepPlan);
	const outcome = await planStep(db(), { actor, input: parsed.data });
	if (!outcome.ok) {
		return outcome.reason === 'day_gone_by'
			? invalidField('plannedDay', 'must be today or a later day (YYYY-MM-DD, Europe/Amsterdam)')
			: invalidField('stepId', reasons.stepPlan.stepId);
	}
	return json(await getStepPlan(db(), { actor, id: outcome.id }), { status: 201 });
});
