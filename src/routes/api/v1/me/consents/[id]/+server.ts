import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { listConsentGrantsForPerson } from '$lib/features/consent/consent.server';
import { changeConsentScopes, withdrawConsent } from '$lib/composers/consent-changes.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { accountWords, changeScopesBody } from '$lib/composers/api/accounts-api';
import { readBody } from '$lib/composers/api/contract';
import { invalidField, problem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

const notActive = () =>
	problem({
		title: 'Consent not found.',
		status: 404,
		detail: 'This is not one of your current consents. GET /api/v1/me/consents lists them; ended ones cannot change.'
	});

/** Other scopes or audience: the grant ends and a new one starts (history is never edited); answers with the new grant. */
export const PATCH: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, changeScopesBody, accountWords);
	if (!body.ok) return body.response;
	const outcome = await changeConsentScopes(db(), { actor, grantId: params.id, ...body.value });
	if (!outcome.ok && outcome.reason === 'professional_left') {
		return invalidField('audience', accountWords.professional_left);
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
