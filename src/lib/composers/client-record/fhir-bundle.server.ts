/**
 * A client's measurement history as a FHIR R4 Bundle, shared by the professional's download and the professional API.
 * - `exportClientFhirBundle(db, { actor, personId, locale, origin })`: needs the measurements scope and is audited as
 *   a read of it (`exportClientMeasurements`); the Bundle is `fhirBundle` of the client's measurements, with the
 *   client as the pseudonymous Patient and the exporting professional, in the organisation the client shares with,
 *   as author. `origin` is brug's public address (ORIGIN): the canonical URLs and identifier systems live under it.
 * - `fhirJsonType`: the media type of the answer (FHIR R4 JSON).
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { exportClientMeasurements } from '$lib/composers/client-record/clients.server';
import type { Locale } from '$lib/features/instruments/instruments';
import type { Bundle } from '$lib/features/fhir/fhir-types';
import type { ExportParties } from '$lib/features/fhir/parties';
import { fhirBundle } from '$lib/features/fhir/questionnaire-response';
import { fhirCanonicalBase } from '$lib/features/fhir/questionnaires';

export const fhirJsonType = 'application/fhir+json; fhirVersion=4.0; charset=utf-8';

export async function exportClientFhirBundle(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; locale: Locale; origin: string; now?: Date }
): Promise<{ bundle: Bundle; personId: string; chosenName: string | null }> {
	const exported = await exportClientMeasurements(db, options);
	const author = await exportAuthor(db, options.actor!.id, exported.organisationId);
	const parties: ExportParties = { client: { id: exported.personId, chosenName: exported.chosenName }, author };
	const bundle = fhirBundle(exported.measurements, {
		locale: options.locale,
		base: fhirCanonicalBase(options.origin),
		parties,
		timestamp: options.now ?? new Date()
	});
	return { bundle, personId: exported.personId, chosenName: exported.chosenName };
}

/** The professional as a member of the organisation the access comes through (a professional's role first). */
async function exportAuthor(db: Kysely<Database>, accountId: string, organisationId: string): Promise<ExportParties['author']> {
	const rows = await db
		.selectFrom('membership')
		.innerJoin('account', 'account.id', 'membership.account_id')
		.innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
		.select(['membership.id as roleId', 'membership.role', 'account.name', 'organisation.name as organisationName'])
		.where('membership.account_id', '=', accountId)
		.where('membership.organisation_id', '=', organisationId)
		.execute();
	const chosen = rows.find((membership) => membership.role === 'professional') ?? rows[0];
	// Access to a client always comes through a membership; without one the check above would have refused.
	if (!chosen) throw new Error('FHIR export: the professional has no membership in the organisation');
	return {
		id: accountId,
		name: chosen.name,
		roleId: chosen.roleId,
		organisation: { id: organisationId, name: chosen.organisationName }
	};
}
