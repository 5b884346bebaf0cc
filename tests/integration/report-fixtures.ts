/**
 * Outcome reports for integration tests, on both databases. `reportWorld(handle, { completePairs })` gives:
 * - organisation A (welfare) with its admin, a report reader, a professional who starts programme enrolments and a
 *   leader of one group; people with DJG-11 before/after (some with a follow-up) who chose to count, some who never
 *   did, one who withdrew, and ten measured only before (report-fixtures-units.ts writes them);
 * - a funder F (kind 'funder') with its admin and a report reader;
 * - organisation B with its admin and people of its own;
 * - report definitions: A's programme report shared with F, A's groups report not shared, B's programme report shared
 *   with F (so F's "combined" pools two organisations).
 * Accounts and memberships go through brug's own use-cases; the people and report rows are inserted directly.
 * `completePairs` (9 or 10) is the number of A's programme units with a complete pair, around the threshold of 10.
 *
 *   const world = await reportWorld(handle, { completePairs: 10 });
 *   await openReport(handle.db, world.accounts.reportReader, world.reports.shared, noFilter);
 */
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { Database, MembershipRole, OrganisationKind, OutcomeReportKind } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { Auth } from '$lib/server/auth/auth';
import type { Mailer } from '$lib/server/mail/mailer';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import { acceptMemberInvitation, createOrganisationWithAdmin, inviteMember } from '$lib/features/organisations/organisations.server';
import { defaultProgrammeId } from '$lib/features/programme/programme-values';
import { testAuth } from './auth-fixture';
import { seedReportUnits, type PersonalTraces } from './report-fixtures-units';

export { djgAnswers, scoresOf, seedReportUnits, type PersonalTraces, type SeededUnits, type UnitOptions } from './report-fixtures-units';

const password = 'lang genoeg wachtwoord';
const nowhere: Pick<Mailer, 'send'> = { send: async () => ({ delivered: 'outbox', messageId: 'report-fixtures' }) };

export interface ReportDefinition {
	organisationId: string;
	title: string;
	kind: OutcomeReportKind;
	groupIds?: string[];
	createdBy: string | null;
}

/** A report definition as the form saves it, with the default settings (SD 3.0, reliability 0.88). */
export async function insertReport(db: Kysely<Database>, definition: ReportDefinition): Promise<string> {
	const id = crypto.randomUUID();
	const at = new Date().toISOString();
	await db
		.insertInto('outcome_report')
		.values({
			id,
			organisation_id: definition.organisationId,
			title: definition.title,
			kind: definition.kind,
			programme_id: definition.kind === 'programme' ? defaultProgrammeId : null,
			group_ids: JSON.stringify(definition.groupIds ?? []),
			period_from: null,
			period_to: null,
			scale_sd: 3,
			reliability: 0.88,
			created_by: definition.createdBy,
			created_at: at,
			updated_at: at
		})
		.execute();
	return id;
}

export async function shareWithFunder(db: Kysely<Database>, reportId: string, funderId: string, by: string | null): Promise<void> {
	await db.insertInto('outcome_report_share').values({ report_id: reportId, funder_id: funderId, shared_by: by, shared_at: new Date().toISOString() }).execute();
}

export interface ReportIds {
	/** A's programme report, shared with the funder. */
	shared: string;
	/** A's groups report, not shared. */
	unshared: string;
	/** B's programme report, shared with the funder. */
	sharedB: string;
}

/** The report definitions of the world (also used by the authorisation matrix's seed). */
export async function seedReportDefinitions(
	db: Kysely<Database>,
	options: { organisationA: string; organisationB: string; funderId: string; adminA: string; adminB: string }
): Promise<ReportIds> {
	const shared = await insertReport(db, { organisationId: options.organisationA, title: 'Acht weken samen', kind: 'programme', createdBy: options.adminA });
	const unshared = await insertReport(db, { organisationId: options.organisationA, title: 'Groepen Noordkwartier', kind: 'groups', createdBy: options.adminA });
	const sharedB = await insertReport(db, { organisationId: options.organisationB, title: 'Programma B', kind: 'programme', createdBy: options.adminB });
	await shareWithFunder(db, shared, options.funderId, options.adminA);
	await shareWithFunder(db, sharedB, options.funderId, options.adminB);
	return { shared, unshared, sharedB };
}

/** The admin invites the account with the role, and the account accepts, as on /uitnodiging. */
export async function joinOrganisation(
	db: Kysely<Database>,
	options: { admin: SignedInAccount; organisationId: string; account: SignedInAccount; role: MembershipRole }
): Promise<void> {
	let token = '';
	const invited = await inviteMember(db, {
		actor: options.admin,
		organisationId: options.organisationId,
		email: options.account.email,
		role: options.role,
		locale: 'nl',
		mailer: nowhere,
		linkFor: (given) => {
			token = given;
			return `https://brug.test/nl/uitnodiging/${given}`;
		}
	});
	if (!invited.ok) throw new Error(invited.reason);
	const joined = await acceptMemberInvitation(db, { token, actor: options.account });
	if (!joined.ok) throw new Error(joined.reason);
}

export interface ReportWorld {
	organisationA: string;
	organisationB: string;
	funder: string;
	accounts: Record<'adminA' | 'reportReader' | 'professional' | 'leader' | 'adminB' | 'adminF' | 'funderReader', SignedInAccount & { name: string }>;
	reports: ReportIds;
	/** A's and B's group (one each). */
	groupIds: { A: string; B: string };
	/** Everything personal the world holds; no report may show any of it. */
	traces: PersonalTraces;
	/** People who chose to count and started, per organisation. */
	counted: { A: number; B: number };
}

export async function reportWorld(handle: DatabaseHandle, options: { completePairs: number; auth?: Auth }): Promise<ReportWorld> {
	const { db } = handle;
	const auth = options.auth ?? testAuth(handle);
	const organisation = async (name: string, kind: OrganisationKind, admin: { email: string; name: string }) => {
		const created = await createOrganisationWithAdmin(db, auth, { organisation: { name, kind }, admin: { ...admin, password, locale: 'nl' } });
		if (!created.ok) throw new Error(created.reason);
		return { id: created.organisationId, admin: { id: created.accountId, email: admin.email, name: admin.name, locale: 'nl' as const, twoFactorEnabled: true } };
	};
	const account = async (email: string, name: string) => {
		const created = await createVerifiedAccount(auth, { email, password, name, locale: 'nl' });
		if (!created.ok) throw new Error(created.reason);
		return { id: created.accountId, email, name, locale: 'nl' as const, twoFactorEnabled: true };
	};
	const a = await organisation('Welzijn Aan Zee', 'welfare', { email: 'beheer@welzijn-a.example', name: 'Bea Beheer' });
	const b = await organisation('Buurtkracht B', 'welfare', { email: 'beheer@buurtkracht-b.example', name: 'Bram Beheer' });
	const f = await organisation('Gemeente Eendorp', 'funder', { email: 'beheer@eendorp.example', name: 'Fenna Beheer' });
	const accounts = {
		adminA: a.admin,
		adminB: b.admin,
		adminF: f.admin,
		reportReader: await account('rapporten@welzijn-a.example', 'Rita Rapportlezer'),
		professional: await account('coach@welzijn-a.example', 'Paula Professioneel'),
		leader: await account('leiding@welzijn-a.example', 'Lars Groepsleider'),
		funderReader: await account('beleid@eendorp.example', 'Frits Financier')
	};
	await joinOrganisation(db, { admin: a.admin, organisationId: a.id, account: accounts.reportReader, role: 'report_reader' });
	await joinOrganisation(db, { admin: a.admin, organisationId: a.id, account: accounts.professional, role: 'professional' });
	await joinOrganisation(db, { admin: a.admin, organisationId: a.id, account: accounts.leader, role: 'professional' });
	await joinOrganisation(db, { admin: f.admin, organisationId: f.id, account: accounts.funderReader, role: 'report_reader' });

	const unitsA = await seedReportUnits(handle, { organisationId: a.id, professional: accounts.professional, leader: accounts.leader, completePairs: options.completePairs, tag: 'A' });
	// B's people are guided by B's admin, so B has a professional and a leader without more accounts.
	const unitsB = await seedReportUnits(handle, { organisationId: b.id, professional: b.admin, leader: b.admin, completePairs: 10, tag: 'B' });
	const reports = await seedReportDefinitions(db, { organisationA: a.id, organisationB: b.id, funderId: f.id, adminA: a.admin.id, adminB: b.admin.id });
	const traces: PersonalTraces = {
		names: [...unitsA.traces.names, ...unitsB.traces.names],
		chosenNames: [...unitsA.traces.chosenNames, ...unitsB.traces.chosenNames],
		emails: [...unitsA.traces.emails, ...unitsB.traces.emails],
		ids: [...unitsA.traces.ids, ...unitsB.traces.ids]
	};
	return {
		organisationA: a.id,
		organisationB: b.id,
		funder: f.id,
		accounts,
		reports,
		groupIds: { A: unitsA.groupId, B: unitsB.groupId },
		traces,
		counted: { A: unitsA.counted, B: unitsB.counted }
	};
}
