import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { recordAttendance } from '$lib/features/groups/leading.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { attendanceBody, groupWords, noSession } from '$lib/composers/api/groups-api';
import { requireGroupLeader } from '$lib/features/groups/group-access.server';
import type { RequestHandler } from './$types';

/** One participant's attendance at one session, in one call: present, late, excused, absent, stopped or expected. */
export const PUT: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	// Authorise before reading the body: a refusal never depends on what was sent.
	await requireGroupLeader(db(), actor, params.groupId);
	const body = await readBody(request, attendanceBody, groupWords);
	if (!body.ok) return body.response;
	const { participantId, sessionId } = params;
	const outcome = await recordAttendance(db(), { actor, groupId: params.groupId, sessionId, participantId, status: body.value.status });
	return outcome === 'not_found' ? noSession() : json({ sessionId, participantId, status: body.value.status });
});
