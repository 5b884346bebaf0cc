import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { markWeekItem } from '$lib/features/programme/progress.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { itemParam, myProgrammeWeek, noSuchItem, noSuchWeek, notNow, weekItemBody, weekParam, weekRefusals } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** The week's exercise or small step done, or not done after all. */
export const PUT: RequestHandler = apiHandler(async ({ params, request }, actor) => {
	const week = weekParam(params.week);
	if (week === undefined) return noSuchWeek();
	const item = itemParam(params.item);
	if (item === undefined) return noSuchItem();
	const body = await readBody(request, weekItemBody);
	if (!body.ok) return body.response;
	const marked = await markWeekItem(db(), { actor, week, input: { item, done: body.value.done } });
	if (!marked.ok) return notNow(weekRefusals[marked.reason]);
	return json(await myProgrammeWeek(db(), actor, week));
});
