import { exportClientFhirBundle, fhirJsonType } from '$lib/composers/client-record/fhir-bundle.server';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** A client's measurement history as a FHIR R4 Bundle of QuestionnaireResponses with brug's Questionnaires. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const bundle = await exportClientFhirBundle(db(), { actor: locals.account, personId: params.id, locale: locals.locale });
	return new Response(JSON.stringify(bundle, null, 2), {
		headers: {
			'content-type': fhirJsonType,
			'content-disposition': 'attachment; filename="brug-metingen.fhir.json"',
			'cache-control': 'private, no-store'
		}
	});
};
