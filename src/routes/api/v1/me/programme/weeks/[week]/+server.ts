import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import { myProgrammeWeek, noProgramme, noSuchWeek, weekParam } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** One week: its state, your check-in, and once it opened its reading, exercise and small step. Changes nothing. */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const week = weekParam(params.week);
	if (week === undefined) return noSuchWeek();
	const found = await myProgrammeWeek(db(), actor, week);
	return found ? json(found) : noProgramme();
});
