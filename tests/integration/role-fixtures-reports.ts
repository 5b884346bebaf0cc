/**
 * The outcome reports of the authorisation matrix's roles (role-fixtures.ts): funder organisation F (kind 'funder')
 * is made with its admin, who invites `funder` as its report reader; A's admin invites `reportReader`. A has a report
 * shared with F and one not, B one shared with F (report-fixtures.ts writes the definitions); `newReportId` makes
 * another of A's, for calls that delete one. No people count in them here: the privacy test adds those.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { Auth } from '$lib/server/auth/auth';
import { createOrganisationWithAdmin } from '$lib/features/organisations/organisations.server';
import { insertReport, joinOrganisation, seedReportDefinitions, type ReportIds } from './report-fixtures';

export async function seedReportRoles(
	db: Kysely<Database>,
	auth: Auth,
	options: { organisationA: string; organisationB: string; adminA: SignedInAccount; adminB: string; reportReader: SignedInAccount; funder: SignedInAccount }
): Promise<{ funderId: string; reports: ReportIds; newReportId: () => Promise<string> }> {
	const email = 'admin@gemeente.example';
	const created = await createOrganisationWithAdmin(db, auth, {
		organisation: { name: 'Gemeente F', kind: 'funder' },
		admin: { name: 'Admin Gemeente F', email, password: 'lang genoeg wachtwoord', locale: 'nl' }
	});
	if (!created.ok) throw new Error(created.reason);
	const admin: SignedInAccount = { id: created.accountId, email, locale: 'nl', twoFactorEnabled: true };
	await joinOrganisation(db, { admin, organisationId: created.organisationId, account: options.funder, role: 'report_reader' });
	await joinOrganisation(db, { admin: options.adminA, organisationId: options.organisationA, account: options.reportReader, role: 'report_reader' });
	const reports = await seedReportDefinitions(db, {
		organisationA: options.organisationA,
		organisationB: options.organisationB,
		funderId: created.organisationId,
		adminA: options.adminA.id,
		adminB: options.adminB
	});
	const newReportId = () => insertReport(db, { organisationId: options.organisationA, title: 'Reserve', kind: 'groups', createdBy: options.adminA.id });
	return { funderId: created.organisationId, reports, newReportId };
}
