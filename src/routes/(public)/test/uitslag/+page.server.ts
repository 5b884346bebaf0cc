import { fail, redirect } from '@sveltejs/kit';
import { instruments, scoreInstrument } from '$lib/features/instruments/instruments';
import { localizeInstrument } from '$lib/features/instruments/instrument-view';
import { readAnswersFromForm } from '$lib/features/measurements/answer-form';
import {
	completeAnswersSchemaFor,
	decodeAnswersCookie,
	encodeAnswersCookie,
	testAnswersCookie
} from '$lib/features/measurements/answers-cookie';
import { saveAnonymousMeasurement } from '$lib/features/measurements/measurements.server';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import { anonymousCookieOptions } from '$lib/server/http/anonymous-cookie';
import type { Actions, PageServerLoad } from './$types';

// Reads its answers from the person's own cookie: no script needed, and a reload only reads them again.
export const csr = false;

const instrument = instruments['djg-11'];
const completeAnswers = completeAnswersSchemaFor(instrument);

/** The result of the answers in the cookie; without them (closed browser, cleared, tampered) a kind explanation. */
export const load: PageServerLoad = ({ locals, cookies, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const answers = decodeAnswersCookie(instrument, cookies.get(testAnswersCookie.name));
	return {
		instrument: localizeInstrument(instrument, locals.locale),
		score: answers ? scoreInstrument(instrument, answers) : null,
		deleted: url.searchParams.has('verwijderd'),
		cleared: url.searchParams.has('gewist')
	};
};

const resultPath = (locale: App.Locals['locale']) => href('/test/uitslag', { locale });

export const actions: Actions = {
	/** Keeps the answers in a session cookie and shows the result on a GET, so reload and Back do not post again. */
	score: async ({ request, locals, cookies, url }) => {
		const read = readAnswersFromForm(instrument, await request.formData());
		const parsed = completeAnswers.safeParse(read.answers);
		if (read.missing.length > 0 || read.invalid.length > 0 || !parsed.success) {
			return fail(400, { given: read.answers, missing: read.missing, invalid: read.invalid });
		}
		cookies.set(testAnswersCookie.name, encodeAnswersCookie(instrument, parsed.data), anonymousCookieOptions(url));
		redirect(303, resultPath(locals.locale));
	},
	/** "Bewaar mijn uitslag": stores the answers and scores (computed again here) behind a new personal link. */
	save: async ({ locals, cookies }) => {
		const answers = decodeAnswersCookie(instrument, cookies.get(testAnswersCookie.name));
		if (!answers) redirect(303, resultPath(locals.locale));
		const { token } = await saveAnonymousMeasurement(db(), { instrument, answers });
		redirect(303, `${href(`/uitslag/${token}`, { locale: locals.locale })}?bewaard`);
	},
	/** "Wis mijn antwoorden", for a shared device. */
	clear: ({ locals, cookies, url }) => {
		cookies.delete(testAnswersCookie.name, anonymousCookieOptions(url));
		redirect(303, `${resultPath(locals.locale)}?gewist`);
	}
};
