import { json } from '@sveltejs/kit';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { sendProgrammeMessage } from '$lib/features/programme/guidance.server';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { notNow, programmeMessageBody, programmeWords } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** A short message on the client's programme overview. */
export const POST: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	await requireClientAccess(db(), actor, { personId: params.personId, scope: 'programme' });
	const body = await readBody(request, programmeMessageBody, programmeWords);
	if (!body.ok) return body.response;
	const sent = await sendProgrammeMessage(db(), { actor, personId: params.personId, input: body.value });
	if (!sent.ok) return notNow('The client has no programme running.');
	return json({ id: sent.id }, { status: 201 });
});
