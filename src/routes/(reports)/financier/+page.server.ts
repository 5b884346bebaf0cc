import { funderOverview } from '$lib/features/reports/reports.server';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** For a funder's readers: per organisation the reports shared with the funder, and all of them together. */
export const load: PageServerLoad = async ({ locals }) => ({ funders: await funderOverview(db(), locals.account) });
