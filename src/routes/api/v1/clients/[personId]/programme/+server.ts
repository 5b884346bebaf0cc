import { json } from '@sveltejs/kit';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { clientProgramme, startProgrammeForClient } from '$lib/features/programme/guidance.server';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { clientStartBody, notNow, programmeWords } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** The client's programme: weeks, steps done, the check-ins they chose to share, before/after scores (audited). */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) => json(await clientProgramme(db(), { actor, personId: params.personId })));

/** Starts the programme for the client, with a personal welcome line; their clock starts when they open week 0. */
export const POST: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	// Authorise before reading the body: a refused call never depends on what was sent.
	await requireClientAccess(db(), actor, { personId: params.personId, scope: 'programme' });
	const body = await readBody(request, clientStartBody, programmeWords);
	if (!body.ok) return body.response;
	const started = await startProgrammeForClient(db(), { actor, personId: params.personId, input: body.value });
	if (!started.ok) return notNow('The client has a programme running already (perhaps paused).');
	return json({ id: started.id }, { status: 201 });
});
