import { calendarContentType } from '$lib/features/relationships/calendar';
import { calendarFeedByToken } from '$lib/composers/calendar-feed.server';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/**
 * The personal calendar feed that calendar apps subscribe to: /agenda/<token>.ics. The token is the only key (apps
 * cannot sign in); an unknown, stopped or renewed token gets the same plain 404, whatever it looks like.
 */
export const GET: RequestHandler = async ({ params }) => {
	const feed = await calendarFeedByToken(db(), { token: params.token.replace(/\.ics$/, '') });
	if (feed === null) {
		return new Response('This calendar feed does not exist (any more).', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
	}
	return new Response(feed, {
		headers: {
			'content-type': calendarContentType,
			'content-disposition': 'inline; filename="brug.ics"',
			// Private: the feed holds names; a shared cache must never keep it.
			'cache-control': 'private, no-cache',
			'x-robots-tag': 'noindex'
		}
	});
};
