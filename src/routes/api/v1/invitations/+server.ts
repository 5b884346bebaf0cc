import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { mailer } from '$lib/server/mail/mailer';
import { pageLink } from '$lib/server/links';
import { formatClientCode } from '$lib/features/consent/consent';
import { createClientInvitation, listClientInvitations } from '$lib/features/consent/client-invitations.server';
import { requireMembership } from '$lib/kernel/policy.server';
import { apiHandler, limitApiAttempt } from '$lib/composers/api/api-auth';
import { accountWords, invitationBody } from '$lib/composers/api/accounts-api';
import { readBody } from '$lib/composers/api/contract';
import type { RequestHandler } from './$types';

/** The professional's open invitations, newest first. */
export const GET: RequestHandler = apiHandler(async (_event, actor) => {
	return json({ items: await listClientInvitations(db(), { actor }) });
});

/** A new invitation code; mailed when an address is given, otherwise handed over in person. */
export const POST: RequestHandler = apiHandler(async (event, actor) => {
	// At the door too, so someone without access is told so before their body is read or counted.
	await requireMembership(db(), actor, { role: 'professional' });
	const body = await readBody(event.request, invitationBody, accountWords);
	if (!body.ok) return body.response;
	const limited = await limitApiAttempt('invite', event, actor);
	if (limited) return limited;
	const { email, organisationId, locale } = body.value;
	const invitation = await createClientInvitation(db(), {
		actor,
		email,
		organisationId,
		locale,
		mailer: mailer(),
		linkFor: (code, linkLocale) => pageLink('/account/koppelen', linkLocale, { code })
	});
	return json({ ...invitation, code: formatClientCode(invitation.code) }, { status: 201 });
});
