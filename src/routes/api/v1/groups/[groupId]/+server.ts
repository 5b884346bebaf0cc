import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { groupOverviewForLeader } from '$lib/features/groups/leading.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import type { RequestHandler } from './$types';

/** A group you lead: sessions, participants with attendance and signals, check-in totals (audited per participant). */
export const GET: RequestHandler = apiHandler(async ({ params }, actor) => json(await groupOverviewForLeader(db(), { actor, groupId: params.groupId })));
