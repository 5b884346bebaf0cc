import { json } from '@sveltejs/kit';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { addConversationNote, listConversationNotes } from '$lib/features/conversation-notes/conversation-notes.server';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { noteBody, noteWords } from '$lib/composers/api/professional-api';
import type { RequestHandler } from './$types';

/** The organisation's conversation notes about this client, newest day first (audited as a read). */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) =>
	json({ items: await listConversationNotes(db(), { actor, personId: params.personId }) })
);

/** A new note; with share and a summary, the client sees the summary from now on. */
export const POST: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	// Authorise before reading the body: a refused call never depends on what was sent.
	await requireClientAccess(db(), actor, { personId: params.personId });
	const body = await readBody(request, noteBody, noteWords);
	if (!body.ok) return body.response;
	return json(await addConversationNote(db(), { actor, personId: params.personId, input: body.value }), { status: 201 });
});
