/**
 * Every feature that holds a person's data, by its one face (`PersonDataFeature`). The export, the deletion, the
 * caseload's "last active" day and the end of consent loop over this list: a new feature is its own folder plus one
 * line here. The order is the order of the export.
 */
import type { PersonDataFeature } from '$lib/kernel/person-data';
import { accountsData } from '$lib/features/accounts/index.server';
import { measurementsData } from '$lib/features/measurements/index.server';
import { organisationsData } from '$lib/features/organisations/index.server';
import { consentData } from '$lib/features/consent/index.server';
import { auditData } from '$lib/features/audit/index.server';
import { apiTokensData } from '$lib/features/api-tokens/index.server';
import { journalData } from '$lib/features/journal/index.server';
import { smallStepsData } from '$lib/features/small-steps/index.server';
import { exercisesData } from '$lib/features/exercises/index.server';
import { patternsData } from '$lib/features/patterns/index.server';
import { relationshipsData } from '$lib/features/relationships/index.server';
import { healthWebData } from '$lib/features/health-web/index.server';
import { selfSufficiencyData } from '$lib/features/self-sufficiency/index.server';
import { measurementRequestsData } from '$lib/features/measurement-requests/index.server';
import { conversationNotesData } from '$lib/features/conversation-notes/index.server';
import { programmeData } from '$lib/features/programme/index.server';
import { groupsData } from '$lib/features/groups/index.server';
import { reportConsentData } from '$lib/features/report-consent/index.server';
import { reportsData } from '$lib/features/reports/index.server';

export const personDataFeatures = [
	accountsData,
	measurementsData,
	organisationsData,
	consentData,
	auditData,
	apiTokensData,
	journalData,
	smallStepsData,
	exercisesData,
	patternsData,
	relationshipsData,
	healthWebData,
	selfSufficiencyData,
	measurementRequestsData,
	conversationNotesData,
	programmeData,
	groupsData,
	reportConsentData,
	reportsData
] as const;

type Feature = (typeof personDataFeatures)[number];
type PartOf<F> = F extends PersonDataFeature<string, infer Part, unknown> ? Part : never;
type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/** The export: every feature's part, side by side. */
export type PersonDataParts = Intersection<PartOf<Feature>>;

type FactsOf<F> = F extends PersonDataFeature<string, object, infer Facts> ? Facts : never;

/** The facts a feature reads for a list of clients, by the feature's name. */
export type ClientFactsByFeature = {
	[F in Feature as [FactsOf<F>] extends [never] ? never : F['name']]?: FactsOf<F>;
};
