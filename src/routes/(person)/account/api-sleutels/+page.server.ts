import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, type FieldErrors } from '$lib/kernel/form-errors';
import { confirmPassword } from '$lib/features/accounts/accounts.server';
import { auth } from '$lib/server/auth';
import { createApiTokenSchema } from '$lib/features/api-tokens/api-tokens.schema';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/features/api-tokens/api-tokens.server';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

export const load: PageServerLoad = async (event) => ({
	tokens: await listApiTokens(db(), { actor: requireAccount(event) }),
	// Revoking asks first: ?intrekken=<token id>.
	confirmRevoke: event.url.searchParams.get('intrekken'),
	revoked: event.url.searchParams.has('ingetrokken')
});

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const label = String(form.get('label') ?? '');
		const parsed = createApiTokenSchema.safeParse({ label });
		if (!parsed.success) return fail(400, { label, errors: fieldErrors(parsed.error) });
		// A key works for a year without a password: whoever makes one must know the password, not just hold a session.
		const password = String(form.get('password') ?? '').slice(0, 1024);
		if (!(await confirmPassword(auth(), { password, headers: event.request.headers }))) {
			return fail(400, { label, errors: { password: 'password_wrong' } as FieldErrors });
		}
		const created = await createApiToken(db(), { actor, label: parsed.data.label });
		// Shown once, in this answer only: brug keeps just its hash.
		return { created: { token: created.token, label: parsed.data.label } };
	},
	revoke: async (event) => {
		const form = await event.request.formData();
		const done = await revokeApiToken(db(), { actor: requireAccount(event), tokenId: String(form.get('token') ?? '') });
		if (!done) return fail(404, { gone: true });
		redirect(303, `${href('/account/api-sleutels', { locale: event.locals.locale })}?ingetrokken`);
	}
};
