import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { pauseProgramme } from '$lib/features/programme/enrolment.server';
import { programmeView } from '$lib/features/programme/progress.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { notNow } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** Pauses the programme: paused days do not count towards the next week. */
export const POST: RequestHandler = apiHandler(async (_event, actor) => {
	const changed = await pauseProgramme(db(), { actor });
	if (!changed.ok) return notNow('Only a running programme that is not paused can be paused.');
	return json(await programmeView(db(), { actor }));
});
