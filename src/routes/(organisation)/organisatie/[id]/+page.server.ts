import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { limitAttempt, refuseAttempt } from '$lib/features/accounts/abuse-limits.server';
import { requireOrganisationAdmin } from '$lib/kernel/policy.server';
import { listOrganisationAuditEvents } from '$lib/features/audit/audit.server';
import { inviteMemberSchema } from '$lib/features/organisations/organisations.schema';
import { getOrganisationForAdmin, inviteMember, revokeMemberInvitation } from '$lib/features/organisations/organisations.server';
import { removeMember } from '$lib/composers/consent-changes.server';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import { mailer } from '$lib/server/mail/mailer';
import { pageLink } from '$lib/server/links';
import { createGroup, listGroupsForOrganisation, organisationProfessionals } from '$lib/features/groups/group.server';
import { groupFormInput, groupFormValues, newGroupSchema } from '$lib/features/groups/group.schema';
import type { Actions, PageServerLoad } from './$types';

const notices = ['uitgenodigd', 'ingetrokken', 'verwijderd', 'groep-gemaakt'] as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const organisation = await getOrganisationForAdmin(db(), { actor: locals.account, organisationId: params.id });
	return {
		...organisation,
		auditEvents: await listOrganisationAuditEvents(db(), { actor: locals.account, organisationId: params.id, limit: 30 }),
		// Groups with counts only: an admin who does not lead a group never sees who is in it.
		groups: await listGroupsForOrganisation(db(), { actor: locals.account, organisationId: params.id }),
		professionals: await organisationProfessionals(db(), params.id),
		// Removing someone asks first: ?verwijderen=<membership id>.
		confirmRemove: url.searchParams.get('verwijderen'),
		notice: notices.find((key) => url.searchParams.has(key)) ?? null
	};
};

const here = (id: string, locale: 'nl' | 'en', notice: (typeof notices)[number]) => `${href(`/organisatie/${id}`, { locale })}?${notice}`;

export const actions: Actions = {
	createGroup: async ({ request, locals, params }) => {
		await requireOrganisationAdmin(db(), locals.account, params.id);
		const form = await request.formData();
		const parsed = newGroupSchema.safeParse(groupFormInput(form));
		if (!parsed.success) return fail(400, { groupErrors: fieldErrors(parsed.error), groupValues: groupFormValues(form) });
		const outcome = await createGroup(db(), { actor: locals.account, organisationId: params.id, input: parsed.data });
		if (!outcome.ok) return fail(400, { groupErrors: outcome.errors, groupValues: groupFormValues(form) });
		redirect(303, here(params.id, locals.locale, 'groep-gemaakt'));
	},
	invite: async (event) => {
		const { request, locals, params } = event;
		// Who may invite is checked before the form is read, so a refused caller learns nothing and counts nothing.
		await requireOrganisationAdmin(db(), locals.account, params.id);
		const form = await request.formData();
		const input = { email: String(form.get('email') ?? ''), role: String(form.get('role') ?? '') };
		const parsed = inviteMemberSchema.safeParse(input);
		if (!parsed.success) return fail(400, { ...input, errors: fieldErrors(parsed.error) });
		const refusal = await limitAttempt('invite', { client: event.getClientAddress(), email: locals.account?.email });
		if (refusal) return refuseAttempt(event, refusal);
		const outcome = await inviteMember(db(), {
			actor: locals.account,
			organisationId: params.id,
			...parsed.data,
			locale: locals.locale,
			mailer: mailer(),
			linkFor: (token, locale) => pageLink(`/uitnodiging/${token}`, locale)
		});
		if (!outcome.ok) return fail(outcome.reason === 'mail_failed' ? 503 : 400, { ...input, alreadyMember: outcome.reason === 'already_member', mailFailed: outcome.reason === 'mail_failed' });
		redirect(303, here(params.id, locals.locale, 'uitgenodigd'));
	},
	revoke: async ({ request, locals, params }) => {
		const form = await request.formData();
		const done = await revokeMemberInvitation(db(), {
			actor: locals.account,
			organisationId: params.id,
			invitationId: String(form.get('invitation') ?? '')
		});
		if (!done) return fail(404, { gone: true });
		redirect(303, here(params.id, locals.locale, 'ingetrokken'));
	},
	remove: async ({ request, locals, params }) => {
		const form = await request.formData();
		const membershipId = String(form.get('membership') ?? '');
		const outcome = await removeMember(db(), {
			actor: locals.account,
			organisationId: params.id,
			membershipId
		});
		if (!outcome.ok) return fail(outcome.reason === 'last_admin' ? 400 : 404, { lastAdmin: outcome.reason === 'last_admin', gone: outcome.reason === 'not_found' });
		// Someone who gave up their own admin role can no longer see this page.
		if (outcome.removedSelf && outcome.role === 'admin') redirect(303, href('/account', { locale: locals.locale }));
		redirect(303, here(params.id, locals.locale, 'verwijderd'));
	}
};
