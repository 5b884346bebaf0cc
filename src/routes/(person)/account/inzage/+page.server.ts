import { listAccessVisits } from '$lib/features/audit/audit.server';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** Visits, not rows: one professional's session is one line, however many reads it holds. */
const visitsPerPage = 20;

/** Newest first; `?voor=<cursor>` shows the next (older) page. */
export const load: PageServerLoad = async (event) => {
	const before = event.url.searchParams.get('voor')?.slice(0, 100) || undefined;
	const { visits, next } = await listAccessVisits(db(), { account: requireAccount(event), limit: visitsPerPage, before });
	return { visits, next, paged: before !== undefined };
};
