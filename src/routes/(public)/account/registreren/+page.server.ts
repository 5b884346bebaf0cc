import { fail, redirect } from '@sveltejs/kit';
import { signUpSchema } from '$lib/features/accounts/accounts.schema';
import { fieldErrors, type FieldErrors } from '$lib/kernel/form-errors';
import { signUpPerson } from '$lib/features/accounts/accounts.server';
import { limitAttempt, refuseAttempt } from '$lib/features/accounts/abuse-limits.server';
import { href } from '$lib/i18n/href';
import { auth } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

export const load: PageServerLoad = ({ url, locals }) => {
	if (locals.account) redirect(303, href('/overzicht', { locale: locals.locale }));
	return { sent: url.searchParams.has('verstuurd') };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const form = await request.formData();
		const parsed = signUpSchema.safeParse({ email: form.get('email'), password: form.get('password') });
		if (!parsed.success) return fail(400, { email: String(form.get('email') ?? ''), errors: fieldErrors(parsed.error) });
		const refusal = await limitAttempt('signUp', { client: event.getClientAddress(), email: parsed.data.email });
		if (refusal) return refuseAttempt(event, refusal);
		const outcome = await signUpPerson(auth(), { ...parsed.data, locale: locals.locale, headers: request.headers });
		if (!outcome.ok) {
			const problem = outcome.reason === 'password_guessable' ? 'password_guessable' : 'password_too_short';
			return fail(400, { email: parsed.data.email, errors: { password: problem } as FieldErrors });
		}
		// The same answer whether or not the address was known (a known one gets a different mail).
		redirect(303, `${href('/account/registreren', { locale: locals.locale })}?verstuurd`);
	}
};
