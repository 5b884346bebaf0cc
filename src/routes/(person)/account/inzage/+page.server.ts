import { auditCursor, listAuditEventsAboutPerson } from '$lib/features/audit/audit.server';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

const pageSize = 50;

/** Newest first; `?voor=<cursor>` shows the next (older) page. */
export const load: PageServerLoad = async (event) => {
	const before = event.url.searchParams.get('voor')?.slice(0, 100) || undefined;
	const events = await listAuditEventsAboutPerson(db(), { account: requireAccount(event), limit: pageSize + 1, before });
	return {
		events: events.slice(0, pageSize),
		next: events.length > pageSize ? auditCursor(events[pageSize - 1]!) : null,
		paged: before !== undefined
	};
};
