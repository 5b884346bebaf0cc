import { fail, redirect } from '@sveltejs/kit';
import { verifyEmail } from '$lib/features/accounts/accounts.server';
import { limitAttempt, refuseAttempt } from '$lib/features/accounts/abuse-limits.server';
import { href } from '$lib/i18n/href';
import { auth } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

// Opening the mailed link only shows a button: mail scanners that follow links must not use up the token.
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const refusal = await limitAttempt('verify', { client: event.getClientAddress() });
		if (refusal) return refuseAttempt(event, refusal);
		const token = String((await request.formData()).get('token') ?? '');
		const outcome = token ? await verifyEmail(auth(), { token, headers: request.headers }) : { ok: false as const };
		if (!outcome.ok) return fail(400, { invalid: true });
		redirect(303, `${href('/account/inloggen', { locale: locals.locale })}?bevestigd`);
	}
};
