/**
 * A client's measurement history as a FHIR R4 Bundle, shared by the professional's download and the professional API.
 * - `exportClientFhirBundle(db, { actor, personId, locale })`: needs the measurements scope and is audited as a read
 *   of it (`exportClientMeasurements`); the Bundle is `fhirBundle` of the client's measurements.
 * - `fhirJsonType`: the media type of the answer (FHIR R4 JSON).
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { exportClientMeasurements } from '$lib/composers/client-record/clients.server';
import type { Locale } from '$lib/features/instruments/instruments';
import type { Bundle } from '$lib/features/fhir/fhir-types';
import { fhirBundle } from '$lib/features/fhir/questionnaire-response';

export const fhirJsonType = 'application/fhir+json; fhirVersion=4.0; charset=utf-8';

export async function exportClientFhirBundle(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; locale: Locale; now?: Date }
): Promise<Bundle> {
	const { measurements } = await exportClientMeasurements(db, options);
	return fhirBundle(measurements, { locale: options.locale });
}
