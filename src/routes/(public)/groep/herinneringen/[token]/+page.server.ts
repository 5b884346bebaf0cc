import { error } from '@sveltejs/kit';
import { groupReminderStopStatus, stopGroupRemindersByToken } from '$lib/features/groups/group-reminders.server';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// One button that posts as it is: no script is sent.
export const csr = false;

/**
 * The stop link in every group reminder. GET only shows the button (mail scanners open links); the POST stops them,
 * and answers a mail app's one-click unsubscribe (RFC 8058) without a session: the token is the key.
 */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	if ((await groupReminderStopStatus(db(), { token: params.token })) === 'unknown') error(404, 'Not found');
	return {};
};

export const actions: Actions = {
	default: async ({ params }) => {
		if ((await stopGroupRemindersByToken(db(), { token: params.token })) === 'unknown') error(404, 'Not found');
		return { stopped: true };
	}
};
