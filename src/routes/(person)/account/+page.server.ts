import { redirect } from '@sveltejs/kit';
import { signOut, signOutEverywhere } from '$lib/features/accounts/accounts.server';
import { href } from '$lib/i18n/href';
import { auth } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ justVerified: url.searchParams.has('bevestigd') });

export const actions: Actions = {
	signOut: async ({ request, locals }) => {
		await signOut(auth(), { headers: request.headers });
		redirect(303, `${href('/account/inloggen', { locale: locals.locale })}?uitgelogd`);
	},
	signOutEverywhere: async ({ request, locals }) => {
		await signOutEverywhere(auth(), { headers: request.headers });
		redirect(303, `${href('/account/inloggen', { locale: locals.locale })}?uitgelogd`);
	}
};
