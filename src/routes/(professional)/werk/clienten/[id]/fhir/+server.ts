import { exportClientMeasurements } from '$lib/features/clients/clients.server';
import { fhirBundle } from '$lib/features/fhir/questionnaire-response';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** A client's measurement history as a FHIR R4 Bundle of QuestionnaireResponses with brug's Questionnaires. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { measurements } = await exportClientMeasurements(db(), { actor: locals.account, personId: params.id });
	return new Response(JSON.stringify(fhirBundle(measurements, { locale: locals.locale }), null, 2), {
		headers: {
			'content-type': 'application/fhir+json; fhirVersion=4.0; charset=utf-8',
			'content-disposition': 'attachment; filename="brug-metingen.fhir.json"',
			'cache-control': 'private, no-store'
		}
	});
};
