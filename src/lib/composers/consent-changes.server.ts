/**
 * The consent decisions that can take something away, with what ends when they do: every feature's
 * `consentNarrowed` (open questionnaire requests, ...), in the same transaction as the decision.
 * - `acceptClientInvitation`, `changeConsentScopes`, `withdrawConsent` (the person), `removeMember` (an admin): the
 *   feature use-cases of the same name, with that loop filled in.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { ConsentNarrowed } from '$lib/kernel/person-data';
import * as consent from '$lib/features/consent/consent.server';
import * as organisations from '$lib/features/organisations/organisations.server';
import { personDataFeatures } from './person-data-features';

type Without<F extends (db: Kysely<Database>, options: never) => unknown> = Omit<Parameters<F>[1], 'narrowed'>;

async function narrowed(trx: Kysely<Database>, change: ConsentNarrowed): Promise<void> {
	for (const feature of personDataFeatures) await feature.consentNarrowed?.(trx, change);
}

export function acceptClientInvitation(db: Kysely<Database>, options: Without<typeof consent.acceptClientInvitation>) {
	return consent.acceptClientInvitation(db, { ...options, narrowed });
}

export function changeConsentScopes(db: Kysely<Database>, options: Without<typeof consent.changeConsentScopes>) {
	return consent.changeConsentScopes(db, { ...options, narrowed });
}

export function withdrawConsent(db: Kysely<Database>, options: Without<typeof consent.withdrawConsent>) {
	return consent.withdrawConsent(db, { ...options, narrowed });
}

export function removeMember(db: Kysely<Database>, options: Without<typeof organisations.removeMember>) {
	return organisations.removeMember(db, { ...options, narrowed });
}
