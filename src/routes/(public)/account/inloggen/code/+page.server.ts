import { fail, redirect } from '@sveltejs/kit';
import { completeTwoFactorSignIn } from '$lib/features/accounts/two-factor.server';
import { limitAttempt, refuseAttempt } from '$lib/features/accounts/abuse-limits.server';
import { href } from '$lib/i18n/href';
import { auth } from '$lib/server/auth';
import { safeReturnPath } from '$lib/features/accounts/return-path';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** The second step of signing in: the password has opened it with a short-lived cookie. */
export const load: PageServerLoad = ({ cookies, locals, url }) => {
	if (locals.account) redirect(303, safeReturnPath(url.searchParams.get('terug'), locals.locale));
	return { pending: cookies.getAll().some((c) => c.name.endsWith('brug.two_factor')) };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, url } = event;
		const refusal = await limitAttempt('verify', { client: event.getClientAddress() });
		if (refusal) return refuseAttempt(event, refusal);
		const code = String((await request.formData()).get('code') ?? '').slice(0, 100);
		const outcome = await completeTwoFactorSignIn(auth(), { code, headers: request.headers });
		if (!outcome.ok) return fail(400, { wrongCode: true });
		redirect(303, safeReturnPath(url.searchParams.get('terug'), locals.locale));
	}
};
