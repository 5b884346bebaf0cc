import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { requireMembership } from '$lib/kernel/policy.server';
import { limitAttempt, refuseAttempt } from '$lib/features/accounts/abuse-limits.server';
import { formatClientCode } from '$lib/features/consent/consent';
import { createClientInvitationSchema } from '$lib/features/consent/consent.schema';
import { createClientInvitation, listClientInvitations, revokeClientInvitation } from '$lib/features/consent/client-invitations.server';
import { listOrganisationsOfAccount } from '$lib/features/organisations/organisations.server';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import { mailer } from '$lib/server/mail/mailer';
import { pageLink } from '$lib/server/links';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const organisations = await listOrganisationsOfAccount(db(), { actor: locals.account });
	return {
		organisations: organisations.filter((o) => o.roles.includes('professional')).map(({ id, name }) => ({ id, name })),
		invitations: await listClientInvitations(db(), { actor: locals.account }),
		revoked: url.searchParams.has('ingetrokken')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { request, locals } = event;
		// Who may invite is checked before the form is read, so a refused caller learns nothing and counts nothing.
		await requireMembership(db(), locals.account, { role: 'professional' });
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const parsed = createClientInvitationSchema.safeParse({ email, organisationId: form.get('organisation') ?? undefined });
		if (!parsed.success) return fail(400, { email, errors: fieldErrors(parsed.error) });
		const refusal = await limitAttempt('invite', { client: event.getClientAddress(), email: locals.account?.email });
		if (refusal) return refuseAttempt(event, refusal);
		const invitation = await createClientInvitation(db(), {
			actor: locals.account,
			...parsed.data,
			// The person's language is not known yet: the mail goes out in the professional's language.
			locale: locals.locale,
			mailer: mailer(),
			linkFor: (code, locale) => pageLink('/account/koppelen', locale, { code })
		});
		return { created: { code: formatClientCode(invitation.code), mailed: invitation.mailed, mailFailed: parsed.data.email !== undefined && !invitation.mailed, expiresAt: invitation.expiresAt } };
	},
	revoke: async ({ request, locals }) => {
		const form = await request.formData();
		const revoked = await revokeClientInvitation(db(), { actor: locals.account, invitationId: String(form.get('invitation') ?? '') });
		if (!revoked) return fail(404, { gone: true });
		redirect(303, `${href('/werk/uitnodigen', { locale: locals.locale })}?ingetrokken`);
	}
};
