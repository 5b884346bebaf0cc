/**
 * The face every feature that holds a person's data shows to the composers (export, deletion, the caseload, consent
 * changes). A feature exports one `PersonDataFeature` from its `index.server.ts`; the composers loop over the list in
 * `src/lib/composers/person-data-features.ts`, so a new feature is its own folder plus one line there.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { Locale } from '$lib/paraglide/runtime';
import type { ConsentScope } from './consent-scopes';

export interface ExportContext {
	/** The person exporting: they only ever reach their own data. */
	account: SignedInAccount;
	locale: Locale;
	now: Date;
}

export interface DeletionContext {
	accountId: string;
	/** As the account has it; invitations and verification tokens name the address, not the account. */
	email: string;
	/** ISO instant of the deletion, for what ends rather than goes. */
	now: string;
}

export interface ClientsContext {
	/** The professional reading: "unread" and the like are theirs. */
	readerId: string;
	/** People who share this feature's scope with the reader (a feature without a scope is never read this way). */
	personIds: readonly string[];
	/** Local day (YYYY-MM-DD). */
	today: string;
}

/** A person's consent in an organisation ended or narrowed, or a professional left it: what it covered may end. */
export interface ConsentNarrowed {
	organisationId: string;
	/** The person whose consent changed; absent when a professional left (then every client there). */
	personId?: string;
	/** Only this professional's work (they left the organisation). */
	professionalId?: string;
	reason: 'consent_withdrawn' | 'consent_changed' | 'professional_left';
	now: string;
}

export interface PersonDataFeature<Name extends string = string, Part extends object = object, Facts = unknown> {
	/** The feature, as the composers name it. */
	name: Name;
	/** The scope under which a professional reads it; null: never read by professionals under a scope. */
	scope: ConsentScope | null;
	/** The tables it keeps a person's data in (a test checks that every such table has a feature). */
	tables: readonly (keyof Database)[];
	/** The person's own data for their export (decrypted for them), as named parts of the export. */
	exportPart(db: Kysely<Database>, context: ExportContext): Promise<Part>;
	/**
	 * Removes or ends what ON DELETE CASCADE does not, inside the deletion transaction, before the account row goes
	 * (rows about other people that this account made, rows keyed by address).
	 */
	deleteFor?(trx: Kysely<Database>, context: DeletionContext): Promise<void>;
	/** The last local day each of these people did something here (they share the scope; never without one). */
	lastActiveDays?(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, string>>;
	/**
	 * The days in `from`..`to` (local days, both included) on which the person used this feature, by kind (a word the
	 * client page names, e.g. `journal`); counts only, never what was done. Read for a client who shares the scope.
	 */
	activityDays?(db: Kysely<Database>, personId: string, range: { from: string; to: string }): Promise<{ kind: string; day: string }[]>;
	/** One set-based read for a list of clients (the caseload): facts per person, only for the people given, who
	 * share the scope (a feature without a scope is never read for a professional). */
	readForClients?(db: Kysely<Database>, context: ClientsContext): Promise<Map<string, Facts>>;
	/** Called inside the transaction that narrows consent: ends what the consent no longer covers. */
	consentNarrowed?(trx: Kysely<Database>, change: ConsentNarrowed): Promise<void>;
}

/** Keeps a contract's literal name and part types for the composers. */
export function personDataFeature<Name extends string, Part extends object, Facts = never>(
	feature: PersonDataFeature<Name, Part, Facts>
): PersonDataFeature<Name, Part, Facts> {
	return feature;
}
