import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { deleteKindMoment, getKindMoment, updateKindMoment } from '$lib/features/journal/kind-moments.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { kindMomentBody, notFound, selfHelpWords } from '$lib/composers/api/self-help-api';
import type { RequestHandler } from './$types';

const missing = () => notFound('kind moments', '/api/v1/me/kind-moments');

export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const moment = await getKindMoment(db(), { actor, id: params.id });
	return moment ? json(moment) : missing();
});

/** New words for the moment; `crisis` as for a new one. */
export const PUT: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readBody(request, kindMomentBody, selfHelpWords);
	if (!body.ok) return body.response;
	const { ok, crisis } = await updateKindMoment(db(), { actor, id: params.id, input: body.value });
	const moment = ok ? await getKindMoment(db(), { actor, id: params.id }) : undefined;
	return moment ? json({ ...moment, crisis }) : missing();
});

export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	if (!(await deleteKindMoment(db(), { actor, id: params.id }))) return missing();
	return new Response(null, { status: 204 });
});
