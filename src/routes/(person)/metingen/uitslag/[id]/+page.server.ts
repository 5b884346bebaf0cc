import { error } from '@sveltejs/kit';
import { getInstrument } from '$lib/features/instruments/instruments';
import { localizeInstrument } from '$lib/features/instruments/instrument-view';
import { getMeasurementForAccount } from '$lib/features/measurements/measurements.server';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// A result to read, fully usable without JavaScript: no script is sent.
export const csr = false;

/** One of the person's own results, with its explanation: they see it first, before anyone they share with. */
export const load: PageServerLoad = async (event) => {
	const account = requireAccount(event);
	const measurement = await getMeasurementForAccount(db(), { accountId: account.id, id: event.params.id, instrumentFor: getInstrument });
	const instrument = measurement && getInstrument(measurement.score.instrument);
	if (!measurement || !instrument) error(404, 'Not found');
	return { score: measurement.score, takenAt: measurement.takenAt.toISOString(), instrument: localizeInstrument(instrument, event.locals.locale) };
};
