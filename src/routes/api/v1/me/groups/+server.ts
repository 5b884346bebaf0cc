import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { joinGroup, myGroup, myGroups } from '$lib/features/groups/participation.server';
import { apiHandler, limitApiAttempt } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { groupWords, joinBody, notNow } from '$lib/composers/api/groups-api';
import { problem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** The groups you are in now: name, leaders, the next session and a check-in that waits. Never who else is in it. */
export const GET: RequestHandler = apiHandler(async (_event, actor) => json({ items: await myGroups(db(), { actor }) }));

/** Joins a group by the code its leader gave: a consent of scope `group` for this group only. */
export const POST: RequestHandler = apiHandler(async (event, actor) => {
	const body = await readBody(event.request, joinBody, groupWords);
	if (!body.ok) return body.response;
	// Counted before the code is tried, as on the join page.
	const limited = await limitApiAttempt('groupCode', event, actor);
	if (limited) return limited;
	const outcome = await joinGroup(db(), { actor, input: body.value });
	if (!outcome.ok && outcome.reason === 'invalid') {
		return problem({
			title: 'Unknown group code.',
			status: 404,
			detail: 'This code is unknown or has expired. Ask the leader of the group for a new one.',
			'invalid-params': [{ name: 'code', reason: 'unknown or expired' }]
		});
	}
	if (!outcome.ok) return notNow(outcome.reason === 'full' ? 'The group is full.' : 'You are in this group already.');
	return json(await myGroup(db(), { actor, groupId: outcome.groupId }), { status: 201 });
});
