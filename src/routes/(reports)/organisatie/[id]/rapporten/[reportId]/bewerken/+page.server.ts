import { error, fail, redirect } from '@sveltejs/kit';
import { deleteReport, openReport, reportChoices, updateReport } from '$lib/features/reports/reports.server';
import { noFilter } from '$lib/features/reports/filters';
import { reportFormInput } from '$lib/features/reports/report.schema';
import { definitionValues, formValues } from '$lib/features/reports/report-form-values';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/** Change a report's definition, or delete it (which asks first: ?verwijderen). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { definition, canEdit } = await openReport(db(), locals.account, params.reportId, noFilter);
	if (definition.organisationId !== params.id) error(404, 'Not found.');
	if (!canEdit) error(403, 'No access', { reason: 'no_access' });
	const { programmes, groups } = await reportChoices(db(), locals.account, params.id);
	return { definition, values: definitionValues(definition, locals.locale), programmes, groups, confirmDelete: url.searchParams.has('verwijderen') };
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const form = await request.formData();
		const outcome = await updateReport(db(), { actor: locals.account, reportId: params.reportId, input: reportFormInput(form) });
		if (!outcome.ok) return fail(400, { errors: outcome.errors, values: formValues(form) });
		redirect(303, `${href(`/organisatie/${params.id}/rapporten/${params.reportId}`, { locale: locals.locale })}?opgeslagen`);
	},
	delete: async ({ locals, params }) => {
		const { organisationId } = await deleteReport(db(), { actor: locals.account, reportId: params.reportId });
		redirect(303, `${href(`/organisatie/${organisationId}/rapporten`, { locale: locals.locale })}?verwijderd`);
	}
};
