import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { saveCheckIn } from '$lib/features/groups/participation.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { groupCheckInBody, groupWords, mySession, noSession, notNow } from '$lib/composers/api/groups-api';
import type { RequestHandler } from './$types';

/** "How was it?" after a session you were (or may have been) at: three answers 1–5 and a line; once per session. */
export const PUT: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, groupCheckInBody, groupWords);
	if (!body.ok) return body.response;
	const outcome = await saveCheckIn(db(), { actor, groupId: params.groupId, sessionId: params.sessionId, input: body.value });
	if (!outcome.ok && outcome.reason === 'not_found') return noSession();
	if (!outcome.ok) {
		return notNow(outcome.reason === 'already' ? 'You answered for this session already.' : 'The check-in opens after a session you were at, for 14 days.');
	}
	return json(await mySession(db(), actor, params.groupId, params.sessionId));
});
