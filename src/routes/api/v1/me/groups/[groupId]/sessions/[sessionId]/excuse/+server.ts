import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { excuseMe, takeBackExcuse } from '$lib/features/groups/participation.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { mySession, noSession, notNow } from '$lib/composers/api/groups-api';
import type { RequestHandler } from './$types';

const tooLate = 'Only a planned session, up to its own day, can be excused or taken back; the leader may have recorded something else.';

/** "I cannot be there": recorded as excused by you. Sending it again changes nothing. */
export const PUT: RequestHandler = apiHandler(async ({ params }, actor) => {
	const outcome = await excuseMe(db(), { actor, groupId: params.groupId, sessionId: params.sessionId });
	if (!outcome.ok) return outcome.reason === 'not_found' ? noSession() : notNow(tooLate);
	return json(await mySession(db(), actor, params.groupId, params.sessionId));
});

/** Takes your own afmelding back while the session is still planned. */
export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	const outcome = await takeBackExcuse(db(), { actor, groupId: params.groupId, sessionId: params.sessionId });
	if (!outcome.ok) return outcome.reason === 'not_found' ? noSession() : notNow(tooLate);
	return json(await mySession(db(), actor, params.groupId, params.sessionId));
});
