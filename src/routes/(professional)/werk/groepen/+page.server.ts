import { listGroupsForProfessional } from '$lib/features/groups/group.server';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** The groups I lead, each with its next session; names of participants are on the group's own page. */
export const load: PageServerLoad = async ({ locals, url }) => ({
	groups: await listGroupsForProfessional(db(), { actor: locals.account }),
	created: url.searchParams.has('gemaakt')
});
