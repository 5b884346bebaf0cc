import { json } from '@sveltejs/kit';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { markConversationHeld } from '$lib/features/programme/guidance.server';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { noSuchWeek, notNow, weekParam } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** You held the conversation about this week: a "bespreek eerst" week opens for the client. */
export const POST: RequestHandler = apiHandler(async ({ params }, actor) => {
	// Refused callers learn nothing, not even whether the week exists.
	await requireClientAccess(db(), actor, { personId: params.personId, scope: 'programme' });
	const week = weekParam(params.week);
	if (week === undefined) return noSuchWeek();
	const marked = await markConversationHeld(db(), { actor, personId: params.personId, week });
	if (!marked.ok) return notNow('The client has no programme running.');
	return json({ week, discussed: true });
});
