import { json } from '@sveltejs/kit';
import { requireClientAccess } from '$lib/kernel/policy.server';
import {
	deleteConversationNote,
	getConversationNote,
	updateConversationNote
} from '$lib/features/conversation-notes/conversation-notes.server';
import { conversationNoteSchema } from '$lib/features/conversation-notes/conversation-notes.schema';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { problem, readJsonBody } from '$lib/server/http/problem';
import { missingNote, notePatch, noteProblem } from '$lib/composers/api/professional-api';
import type { RequestHandler } from './$types';

/** One note (audited as a read of it). */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const note = await getConversationNote(db(), { actor, personId: params.personId, noteId: params.noteId });
	return note ? json(note) : missingNote();
});

/** The fields sent replace the note's; those left out stay as they are. */
export const PATCH: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	// Authorise before reading the body: a refused call never depends on what was sent.
	await requireClientAccess(db(), actor, { personId: params.personId });
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const where = { actor, personId: params.personId, noteId: params.noteId };
	const current = await getConversationNote(db(), where);
	if (!current) return missingNote();
	const parsed = conversationNoteSchema.safeParse(notePatch(current, body.value));
	if (!parsed.success) return noteProblem(parsed.error);
	// The version the caller read (`updatedAt`), else the one the merge above read: a colleague's save since then is
	// never overwritten.
	const version = typeof body.value === 'object' && body.value !== null && 'updatedAt' in body.value ? body.value.updatedAt : undefined;
	const ifUpdatedAt = typeof version === 'string' ? version : current.updatedAt;
	const note = await updateConversationNote(db(), { ...where, input: parsed.data, ifUpdatedAt });
	if (note === 'changed') {
		return problem({
			title: 'The note changed meanwhile.',
			status: 409,
			detail: 'Somebody saved this note after the version your change starts from. GET it again and send your change once more.'
		});
	}
	// Only a delete in between (by a colleague) leaves nothing to change.
	return note ? json(note) : missingNote();
});

/** A shared summary goes with it: the client no longer sees it. */
export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	const deleted = await deleteConversationNote(db(), { actor, personId: params.personId, noteId: params.noteId });
	return deleted ? new Response(null, { status: 204 }) : missingNote();
});
