import { fail, redirect } from '@sveltejs/kit';
import { createReport, reportChoices } from '$lib/features/reports/reports.server';
import { reportFormInput } from '$lib/features/reports/report.schema';
import { formValues } from '$lib/features/reports/report-form-values';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	...(await reportChoices(db(), locals.account, params.id)),
	organisationId: params.id
});

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const form = await request.formData();
		const outcome = await createReport(db(), { actor: locals.account, organisationId: params.id, input: reportFormInput(form) });
		if (!outcome.ok) return fail(400, { errors: outcome.errors, values: formValues(form) });
		redirect(303, href(`/organisatie/${params.id}/rapporten/${outcome.reportId}`, { locale: locals.locale }));
	}
};
