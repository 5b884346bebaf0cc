import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, type FieldErrors } from '$lib/kernel/form-errors';
import { signIn } from '$lib/features/accounts/accounts.server';
import { limitAttempt, refuseAttempt } from '$lib/features/accounts/abuse-limits.server';
import { joinSchema } from '$lib/features/organisations/organisations.schema';
import {
	acceptMemberInvitation,
	accountExistsFor,
	findMemberInvitation,
	joinWithNewAccount
} from '$lib/features/organisations/organisations.server';
import { href } from '$lib/i18n/href';
import { auth } from '$lib/server/auth';
import { db } from '$lib/server/db';
import type { MembershipRole } from '$lib/server/db/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	// The link is a key: never cached.
	setHeaders({ 'cache-control': 'private, no-store' });
	const invitation = await findMemberInvitation(db(), { token: params.token });
	if (!invitation) return { invitation: null };
	const signedInAs = locals.account?.email ?? null;
	return {
		invitation: { organisationName: invitation.organisationName, role: invitation.role, email: invitation.email },
		signedInAs,
		hasAccount: signedInAs === null && (await accountExistsFor(db(), invitation.email))
	};
};

/** Where a new member starts: admins on their organisation, report readers on its reports, professionals with their clients. */
function startPage(role: MembershipRole, organisationId: string, locale: 'nl' | 'en') {
	if (role === 'admin') return href(`/organisatie/${organisationId}`, { locale });
	if (role === 'report_reader') return href(`/organisatie/${organisationId}/rapporten`, { locale });
	return href('/werk/clienten', { locale });
}

export const actions: Actions = {
	accept: async ({ params, locals }) => {
		const outcome = await acceptMemberInvitation(db(), { token: params.token, actor: locals.account });
		if (!outcome.ok) return fail(400, { problem: outcome.reason });
		redirect(303, startPage(outcome.role, outcome.organisationId, locals.locale));
	},
	join: async (event) => {
		const { request, params, locals } = event;
		const form = await request.formData();
		const refusal = await limitAttempt('signUp', { client: event.getClientAddress() });
		if (refusal) return refuseAttempt(event, refusal);
		const parsed = joinSchema.safeParse({ name: form.get('name'), password: form.get('password'), repeat: form.get('repeat') });
		if (!parsed.success) return fail(400, { name: String(form.get('name') ?? ''), errors: fieldErrors(parsed.error) });
		const joined = await joinWithNewAccount(db(), auth(), { token: params.token, ...parsed.data, locale: locals.locale });
		if (!joined.ok) {
			if (joined.reason === 'invalid') return fail(400, { problem: 'invalid' as const });
			if (joined.reason === 'password_guessable') {
				return fail(400, { name: parsed.data.name, errors: { password: 'password_guessable' } as FieldErrors });
			}
			return fail(400, { problem: 'has_account' as const });
		}
		await signIn(auth(), { email: joined.email, password: parsed.data.password, headers: request.headers });
		redirect(303, `${href('/account/tweestaps', { locale: locals.locale })}?verplicht`);
	}
};
