import { json } from '@sveltejs/kit';
import { readClientSummary } from '$lib/composers/client-record/clients.server';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/composers/api/api-auth';
import type { RequestHandler } from './$types';

/** Who the client is to the caller and what they share (audited as opening their record). */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) => json(await readClientSummary(db(), { actor, personId: params.personId })));
