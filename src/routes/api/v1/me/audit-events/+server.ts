import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '$lib/server/db';
import { auditCursor, listAuditEventsAboutPerson } from '$lib/features/audit/audit.server';
import { apiHandler, apiValidationProblem } from '$lib/composers/api/api-auth';
import type { RequestHandler } from './$types';

const querySchema = z.object({
	limit: z
		.string()
		.regex(/^\d{1,3}$/, 'must be a whole number from 1 to 100')
		.transform(Number)
		.pipe(z.number().min(1, 'must be a whole number from 1 to 100').max(100, 'must be a whole number from 1 to 100'))
		.default(50),
	// The `next` of the previous page (`<instant>|<id>`), or a bare ISO 8601 instant.
	before: z
		.string()
		.max(100)
		.regex(/^[^|]+(\|[0-9a-f-]{36})?$/, 'must be the "next" value of the previous page, or an ISO 8601 instant')
		.refine((value) => !Number.isNaN(Date.parse(value.split('|')[0]!)), 'must start with an ISO 8601 instant, e.g. "2026-05-01T12:00:00Z"')
		.optional()
});

/** What professionals did with the caller's data, newest first; `next` is the `before` for the following page. */
export const GET: RequestHandler = apiHandler(async ({ url }, actor) => {
	const parsed = querySchema.safeParse({
		limit: url.searchParams.get('limit') ?? undefined,
		before: url.searchParams.get('before') ?? undefined
	});
	if (!parsed.success) return apiValidationProblem(parsed.error);
	const { limit, before } = parsed.data;
	// One more than asked tells whether a next page exists without a second query.
	const events = await listAuditEventsAboutPerson(db(), { account: actor, limit: limit + 1, before });
	const items = events.slice(0, limit);
	const next = events.length > limit ? auditCursor(items.at(-1)!) : null;
	return json({ items, next });
});
