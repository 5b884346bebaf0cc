import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { sessionForLeader } from '$lib/features/groups/leading.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { changeSessionByApi, groupWords, managedSession, noSession, sessionPatchBody } from '$lib/composers/api/groups-api';
import { requireGroupManager } from '$lib/features/groups/group-access.server';
import type { RequestHandler } from './$types';

/** One session of a group you lead: each participant's status, your note, the check-ins (audited per participant). */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const session = await sessionForLeader(db(), { actor, groupId: params.groupId, sessionId: params.sessionId });
	return session ? json(session) : noSession();
});

/** Move, cancel, or mark held (or planned again); a move or a cancellation is mailed to the participants. */
export const PATCH: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	// Authorise before reading the body: a refusal never depends on what was sent.
	await requireGroupManager(db(), actor, params.groupId);
	const body = await readBody(request, sessionPatchBody, groupWords);
	if (!body.ok) return body.response;
	const ids = { groupId: params.groupId, sessionId: params.sessionId };
	const outcome = await changeSessionByApi(db(), actor, ids, body.value);
	if (!outcome.ok) return outcome.response;
	const session = await managedSession(db(), actor, ids);
	return session ? json(session) : noSession();
});
