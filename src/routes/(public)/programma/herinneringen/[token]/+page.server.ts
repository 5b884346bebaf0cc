import { error } from '@sveltejs/kit';
import { reminderStopStatus, stopRemindersByToken } from '$lib/features/programme/reminder-jobs.server';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/**
 * The stop link in every programme reminder. GET only shows the button: mail scanners open links, and opening must
 * change nothing. The POST stops the reminders; it also answers a mail app's one-click unsubscribe (RFC 8058), which
 * comes without a session, so the token is the only key. A bad or stale token: a plain 404, nothing changes.
 */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	if ((await reminderStopStatus(db(), { token: params.token })) === 'unknown') error(404, 'Not found');
	return {};
};

export const actions: Actions = {
	default: async ({ params }) => {
		if ((await stopRemindersByToken(db(), { token: params.token })) === 'unknown') error(404, 'Not found');
		return { stopped: true };
	}
};
