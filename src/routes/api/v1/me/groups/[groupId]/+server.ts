import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { myGroup } from '$lib/features/groups/participation.server';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { changeMyGroup, groupWords, noGroup, participationBody } from '$lib/composers/api/groups-api';
import type { RequestHandler } from './$types';

/** One group you are in: its leaders, every session with your own part in it, your settings. */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const group = await myGroup(db(), { actor, groupId: params.groupId });
	return group ? json(group) : noGroup();
});

/** Share your check-ins with the leaders or not, and the reminder choice; a field left out stays as it is. */
export const PATCH: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, participationBody, groupWords);
	if (!body.ok) return body.response;
	const group = await changeMyGroup(db(), actor, params.groupId, body.value);
	return group ? json(group) : noGroup();
});

/** Leaves the group: its consent is withdrawn, so the leaders' access ends at once. */
export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	const group = await myGroup(db(), { actor, groupId: params.groupId });
	if (!group || !(await withdrawConsent(db(), { actor, grantId: group.grantId }))) return noGroup();
	return new Response(null, { status: 204 });
});
