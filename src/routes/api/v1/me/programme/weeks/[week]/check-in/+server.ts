import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { saveCheckIn } from '$lib/features/programme/progress.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { checkInBody, myProgrammeWeek, noSuchWeek, notNow, programmeWords, weekParam, weekRefusals } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** The week's check-in (what went well, what you tried, what you take with you), replaced as a whole. */
export const PUT: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const week = weekParam(params.week);
	if (week === undefined) return noSuchWeek();
	const body = await readBody(request, checkInBody, programmeWords);
	if (!body.ok) return body.response;
	const saved = await saveCheckIn(db(), { actor, week, input: body.value });
	if (!saved.ok) return notNow(weekRefusals[saved.reason]);
	return json(await myProgrammeWeek(db(), actor, week));
});
