import { exportClientMeasurements } from '$lib/composers/client-record/clients.server';
import { attachmentDisposition, exportFileName } from '$lib/composers/client-record/export-file';
import { measurementsCsv } from '$lib/features/measurements/measurements-csv';
import { db } from '$lib/server/db';
import { localDay } from '$lib/time';
import type { RequestHandler } from './$types';

/** A client's measurement history as CSV (needs the measurements scope; audited as a read of it). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { measurements, personId, chosenName } = await exportClientMeasurements(db(), { actor: locals.account, personId: params.id });
	const name = exportFileName({ chosenName, personId, day: localDay(), extension: 'csv' });
	return new Response(measurementsCsv(measurements, { locale: locals.locale }), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachmentDisposition(name),
			'cache-control': 'private, no-store'
		}
	});
};
