import { exportClientFhirBundle, fhirJsonType } from '$lib/composers/client-record/fhir-bundle.server';
import { attachmentDisposition, exportFileName } from '$lib/composers/client-record/export-file';
import { publicOrigin } from '$lib/server/auth';
import { db } from '$lib/server/db';
import { localDay } from '$lib/time';
import type { RequestHandler } from './$types';

/** A client's measurement history as a FHIR R4 Bundle of QuestionnaireResponses with brug's Questionnaires. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { bundle, personId, chosenName } = await exportClientFhirBundle(db(), {
		actor: locals.account,
		personId: params.id,
		locale: locals.locale,
		origin: publicOrigin()
	});
	const name = exportFileName({ chosenName, personId, day: localDay(), extension: 'fhir.json' });
	return new Response(JSON.stringify(bundle, null, 2), {
		headers: {
			'content-type': fhirJsonType,
			'content-disposition': attachmentDisposition(name),
			'cache-control': 'private, no-store'
		}
	});
};
