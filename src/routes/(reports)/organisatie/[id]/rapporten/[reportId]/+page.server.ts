import { error, fail, redirect } from '@sveltejs/kit';
import { openReport, reportChoices, shareReport, unshareReport } from '$lib/features/reports/reports.server';
import { parseReportFilter } from '$lib/features/reports/filters';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const notices = ['gedeeld', 'gestopt', 'opgeslagen'] as const;

/**
 * One report, computed now. A malformed filter shows its field errors and the unfiltered report; an admin also gets
 * the share section (stopping asks first: ?stoppen=<funder id>).
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const parsed = parseReportFilter(url.searchParams);
	const opened = await openReport(db(), locals.account, params.reportId, parsed.filter);
	// A funder reads a shared report under /financier, never at the organisation's own address.
	if (opened.definition.organisationId !== params.id || !opened.canEdit) error(404, 'Not found.');
	const funders = opened.canShare ? (await reportChoices(db(), locals.account, params.id)).funders : [];
	return {
		...opened,
		funders: funders.filter((funder) => !opened.shares.some((share) => share.funderId === funder.id)),
		filterErrors: parsed.ok ? {} : parsed.errors,
		filterValues: { van: url.searchParams.get('van') ?? '', tot: url.searchParams.get('tot') ?? '', vorm: url.searchParams.get('vorm') ?? 'alle' },
		confirmStop: opened.shares.find((share) => share.funderId === url.searchParams.get('stoppen')) ?? null,
		notice: notices.find((key) => url.searchParams.has(key)) ?? null,
		csvQuery: parsed.ok ? url.search : ''
	};
};

const here = (params: { id: string; reportId: string }, locale: 'nl' | 'en', notice: (typeof notices)[number]) =>
	`${href(`/organisatie/${params.id}/rapporten/${params.reportId}`, { locale })}?${notice}`;

export const actions: Actions = {
	share: async ({ locals, params, request }) => {
		const form = await request.formData();
		const outcome = await shareReport(db(), { actor: locals.account, reportId: params.reportId, input: { funderId: form.get('funderId') ?? '' } });
		if (!outcome.ok) return fail(400, { shareErrors: outcome.errors });
		redirect(303, here(params, locals.locale, 'gedeeld'));
	},
	unshare: async ({ locals, params, request }) => {
		const form = await request.formData();
		await unshareReport(db(), { actor: locals.account, reportId: params.reportId, funderId: String(form.get('funderId') ?? '') });
		redirect(303, here(params, locals.locale, 'gestopt'));
	}
};
