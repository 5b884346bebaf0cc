import { error, fail, redirect } from '@sveltejs/kit';
import { getInstrument } from '$lib/features/instruments/instruments';
import { localizeInstrument } from '$lib/features/instruments/instrument-view';
import { readAnswersFromForm } from '$lib/features/measurements/answer-form';
import { completeMeasurementTask, getMeasurementTask } from '$lib/features/measurement-requests/measurement-requests.server';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** A questionnaire a professional asked for, filled in signed in; the result is the person's own. */
export const load: PageServerLoad = async (event) => {
	const task = await getMeasurementTask(db(), { actor: requireAccount(event), id: event.params.id });
	const instrument = task && getInstrument(task.instrument);
	if (!task || !instrument) error(404, 'Not found');
	return { instrument: localizeInstrument(instrument, event.locals.locale), professionalName: task.professionalName };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAccount(event);
		const task = await getMeasurementTask(db(), { actor, id: event.params.id });
		const instrument = task && getInstrument(task.instrument);
		if (!task || !instrument) return fail(404, { gone: true });
		const read = readAnswersFromForm(instrument, await event.request.formData());
		if (read.missing.length > 0 || read.invalid.length > 0) return fail(400, { given: read.answers, missing: read.missing, invalid: read.invalid });
		const done = await completeMeasurementTask(db(), { actor, id: task.id, answers: read.answers });
		if (!done.ok) return fail(404, { gone: true });
		redirect(303, href(`/metingen/uitslag/${done.measurement.id}`, { locale: event.locals.locale }));
	}
};
