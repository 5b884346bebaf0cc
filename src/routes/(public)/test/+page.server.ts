import { fail, redirect } from '@sveltejs/kit';
import { instruments, scoreInstrument } from '$lib/features/instruments/instruments';
import { localizeInstrument } from '$lib/features/instruments/instrument-view';
import { readAnswersFromForm } from '$lib/features/measurements/answer-form';
import { saveAnonymousMeasurement } from '$lib/features/measurements/measurements.server';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const instrument = instruments['djg-11'];

export const load: PageServerLoad = ({ locals, url }) => ({
	instrument: localizeInstrument(instrument, locals.locale),
	deleted: url.searchParams.has('verwijderd')
});

async function readCompleteAnswers(request: Request) {
	const read = readAnswersFromForm(instrument, await request.formData());
	const complete = read.missing.length === 0 && read.invalid.length === 0;
	return { read, complete };
}

export const actions: Actions = {
	/** Scores the answers; nothing is stored. */
	score: async ({ request }) => {
		const { read, complete } = await readCompleteAnswers(request);
		if (!complete) return fail(400, { given: read.answers, missing: read.missing, invalid: read.invalid });
		return { given: read.answers, score: scoreInstrument(instrument, read.answers) };
	},
	/** "Bewaar mijn uitslag": stores answers and scores (computed again here) behind a new personal link. */
	save: async ({ request, locals }) => {
		const { read, complete } = await readCompleteAnswers(request);
		if (!complete) return fail(400, { given: read.answers, missing: read.missing, invalid: read.invalid });
		const { token } = await saveAnonymousMeasurement(db(), { instrument, answers: read.answers });
		redirect(303, `${href(`/uitslag/${token}`, { locale: locals.locale })}?bewaard`);
	}
};
