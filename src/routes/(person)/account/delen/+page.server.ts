import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, type FieldErrors } from '$lib/kernel/form-errors';
import { grantableScopes } from '$lib/kernel/consent-scopes';
import { changeScopesSchema } from '$lib/features/consent/consent.schema';
import { listConsentGrantsForPerson } from '$lib/features/consent/consent.server';
import { groupGrantsOf } from '$lib/features/groups/participation.server';
import { chooseReportConsent, reportConsentChoiceSchema, reportConsentsOf } from '$lib/features/report-consent/index.server';
import { changeConsentScopes, withdrawConsent } from '$lib/composers/consent-changes.server';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const actor = requireAccount(event);
	const [listed, groups, counting] = await Promise.all([
		listConsentGrantsForPerson(db(), { actor }),
		groupGrantsOf(db(), { actor }),
		reportConsentsOf(db(), actor.id)
	]);
	// A group grant is shown as its group, with the leaders it lets in.
	const grants = listed.map((grant) => ({ ...grant, group: groups.get(grant.id) ?? null }));
	const { searchParams } = event.url;
	return {
		active: grants.filter((g) => g.endedAt === null),
		history: grants,
		scopes: grantableScopes,
		counting,
		// "Stop sharing" asks first: ?stoppen=<grant id> shows the question.
		confirmWithdraw: searchParams.get('stoppen'),
		notice: (['gekoppeld', 'gewijzigd', 'gestopt', 'meetellen', 'nietmeetellen'] as const).find((key) => searchParams.has(key)) ?? null
	};
};

const here = (locale: 'nl' | 'en', notice: string) => `${href('/account/delen', { locale })}?${notice}`;

export const actions: Actions = {
	change: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const grantId = String(form.get('grant') ?? '');
		// The form always sends whom the grant is with: a missing choice is an error here, not "keep it".
		const parsed = changeScopesSchema.required({ audience: true }).safeParse({ scopes: form.getAll('scopes'), audience: form.get('audience') ?? undefined });
		if (!parsed.success) return fail(400, { grantId, errors: fieldErrors(parsed.error) });
		const outcome = await changeConsentScopes(db(), { actor, grantId, ...parsed.data });
		if (!outcome.ok && outcome.reason === 'professional_left') return fail(400, { grantId, errors: { audience: 'professional_left' } as FieldErrors });
		if (!outcome.ok) return fail(404, { grantId, gone: true });
		redirect(303, here(event.locals.locale, 'gewijzigd'));
	},
	withdraw: async (event) => {
		const form = await event.request.formData();
		const grantId = String(form.get('grant') ?? '');
		if (!(await withdrawConsent(db(), { actor: requireAccount(event), grantId }))) return fail(404, { grantId, gone: true });
		redirect(303, here(event.locals.locale, 'gestopt'));
	},
	/** Counting in an organisation's figures, on or off: one button per organisation. */
	counting: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const parsed = reportConsentChoiceSchema.safeParse({ organisation: form.get('organisation') ?? undefined, on: form.get('on') ?? undefined });
		if (!parsed.success) return fail(400, { countingGone: true });
		const outcome = await chooseReportConsent(db(), { actor, organisationId: parsed.data.organisation, on: parsed.data.on });
		if (!outcome.ok) return fail(404, { countingGone: true });
		redirect(303, here(event.locals.locale, outcome.on ? 'meetellen' : 'nietmeetellen'));
	}
};
