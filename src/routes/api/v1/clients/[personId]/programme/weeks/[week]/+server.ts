import { json } from '@sveltejs/kit';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { setDiscussFirst } from '$lib/features/programme/guidance.server';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { discussFirstBody, noSuchWeek, notNow, weekParam } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** "Bespreek eerst": the week opens for the client only after you mark the conversation held. */
export const PUT: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	await requireClientAccess(db(), actor, { personId: params.personId, scope: 'programme' });
	const week = weekParam(params.week);
	if (week === undefined) return noSuchWeek();
	const body = await readBody(request, discussFirstBody);
	if (!body.ok) return body.response;
	const changed = await setDiscussFirst(db(), { actor, personId: params.personId, week, discussFirst: body.value.discussFirst });
	if (!changed.ok) return notNow(changed.reason === 'no_programme' ? 'The client has no programme running.' : 'Week 0 is the welcome: it is always open.');
	return json({ week, discussFirst: body.value.discussFirst });
});
