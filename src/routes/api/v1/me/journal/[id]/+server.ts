import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { deleteJournalEntry, getJournalEntry, updateJournalEntry } from '$lib/features/journal/journal.server';
import { setDiscuss } from '$lib/features/journal/shared-entries.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { discussBody, journalEntryBody, notFound, selfHelpWords } from '$lib/composers/api/self-help-api';
import type { RequestHandler } from './$types';

const missing = () => notFound('journal entries', '/api/v1/me/journal');

export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const entry = await getJournalEntry(db(), { actor, id: params.id });
	return entry ? json(entry) : missing();
});

/** Replaces mood and texts (a text left out is cleared); `crisis` as for a new entry. */
export const PUT: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, journalEntryBody, selfHelpWords);
	if (!body.ok) return body.response;
	const { ok, crisis } = await updateJournalEntry(db(), { actor, id: params.id, input: body.value });
	const entry = ok ? await getJournalEntry(db(), { actor, id: params.id }) : undefined;
	return entry ? json({ ...entry, crisis }) : missing();
});

/** "Bespreek dit": a linked professional may read this one entry while it is marked. */
export const PATCH: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, discussBody, selfHelpWords);
	if (!body.ok) return body.response;
	const ok = await setDiscuss(db(), { actor, kind: 'journal', id: params.id, discuss: body.value.discuss });
	const entry = ok ? await getJournalEntry(db(), { actor, id: params.id }) : undefined;
	return entry ? json(entry) : missing();
});

export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	if (!(await deleteJournalEntry(db(), { actor, id: params.id }))) return missing();
	return new Response(null, { status: 204 });
});
