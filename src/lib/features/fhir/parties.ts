/**
 * Who an export is about and who made it, as FHIR R4 resources for the export's Bundle. Pure.
 *
 * - `partyEntries(parties, base)`: the Patient (the client), the Practitioner (the exporting professional), their
 *   Organization and the PractitionerRole that joins them, as Bundle entries (`fullUrl` = `urn:uuid:` + id).
 * - `partyReferences(parties)`: what a QuestionnaireResponse points at: `subject` (the Patient) and `author` (the
 *   PractitionerRole, so a receiver sees both the professional and the organisation they act for).
 * - `identifierSystems(base)`: the identifier systems of brug's ids, under the installation's canonical base.
 *
 * The Patient is pseudonymous: brug's id for the person, and a name only when the person chose one for their
 * professional (the name the client record already shows). Never an e-mail address, birth date or address.
 */
import type { BundleEntry, HumanName, Reference } from './fhir-types';

export interface ExportParties {
	client: {
		/** brug's account id of the person (a UUID). */
		id: string;
		/** The name the person chose for this professional; null when they chose none. */
		chosenName: string | null;
	};
	author: {
		/** brug's account id of the professional (a UUID). */
		id: string;
		name: string;
		/** The professional's membership in the organisation the client shares with (a UUID). */
		roleId: string;
		organisation: { id: string; name: string };
	};
}

/** R4 `uuid` datatype (lower case), for `urn:uuid:` full URLs and references. */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function identifierSystems(base: string) {
	return {
		client: `${base}/sid/client`,
		professional: `${base}/sid/professional`,
		organisation: `${base}/sid/organisation`
	};
}

function urn(id: string, what: string): string {
	if (!uuidPattern.test(id)) throw new Error(`FHIR export: ${what} id is not a lower-case UUID`);
	return `urn:uuid:${id}`;
}

/** FHIR strings must not be empty or only white space. */
function names(text: string | null): { name?: HumanName[] } {
	const trimmed = text?.trim();
	return trimmed ? { name: [{ text: trimmed }] } : {};
}

export function partyReferences(parties: ExportParties): { subject: Reference; author: Reference } {
	return {
		subject: { reference: urn(parties.client.id, 'client') },
		author: { reference: urn(parties.author.roleId, 'role') }
	};
}

export function partyEntries(parties: ExportParties, base: string): BundleEntry[] {
	const systems = identifierSystems(base);
	const { client, author } = parties;
	const organisationName = author.organisation.name.trim();
	return [
		{
			fullUrl: urn(client.id, 'client'),
			resource: {
				resourceType: 'Patient',
				id: client.id,
				identifier: [{ system: systems.client, value: client.id }],
				...names(client.chosenName)
			}
		},
		{
			fullUrl: urn(author.id, 'professional'),
			resource: {
				resourceType: 'Practitioner',
				id: author.id,
				identifier: [{ system: systems.professional, value: author.id }],
				...names(author.name)
			}
		},
		{
			fullUrl: urn(author.organisation.id, 'organisation'),
			resource: {
				resourceType: 'Organization',
				id: author.organisation.id,
				identifier: [{ system: systems.organisation, value: author.organisation.id }],
				...(organisationName ? { name: organisationName } : {})
			}
		},
		{
			fullUrl: urn(author.roleId, 'role'),
			resource: {
				resourceType: 'PractitionerRole',
				id: author.roleId,
				practitioner: { reference: urn(author.id, 'professional') },
				organization: { reference: urn(author.organisation.id, 'organisation') }
			}
		}
	];
}
