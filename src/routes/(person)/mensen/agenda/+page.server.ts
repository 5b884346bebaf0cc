import { fail } from '@sveltejs/kit';
import { calendarFeedStatus, startCalendarFeed, stopCalendarFeed } from '$lib/features/relationships/calendar-feed.server';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** The personal calendar feed: make it, renew it (the old address stops), or stop it. */
export const load: PageServerLoad = async (event) => {
	const params = event.url.searchParams;
	return {
		feed: await calendarFeedStatus(db(), { actor: requireAccount(event) }),
		confirm: params.has('vernieuwen') ? 'renew' : params.has('stoppen') ? 'stop' : null,
		stopped: params.has('gestopt')
	};
};

/** The address holds the token; it is shown once, in the answer to the post (never cached, see hooks.server.ts). */
function feedAddress(origin: string, token: string) {
	const https = `${origin}/agenda/${token}.ics`;
	return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}

export const actions: Actions = {
	start: async (event) => {
		const actor = requireAccount(event);
		const { token } = await startCalendarFeed(db(), { actor, locale: event.locals.locale });
		return { address: feedAddress(event.url.origin, token) };
	},
	stop: async (event) => {
		const actor = requireAccount(event);
		if (!(await stopCalendarFeed(db(), { actor }))) return fail(404, { gone: true });
		return { stopped: true };
	}
};
