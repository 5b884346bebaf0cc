import { error, redirect } from '@sveltejs/kit';
import { getInstrument } from '$lib/features/instruments/instruments';
import { localizeInstrument } from '$lib/features/instruments/instrument-view';
import {
	claimMeasurement,
	deleteMeasurementByToken,
	findMeasurementByToken
} from '$lib/features/measurements/measurements.server';
import { testAnswersCookie } from '$lib/features/measurements/answers-cookie';
import { href } from '$lib/i18n/href';
import { deLocalizePath } from '$lib/i18n/paths';
import { db } from '$lib/server/db';
import { anonymousCookieOptions } from '$lib/server/http/anonymous-cookie';
import type { Actions, PageServerLoad } from './$types';

// Works fully as plain HTML and forms, so it ships no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	// A personal result: never cached by shared caches, never indexed.
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const measurement = await findMeasurementByToken(db(), { token: params.token, instrumentFor: getInstrument });
	if (!measurement) error(404, 'Not found');
	const instrument = getInstrument(measurement.score.instrument);
	if (!instrument) error(404, 'Not found');
	return {
		score: measurement.score,
		takenAt: measurement.takenAt.toISOString(),
		instrument: localizeInstrument(instrument, locals.locale),
		justSaved: url.searchParams.has('bewaard'),
		confirmDelete: url.searchParams.has('verwijderen'),
		signedIn: locals.account !== null,
		signInHref: `${href('/account/inloggen', { locale: locals.locale })}?terug=${encodeURIComponent(deLocalizePath(url.pathname))}`,
		personalLink: new URL(href(`/uitslag/${params.token}`, { locale: locals.locale }), url.origin).href
	};
};

export const actions: Actions = {
	/** A signed-in person keeps the result in their account; the link stops working. */
	claim: async ({ params, locals, url }) => {
		if (!locals.account) {
			redirect(303, `${href('/account/inloggen', { locale: locals.locale })}?terug=${encodeURIComponent(deLocalizePath(url.pathname))}`);
		}
		const claimed = await claimMeasurement(db(), { token: params.token, accountId: locals.account.id });
		if (!claimed) error(404, 'Not found');
		redirect(303, `${href('/account', { locale: locals.locale })}?toegevoegd`);
	},
	/** Deletes the stored result for good, after the confirmation step on the page, and this browser's answers too. */
	delete: async ({ params, locals, cookies, url }) => {
		await deleteMeasurementByToken(db(), { token: params.token });
		cookies.delete(testAnswersCookie.name, anonymousCookieOptions(url));
		redirect(303, `${href('/test/uitslag', { locale: locals.locale })}?verwijderd`);
	}
};
