import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { createJournalEntry, getJournalEntry, listJournalEntries } from '$lib/features/journal/journal.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { parseQuery, readBody } from '$lib/composers/api/contract';
import { journalEntryBody, pageOf, pagedListQuerySchema, selfHelpWords } from '$lib/composers/api/self-help-api';
import type { RequestHandler } from './$types';

/** The caller's journal, newest first; `next` is the `before` of the following page. */
export const GET: RequestHandler = apiHandler(async ({ url }, actor) => {
	const query = parseQuery(url, pagedListQuerySchema);
	if (!query.ok) return query.response;
	const { limit, before } = query.value;
	return json(pageOf(await listJournalEntries(db(), { actor, limit: limit + 1, before }), limit));
});

/** A new entry for today; `crisis` says the text holds a crisis signal, so a client can show the way to help. */
export const POST: RequestHandler = apiHandler(async ({ request }, actor) => {
	const body = await readBody(request, journalEntryBody, selfHelpWords);
	if (!body.ok) return body.response;
	const { id, crisis } = await createJournalEntry(db(), { actor, input: body.value });
	return json({ ...(await getJournalEntry(db(), { actor, id })), crisis }, { status: 201 });
});
