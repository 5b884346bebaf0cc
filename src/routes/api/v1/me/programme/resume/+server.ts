import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { resumeProgramme } from '$lib/features/programme/enrolment.server';
import { programmeView } from '$lib/features/programme/progress.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { notNow } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** Resumes a paused programme where it was. */
export const POST: RequestHandler = apiHandler(async (_event, actor) => {
	const changed = await resumeProgramme(db(), { actor });
	if (!changed.ok) return notNow('Only a paused programme can be resumed.');
	return json(await programmeView(db(), { actor }));
});
