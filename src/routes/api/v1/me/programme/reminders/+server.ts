import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { setReminderChoice } from '$lib/features/programme/enrolment.server';
import { programmeView } from '$lib/features/programme/progress.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { readBody } from '$lib/composers/api/contract';
import { notNow, reminderBody } from '$lib/composers/api/programme-api';
import type { RequestHandler } from './$types';

/** Which e-mail reminders come; choosing again restarts reminders that had stopped after being ignored. */
export const PUT: RequestHandler = apiHandler(async ({ request }, actor) => {
	const body = await readBody(request, reminderBody);
	if (!body.ok) return body.response;
	const changed = await setReminderChoice(db(), { actor, choice: body.value.reminders });
	if (!changed.ok) return notNow('No programme is running.');
	return json(await programmeView(db(), { actor }));
});
