import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { deleteContactMoment, getContactMoment } from '$lib/features/relationships/relations.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { missingContactMoment } from '$lib/composers/api/relationships-api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ params }, actor) => {
	const moment = await getContactMoment(db(), { actor, id: params.id });
	return moment ? json(moment) : missingContactMoment();
});

/** A planned moment it came from stays closed: the answer to "how did it go?" is not asked again. */
export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	if (!(await deleteContactMoment(db(), { actor, id: params.id }))) return missingContactMoment();
	return new Response(null, { status: 204 });
});
