import { listGroupsForManager } from '$lib/features/groups/group.server';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** The groups I lead (and, for an admin, their organisation's groups), each with its next session. */
export const load: PageServerLoad = async ({ locals, url }) => ({
	groups: await listGroupsForManager(db(), { actor: locals.account }),
	created: url.searchParams.has('gemaakt')
});
