import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { listConsentGrantsForPerson } from '$lib/features/consent/consent.server';
import { acceptClientInvitation } from '$lib/composers/consent-changes.server';
import { apiHandler, limitApiAttempt } from '$lib/composers/api/api-auth';
import { accountWords, grantConsentBody } from '$lib/composers/api/accounts-api';
import { readBody } from '$lib/composers/api/contract';
import { invalidField, problem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** The caller's consents, current and past, newest first. */
export const GET: RequestHandler = apiHandler(async (_event, actor) => {
	return json({ items: await listConsentGrantsForPerson(db(), { actor }) });
});

/** Connects with a professional by the code they gave, sharing the chosen scopes. */
export const POST: RequestHandler = apiHandler(async (event, actor) => {
	const body = await readBody(event.request, grantConsentBody, accountWords);
	if (!body.ok) return body.response;
	const limited = await limitApiAttempt('connect', event, actor);
	if (limited) return limited;
	const outcome = await acceptClientInvitation(db(), { actor, ...body.value });
	if (!outcome.ok && outcome.reason === 'invalid') {
		return problem({
			title: 'Unknown invitation code.',
			status: 404,
			detail: 'This code is unknown or has expired. Ask the professional for a new one.',
			'invalid-params': [{ name: 'code', reason: 'unknown or expired' }]
		});
	}
	if (!outcome.ok) {
		return invalidField('code', 'is your own invitation');
	}
	const grants = await listConsentGrantsForPerson(db(), { actor });
	return json(grants.find((grant) => grant.id === outcome.grantId), { status: 201 });
});
