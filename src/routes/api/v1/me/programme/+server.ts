import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { startProgramme } from '$lib/features/programme/enrolment.server';
import { programmeView } from '$lib/features/programme/progress.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { noProgramme, notNow, startBody } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** The running programme, else the newest ended one: every week's state, the measurements, the messages. */
export const GET: RequestHandler = apiHandler(async (_event, actor) => {
	const view = await programmeView(db(), { actor });
	return view ? json(view) : noProgramme();
});

/** Starts the programme alone (self-guided); the clock starts when week 0 is opened. */
export const POST: RequestHandler = apiHandler(async ({ request }, actor) => {
	const body = await readBody(request, startBody);
	if (!body.ok) return body.response;
	const started = await startProgramme(db(), { actor, input: body.value });
	if (!started.ok) return notNow('The programme runs already (perhaps paused). GET /api/v1/me/programme shows it.');
	return json(await programmeView(db(), { actor }), { status: 201 });
});
