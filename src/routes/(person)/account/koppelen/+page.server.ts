import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, type FieldErrors } from '$lib/kernel/form-errors';
import { limitAttempt, refuseAttempt } from '$lib/features/accounts/abuse-limits.server';
import { grantableScopes } from '$lib/kernel/consent-scopes';
import { formatClientCode, normaliseClientCode } from '$lib/features/consent/consent';
import { acceptInvitationSchema } from '$lib/features/consent/consent.schema';
import { findClientInvitation } from '$lib/features/consent/consent.server';
import { findGroupByCode } from '$lib/features/groups/codes.server';
import { countsInReports } from '$lib/features/report-consent/index.server';
import { acceptClientInvitation } from '$lib/composers/consent-changes.server';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** Step 1 is a GET form (and the link in the mail): `?code=…` shows who invites and what could be shared. */
export const load: PageServerLoad = async (event) => {
	const account = requireAccount(event);
	const typed = event.url.searchParams.get('code');
	if (typed === null) return { step: 'code' as const, typed: '' };
	const code = normaliseClientCode(typed.slice(0, 40));
	if (!code) return { step: 'code' as const, typed: typed.slice(0, 40), error: 'code_invalid' as const };
	const refusal = await limitAttempt('connect', { client: event.getClientAddress(), email: account.email });
	if (refusal) {
		event.setHeaders({ 'retry-after': String(refusal.retryAfterSeconds) });
		if (refusal.reason === 'unavailable') return { step: 'code' as const, typed: formatClientCode(code), limitsUnavailable: true };
		return { step: 'code' as const, typed: formatClientCode(code), tooManyMinutes: Math.ceil(refusal.retryAfterSeconds / 60) };
	}
	const invitation = await findClientInvitation(db(), { code });
	if (!invitation) {
		// A printed group code typed here: the group's own page shows it, with a line saying so.
		if (await findGroupByCode(db(), { code })) redirect(303, `${href('/groep', { locale: event.locals.locale })}?code=${formatClientCode(code)}&koppelen`);
		return { step: 'code' as const, typed: formatClientCode(code), error: 'not_found' as const };
	}
	return {
		step: 'decide' as const,
		code: formatClientCode(code),
		professionalName: invitation.professionalName,
		organisationName: invitation.organisationName,
		scopes: grantableScopes,
		countsInReports: await countsInReports(db(), account.id, invitation.organisationId)
	};
};

export const actions: Actions = {
	accept: async (event) => {
		const { request, locals } = event;
		const actor = requireAccount(event);
		const form = await request.formData();
		const input = {
			code: form.get('code'),
			scopes: form.getAll('scopes'),
			personName: form.get('personName') ?? '',
			audience: form.get('audience') ?? undefined,
			// An unticked box sends nothing: here that is a clear "no".
			countInReports: form.get('countInReports') ?? 'no'
		};
		const parsed = acceptInvitationSchema.safeParse(input);
		const audience = String(input.audience ?? 'professional');
		const countInReports = input.countInReports === 'yes';
		if (!parsed.success) {
			return fail(400, { chosen: form.getAll('scopes').map(String), personName: String(input.personName), audience, countInReports, errors: fieldErrors(parsed.error) });
		}
		// Counted before the code is tried, as in the API: posts sent at once cannot all pass a check made first.
		const refusal = await limitAttempt('connect', { client: event.getClientAddress(), email: actor.email });
		if (refusal) return refuseAttempt(event, refusal);
		const outcome = await acceptClientInvitation(db(), { actor, ...parsed.data });
		if (!outcome.ok) {
			return fail(400, {
				chosen: parsed.data.scopes,
				personName: parsed.data.personName,
				audience: parsed.data.audience,
				countInReports,
				errors: { code: 'code_invalid' } as FieldErrors,
				reason: outcome.reason
			});
		}
		redirect(303, `${href('/account/delen', { locale: locals.locale })}?gekoppeld`);
	}
};
