import { exportPersonalData } from '$lib/features/accounts/personal-data.server';
import { getInstrument } from '$lib/features/instruments/instruments';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const data = await exportPersonalData(db(), { account: requireAccount(event) });
	const locale = event.locals.locale;
	// The page shows words, not codes: the instrument's title and each answer's label in the page language.
	const readable = data.measurements.map((measurement) => {
		const def = getInstrument(measurement.instrument);
		const label = (optionId: string | undefined) =>
			def?.options.find((o) => o.id === optionId)?.label[locale] ?? optionId ?? '–';
		return {
			title: def?.title[locale] ?? measurement.instrument,
			answers: (def?.items ?? []).map((item, index) => `${index + 1}: ${label(measurement.answers[String(item.number)])}`)
		};
	});
	return { export: data, readable };
};
