/**
 * Who may read, change and share outcome reports, in one place. Reports are aggregates, so the readers are an
 * organisation's admins and report readers, and the admins and report readers of a funder the report is shared with.
 * - `requireReportReader(db, actor, organisationId)`: an admin or report reader of the organisation (two-step sign-in).
 * - `requireReportAccess(db, actor, reportId)`: the report and how the actor reaches it (its organisation, or a funder
 *   it is shared with); whether they may change it (its organisation's readers) or share it (its admins).
 * - `requireFunder(db, actor, funderId)`: an admin or report reader of that organisation of kind 'funder'.
 * Refusals: 401 without an account; 403 for anyone who reads no reports at all (a person, a professional) and without
 * two-step sign-in; 404 for a reader asking for a report or funder that is not theirs, so ids cannot be probed.
 */
import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { OutcomeReportTable } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { membershipsOf, requireSignedIn } from '$lib/kernel/policy.server';
import type { MembershipFact } from '$lib/kernel/policy';

type Db = Kysely<Database>;

export type ReportRow = Omit<OutcomeReportTable, 'group_ids'> & { group_ids: string };

export interface ReportAccess {
	report: ReportRow;
	via: 'organisation' | 'funder';
	canEdit: boolean;
	canShare: boolean;
	/** The funder through which the actor reads it (when `via` is 'funder'). */
	funderId: string | null;
}

const readerRoles = new Set(['admin', 'report_reader']);

function forbid(reason: 'no_access' | 'two_factor_required' = 'no_access'): never {
	error(403, reason === 'no_access' ? 'You do not have access to this.' : 'Turn on two-step sign-in first.', { reason });
}

function notFound(): never {
	error(404, 'Not found.');
}

/** The actor's admin and report-reader memberships; 403 when there are none or two-step sign-in is off. */
export async function readerMemberships(db: Db, actor: SignedInAccount | null): Promise<{ account: SignedInAccount; memberships: MembershipFact[] }> {
	const account = requireSignedIn(actor);
	const memberships = (await membershipsOf(db, account.id)).filter((m) => readerRoles.has(m.role));
	if (memberships.length === 0) forbid();
	if (!account.twoFactorEnabled) forbid('two_factor_required');
	return { account, memberships };
}

/** An admin or report reader of the organisation; `admin` says whether they may also share. */
export async function requireReportReader(db: Db, actor: SignedInAccount | null, organisationId: string): Promise<{ account: SignedInAccount; admin: boolean }> {
	const { account, memberships } = await readerMemberships(db, actor);
	const here = memberships.filter((m) => m.organisationId === organisationId);
	if (here.length === 0) forbid();
	return { account, admin: here.some((m) => m.role === 'admin') };
}

export async function requireReportAccess(db: Db, actor: SignedInAccount | null, reportId: string): Promise<ReportAccess> {
	const { memberships } = await readerMemberships(db, actor);
	const report = await db.selectFrom('outcome_report').selectAll().where('id', '=', reportId).executeTakeFirst();
	if (!report) notFound();
	const own = memberships.filter((m) => m.organisationId === report.organisation_id);
	if (own.length > 0) {
		const admin = own.some((m) => m.role === 'admin');
		return { report, via: 'organisation', canEdit: true, canShare: admin, funderId: null };
	}
	const organisationIds = [...new Set(memberships.map((m) => m.organisationId))];
	const share = await db
		.selectFrom('outcome_report_share')
		.innerJoin('organisation', 'organisation.id', 'outcome_report_share.funder_id')
		.select('outcome_report_share.funder_id')
		.where('outcome_report_share.report_id', '=', reportId)
		.where('outcome_report_share.funder_id', 'in', organisationIds)
		.where('organisation.kind', '=', 'funder')
		.executeTakeFirst();
	if (!share) notFound();
	return { report, via: 'funder', canEdit: false, canShare: false, funderId: share.funder_id };
}

/** An admin or report reader of `funderId`, which must be an organisation of kind 'funder'. */
export async function requireFunder(db: Db, actor: SignedInAccount | null, funderId: string): Promise<{ account: SignedInAccount; funderName: string }> {
	const { account, memberships } = await readerMemberships(db, actor);
	if (!memberships.some((m) => m.organisationId === funderId)) notFound();
	const funder = await db.selectFrom('organisation').select(['name', 'kind']).where('id', '=', funderId).executeTakeFirst();
	if (!funder || funder.kind !== 'funder') notFound();
	return { account, funderName: funder.name };
}
