import { requireClientAccess } from '$lib/kernel/policy.server';
import { exportClientFhirBundle, fhirJsonType } from '$lib/composers/client-record/fhir-bundle.server';
import { localeFromQuery } from '$lib/i18n/locale';
import { db } from '$lib/server/db';
import { publicOrigin } from '$lib/server/auth';
import { apiHandler } from '$lib/composers/api/api-auth';
import { localeProblem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** The client's measurement history as a FHIR R4 Bundle, as the download on their page (audited the same way). */
export const GET: RequestHandler = apiHandler(async ({ params, url }, actor) => {
	// Authorise before reading the query: a refusal never depends on what was sent.
	await requireClientAccess(db(), actor, { personId: params.personId, scope: 'measurements' });
	const locale = localeFromQuery(url);
	if (!locale) return localeProblem();
	const { bundle } = await exportClientFhirBundle(db(), { actor, personId: params.personId, locale, origin: publicOrigin() });
	return new Response(JSON.stringify(bundle), { headers: { 'content-type': fhirJsonType } });
});
