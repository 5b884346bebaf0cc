import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { openWeek } from '$lib/features/programme/progress.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { myProgrammeWeek, noSuchWeek, notNow, weekParam, weekRefusals } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** You opened the week (opening week 0 the first time starts the programme's clock); again changes nothing. */
export const POST: RequestHandler = apiHandler(async ({ params }, actor) => {
	const week = weekParam(params.week);
	if (week === undefined) return noSuchWeek();
	const opened = await openWeek(db(), { actor, week });
	if (!opened.ok) return notNow(weekRefusals[opened.reason]);
	return json(await myProgrammeWeek(db(), actor, week));
});
