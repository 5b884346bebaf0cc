import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { listConsentGrantsForPerson } from '$lib/features/consent/consent.server';
import { changeConsentScopes, withdrawConsent } from '$lib/composers/consent-changes.server';
import { changeScopesSchema } from '$lib/features/consent/consent.schema';
import { apiHandler, apiReason, apiValidationProblem } from '$lib/composers/api/api-auth';
import { problem, readJsonBody } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

const notActive = () =>
	problem({
		title: 'Consent not found.',
		status: 404,
		detail: 'This is not one of your current consents. GET /api/v1/me/consents lists them; ended ones cannot change.'
	});

/** Other scopes or audience: the grant ends and a new one starts (history is never edited); answers with the new grant. */
export const PATCH: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const parsed = changeScopesSchema.safeParse(body.value);
	if (!parsed.success) return apiValidationProblem(parsed.error);
	const outcome = await changeConsentScopes(db(), { actor, grantId: params.id, ...parsed.data });
	if (!outcome.ok && outcome.reason === 'professional_left') {
		return problem({
			title: 'Your request contains invalid fields.',
			status: 422,
			detail: `audience: ${apiReason('professional_left')}`,
			'invalid-params': [{ name: 'audience', reason: apiReason('professional_left') }]
		});
	}
	if (!outcome.ok) return notActive();
	const grants = await listConsentGrantsForPerson(db(), { actor });
	return json(grants.find((grant) => grant.id === outcome.grantId));
});

/** Withdraws the consent; the professional's access ends at once. */
export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	if (!(await withdrawConsent(db(), { actor, grantId: params.id }))) return notActive();
	return new Response(null, { status: 204 });
});
