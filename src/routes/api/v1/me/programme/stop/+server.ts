import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { stopProgramme } from '$lib/features/programme/enrolment.server';
import { programmeView } from '$lib/features/programme/progress.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { notNow } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** Stops the programme; what was done stays until you delete it. */
export const POST: RequestHandler = apiHandler(async (_event, actor) => {
	const changed = await stopProgramme(db(), { actor });
	if (!changed.ok) return notNow('No programme is running.');
	return json(await programmeView(db(), { actor }));
});
