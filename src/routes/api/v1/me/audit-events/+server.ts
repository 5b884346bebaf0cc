import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { auditCursor, listAuditEventsAboutPerson } from '$lib/features/audit/audit.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { auditEventsQuerySchema } from '$lib/composers/api/accounts-api';
import { parseQuery } from '$lib/composers/api/contract';
import type { RequestHandler } from './$types';

/** What professionals did with the caller's data, newest first; `next` is the `before` for the following page. */
export const GET: RequestHandler = apiHandler(async ({ url }, actor) => {
	const query = parseQuery(url, auditEventsQuerySchema);
	if (!query.ok) return query.response;
	const { limit, before } = query.value;
	// One more than asked tells whether a next page exists without a second query.
	const events = await listAuditEventsAboutPerson(db(), { account: actor, limit: limit + 1, before });
	const page = events.slice(0, limit);
	const next = events.length > limit ? auditCursor(page.at(-1)!) : null;
	// The group's name is for the page's words; the API names the group by its id (object), as documented.
	const items = page.map(({ groupName: _groupName, ...event }) => event);
	return json({ items, next });
});
