import { redirect } from '@sveltejs/kit';
import { href } from '$lib/i18n/href';
import type { LayoutServerLoad } from './$types';

/** Pages of a signed-in person: without a session, sign in first and come back here. */
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.account) {
		const back = encodeURIComponent(url.pathname);
		redirect(303, `${href('/account/inloggen', { locale: locals.locale })}?terug=${back}`);
	}
	return { account: locals.account };
};
