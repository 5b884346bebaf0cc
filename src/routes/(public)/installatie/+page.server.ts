import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, type FieldErrors } from '$lib/kernel/form-errors';
import { signIn } from '$lib/features/accounts/accounts.server';
import { limitAttempt, refuseAttempt } from '$lib/features/accounts/abuse-limits.server';
import { setupSchema } from '$lib/features/organisations/organisations.schema';
import { createOrganisationWithAdmin } from '$lib/features/organisations/organisations.server';
import { openSetup, setupOpen } from '$lib/features/organisations/setup-token.server';
import { href } from '$lib/i18n/href';
import { auth } from '$lib/server/auth';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ open: await setupOpen(db()) });

const fields = ['token', 'organisationName', 'kind', 'name', 'email', 'password', 'repeat'] as const;

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const form = await request.formData();
		const input = Object.fromEntries(fields.map((f) => [f, form.get(f) ?? undefined]));
		const kept = { organisationName: String(input.organisationName ?? ''), kind: String(input.kind ?? ''), name: String(input.name ?? ''), email: String(input.email ?? '') };
		const refusal = await limitAttempt('signIn', { client: event.getClientAddress() });
		if (refusal) return refuseAttempt(event, refusal);
		const parsed = setupSchema.safeParse(input);
		if (!parsed.success) return fail(400, { ...kept, errors: fieldErrors(parsed.error) });
		const claim = await openSetup(db(), parsed.data.token);
		if (!claim) return fail(400, { ...kept, errors: { token: 'setup_token_wrong' } as FieldErrors });
		const { organisationName, kind, name, email, password } = parsed.data;
		const created = await createOrganisationWithAdmin(db(), auth(), {
			organisation: { name: organisationName, kind },
			admin: { name, email, password, locale: locals.locale },
			claim
		});
		if (!created.ok) {
			// The token case: another request, on this instance or another, used the one-time token first.
			const errors: FieldErrors =
				created.reason === 'email_taken'
					? { email: 'email_taken' }
					: created.reason === 'password_guessable'
						? { password: 'password_guessable' }
						: { token: 'setup_token_wrong' };
			return fail(400, { ...kept, errors });
		}
		await signIn(auth(), { email, password, headers: request.headers });
		// Admins reach other people's data: two-step sign-in comes first.
		redirect(303, `${href('/account/tweestaps', { locale: locals.locale })}?verplicht`);
	}
};
