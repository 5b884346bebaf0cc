import { exportClientMeasurements } from '$lib/composers/client-record/clients.server';
import { measurementsCsv } from '$lib/features/measurements/measurements-csv';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** A client's measurement history as CSV (needs the measurements scope; audited as a read of it). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { measurements } = await exportClientMeasurements(db(), { actor: locals.account, personId: params.id });
	return new Response(measurementsCsv(measurements, { locale: locals.locale }), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="brug-metingen.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
