import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { deleteThoughtRecord, getThoughtRecord, updateThoughtRecord } from '$lib/features/journal/thought-records.server';
import { setDiscuss } from '$lib/features/journal/shared-entries.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { discussBody, notFound, selfHelpWords, thoughtCheckBody } from '$lib/composers/api/self-help-api';
import type { RequestHandler } from './$types';

const missing = () => notFound('thought checks', '/api/v1/me/thought-checks');

export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const record = await getThoughtRecord(db(), { actor, id: params.id });
	return record ? json(record) : missing();
});

/** Replaces every field (an optional one left out is cleared); `crisis` as for a new thought check. */
export const PUT: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, thoughtCheckBody, selfHelpWords);
	if (!body.ok) return body.response;
	const { ok, crisis } = await updateThoughtRecord(db(), { actor, id: params.id, input: body.value });
	const record = ok ? await getThoughtRecord(db(), { actor, id: params.id }) : undefined;
	return record ? json({ ...record, crisis }) : missing();
});

/** "Bespreek dit": a linked professional may read this one thought check while it is marked. */
export const PATCH: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, discussBody, selfHelpWords);
	if (!body.ok) return body.response;
	const ok = await setDiscuss(db(), { actor, kind: 'thought', id: params.id, discuss: body.value.discuss });
	const record = ok ? await getThoughtRecord(db(), { actor, id: params.id }) : undefined;
	return record ? json(record) : missing();
});

export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	if (!(await deleteThoughtRecord(db(), { actor, id: params.id }))) return missing();
	return new Response(null, { status: 204 });
});
