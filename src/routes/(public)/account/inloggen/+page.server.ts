import { fail, redirect } from '@sveltejs/kit';
import { signInSchema } from '$lib/features/accounts/accounts.schema';
import { fieldErrors, type FieldErrors } from '$lib/kernel/form-errors';
import { signIn } from '$lib/features/accounts/accounts.server';
import { clearPairLimit, limitAttempt, refuseAttempt } from '$lib/features/accounts/abuse-limits.server';
import { href } from '$lib/i18n/href';
import { safeReturnPath } from '$lib/features/accounts/return-path';
import { auth } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

export const load: PageServerLoad = ({ url, locals }) => {
	if (locals.account) redirect(303, safeReturnPath(url.searchParams.get('terug'), locals.locale));
	return {
		passwordChanged: url.searchParams.has('nieuw-wachtwoord'),
		verified: url.searchParams.has('bevestigd'),
		signedOut: url.searchParams.has('uitgelogd'),
		needed: url.searchParams.has('terug'),
		// From "bewaar" on the pattern check: the answers wait in this browser until the person has an account.
		check: url.searchParams.has('check')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, url } = event;
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const parsed = signInSchema.safeParse({ email, password: form.get('password') });
		if (!parsed.success) return fail(400, { email, errors: fieldErrors(parsed.error), problem: null });
		const who = { client: event.getClientAddress(), email: parsed.data.email };
		const refusal = await limitAttempt('signIn', who);
		if (refusal) return refuseAttempt(event, refusal);
		const outcome = await signIn(auth(), { ...parsed.data, headers: request.headers });
		if (!outcome.ok) return fail(400, { email, errors: {} as FieldErrors, problem: outcome.reason });
		await clearPairLimit('signIn', who);
		if (outcome.twoFactorRequired) {
			const back = url.searchParams.get('terug');
			const next = href('/account/inloggen/code', { locale: locals.locale });
			redirect(303, back ? `${next}?terug=${encodeURIComponent(back)}` : next);
		}
		redirect(303, safeReturnPath(url.searchParams.get('terug'), locals.locale));
	}
};
