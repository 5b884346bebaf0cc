import { json } from '@sveltejs/kit';
import { instrumentIds, instruments } from '$lib/features/instruments/instruments';
import { localeFromQuery } from '$lib/i18n/locale';
import { localeProblem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const locale = localeFromQuery(url);
	if (!locale) return localeProblem();
	return json(
		instrumentIds.map((id) => ({
			id,
			version: instruments[id].version,
			title: instruments[id].title[locale],
			itemCount: instruments[id].items.length
		}))
	);
};
