import { fail, redirect } from '@sveltejs/kit';
import { forgotPasswordSchema } from '$lib/features/accounts/accounts.schema';
import { fieldErrors } from '$lib/kernel/form-errors';
import { requestPasswordReset } from '$lib/features/accounts/accounts.server';
import { limitAttempt, refuseAttempt } from '$lib/features/accounts/abuse-limits.server';
import { href } from '$lib/i18n/href';
import { auth } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

export const load: PageServerLoad = ({ url }) => ({ sent: url.searchParams.has('verstuurd') });

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const parsed = forgotPasswordSchema.safeParse({ email });
		if (!parsed.success) return fail(400, { email, errors: fieldErrors(parsed.error) });
		const refusal = await limitAttempt('passwordReset', { client: event.getClientAddress(), email: parsed.data.email });
		if (refusal) return refuseAttempt(event, refusal);
		await requestPasswordReset(auth(), { email: parsed.data.email, headers: request.headers });
		// The same answer for known and unknown addresses.
		redirect(303, `${href('/account/wachtwoord-vergeten', { locale: locals.locale })}?verstuurd`);
	}
};
