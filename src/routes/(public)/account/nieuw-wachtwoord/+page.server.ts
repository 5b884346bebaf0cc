import { fail, redirect } from '@sveltejs/kit';
import { resetPasswordSchema } from '$lib/features/accounts/accounts.schema';
import { fieldErrors, type FieldErrors } from '$lib/kernel/form-errors';
import { resetPassword } from '$lib/features/accounts/accounts.server';
import { href } from '$lib/i18n/href';
import { auth } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = resetPasswordSchema.safeParse({
			token: form.get('token') ?? '',
			password: form.get('password'),
			repeat: form.get('repeat')
		});
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), invalid: false });
		const outcome = await resetPassword(auth(), { ...parsed.data, headers: request.headers });
		if (!outcome.ok && outcome.reason === 'password_guessable') {
			return fail(400, { errors: { password: 'password_guessable' } as FieldErrors, invalid: false });
		}
		if (!outcome.ok) return fail(400, { errors: {} as FieldErrors, invalid: true });
		redirect(303, `${href('/account/inloggen', { locale: locals.locale })}?nieuw-wachtwoord`);
	}
};
