import { json } from '@sveltejs/kit';
import { getInstrument } from '$lib/features/instruments/instruments';
import { localizeInstrument } from '$lib/features/instruments/instrument-view';
import { localeFromQuery } from '$lib/i18n/locale';
import { localeProblem, unknownInstrument } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const def = getInstrument(params.id);
	if (!def) return unknownInstrument(params.id);
	const locale = localeFromQuery(url);
	if (!locale) return localeProblem();
	return json(localizeInstrument(def, locale));
};
