import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { deleteKindMoment, getKindMoment, updateKindMoment } from '$lib/features/journal/kind-moments.server';
import { kindMomentSchema } from '$lib/features/journal/self-help.schema';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readJsonBody } from '$lib/server/http/problem';
import { notFound, reasons, selfHelpValidationProblem } from '$lib/composers/api/self-help-api';
import type { RequestHandler } from './$types';

const missing = () => notFound('kind moments', '/api/v1/me/kind-moments');

export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const moment = await getKindMoment(db(), { actor, id: params.id });
	return moment ? json(moment) : missing();
});

/** New words for the moment; `crisis` as for a new one. */
export const PUT: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const parsed = kindMomentSchema.safeParse(body.value);
	if (!parsed.success) return selfHelpValidationProblem(parsed.error, reasons.kindMoment);
	const { ok, crisis } = await updateKindMoment(db(), { actor, id: params.id, input: parsed.data });
	const moment = ok ? await getKindMoment(db(), { actor, id: params.id }) : undefined;
	return moment ? json({ ...moment, crisis }) : missing();
});

export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	if (!(await deleteKindMoment(db(), { actor, id: params.id }))) return missing();
	return new Response(null, { status: 204 });
});
