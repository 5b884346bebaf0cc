import { error } from '@sveltejs/kit';
import { calendarContentType } from '$lib/features/relationships/calendar';
import { plannedMomentIcs } from '$lib/features/relationships/calendar-feed.server';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** One planned moment as an .ics file, to put it in any calendar once, without subscribing to the feed. */
export const GET: RequestHandler = async (event) => {
	const actor = requireAccount(event);
	const ics = await plannedMomentIcs(db(), { actor, id: event.params.id, locale: event.locals.locale });
	if (ics === null) error(404, 'Not found');
	return new Response(ics, {
		headers: {
			'content-type': calendarContentType,
			'content-disposition': 'attachment; filename="brug-afspraak.ics"',
			'cache-control': 'private, no-store'
		}
	});
};
