import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { limitAttempt, refuseAttempt } from '$lib/features/accounts/abuse-limits.server';
import { formatClientCode, normaliseClientCode } from '$lib/features/consent/consent';
import { joinGroupSchema } from '$lib/features/groups/participation.schema';
import { joinGroup, previewGroup } from '$lib/features/groups/participation.server';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** Step 1 is a GET form: `?code=…` shows the group, its leaders, its dates and what the leaders will see. */
export const load: PageServerLoad = async (event) => {
	const account = requireAccount(event);
	const typed = event.url.searchParams.get('code');
	const fromConnect = event.url.searchParams.has('koppelen');
	if (typed === null) return { step: 'code' as const, typed: '' };
	const code = normaliseClientCode(typed.slice(0, 40));
	if (!code) return { step: 'code' as const, typed: typed.slice(0, 40), error: 'code_invalid' as const };
	const refusal = await limitAttempt('groupCode', { client: event.getClientAddress(), email: account.email });
	if (refusal) {
		event.setHeaders({ 'retry-after': String(refusal.retryAfterSeconds) });
		if (refusal.reason === 'unavailable') return { step: 'code' as const, typed: formatClientCode(code), limitsUnavailable: true };
		return { step: 'code' as const, typed: formatClientCode(code), tooManyMinutes: Math.ceil(refusal.retryAfterSeconds / 60) };
	}
	const group = await previewGroup(db(), { actor: account, code });
	if (!group) return { step: 'code' as const, typed: formatClientCode(code), error: 'not_found' as const };
	return { step: 'preview' as const, code: formatClientCode(code), group, fromConnect };
};

export const actions: Actions = {
	join: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const input = {
			code: form.get('code') ?? '',
			personName: form.get('personName') ?? '',
			shareCheckIns: form.get('shareCheckIns') ?? undefined,
			reminders: form.get('reminders') ?? undefined,
			// An unticked box sends nothing: here that is a clear "no".
			countInReports: form.get('countInReports') ?? 'no'
		};
		const parsed = joinGroupSchema.safeParse(input);
		const kept = { personName: String(input.personName).slice(0, 200), shareCheckIns: input.shareCheckIns === 'yes', countInReports: input.countInReports === 'yes', reminders: String(input.reminders ?? 'day_before') };
		if (!parsed.success) return fail(400, { ...kept, errors: fieldErrors(parsed.error) });
		// Counted before the code is tried: posts sent at once cannot all pass a check made first.
		const refusal = await limitAttempt('groupCode', { client: event.getClientAddress(), email: actor.email });
		if (refusal) return refuseAttempt(event, refusal);
		const outcome = await joinGroup(db(), { actor, input: parsed.data });
		if (!outcome.ok) return fail(outcome.reason === 'invalid' ? 400 : 409, { ...kept, reason: outcome.reason });
		redirect(303, `${href(`/groep/${outcome.groupId}`, { locale: event.locals.locale })}?welkom`);
	}
};
