import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { requireClientAccess } from '$lib/kernel/policy.server';
import {
	deleteConversationNote,
	getConversationNote,
	patchConversationNote
} from '$lib/features/conversation-notes/conversation-notes.server';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { problem, validationProblem } from '$lib/server/http/problem';
import { missingNote, notePatchBody, noteWords } from '$lib/composers/api/professional-api';
import type { RequestHandler } from './$types';

/** One note (audited as a read of it). */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const note = await getConversationNote(db(), { actor, personId: params.personId, noteId: params.noteId });
	return note ? json(note) : missingNote();
});

/** The fields sent replace the note's; those left out stay as they are. Only a saved change is a read of the note. */
export const PATCH: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	// Authorise before reading the body: a refused call never depends on what was sent.
	await requireClientAccess(db(), actor, { personId: params.personId });
	const body = await readBody(request, notePatchBody, noteWords);
	if (!body.ok) return body.response;
	// The version the caller read (`updatedAt`), else the one read to merge: a colleague's save since is never overwritten.
	const { updatedAt: ifUpdatedAt, ...patch } = body.value;
	const note = await patchConversationNote(db(), { actor, personId: params.personId, noteId: params.noteId, patch, ifUpdatedAt });
	if (note instanceof z.ZodError) return validationProblem(note, noteWords);
	if (note === 'changed') {
		return problem({
			title: 'The note changed meanwhile.',
			status: 409,
			detail: 'Somebody saved this note after the version your change starts from. GET it again and send your change once more.'
		});
	}
	// Unknown, another organisation's, or deleted by a colleague in between.
	return note ? json(note) : missingNote();
});

/** A shared summary goes with it: the client no longer sees it. */
export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	const deleted = await deleteConversationNote(db(), { actor, personId: params.personId, noteId: params.noteId });
	return deleted ? new Response(null, { status: 204 }) : missingNote();
});
