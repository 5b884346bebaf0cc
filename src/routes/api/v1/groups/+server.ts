import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { listGroupsForProfessional } from '$lib/features/groups/group.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import type { RequestHandler } from './$types';

/** The groups you lead: name, leaders, how many take part (a count), the next session. */
export const GET: RequestHandler = apiHandler(async (_event, actor) => json({ items: await listGroupsForProfessional(db(), { actor }) }));
