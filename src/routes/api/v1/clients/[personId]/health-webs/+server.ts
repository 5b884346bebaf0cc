import { json } from '@sveltejs/kit';
import { readClientHealthWebs } from '$lib/composers/client-record/clients.server';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import type { RequestHandler } from './$types';

/** The client's health webs, newest first (needs the health_web scope; audited as a read of it). */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) =>
	json({ items: await readClientHealthWebs(db(), { actor, personId: params.personId }) })
);
