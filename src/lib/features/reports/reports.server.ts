/**
 * The reports feature's use-cases; each checks access itself (report-access.server.ts).
 * - `listReports(db, actor, organisationId)`: the organisation's report definitions.
 * - `reportChoices(db, actor, organisationId)`: what a definition may name: programmes, the organisation's groups,
 *   and the funders it may be shared with.
 * - `createReport`, `updateReport`: validate a definition (field errors) and store it; `deleteReport`: remove it.
 * - `openReport(db, actor, reportId, filter)`: the definition and its report, computed now.
 * - `shareReport`, `unshareReport`: an admin shares a report with a funder, or stops.
 * - `funderOverview(db, actor)`: per funder the actor belongs to, the reports shared with it, per organisation.
 * - `openCombinedReport(db, actor, funderId, filter)`: every report shared with the funder, pooled (each unit once).
 * Reading a report writes no audit event: it shows no person's data.
 */
import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { fieldErrors, type FieldErrors } from '$lib/kernel/form-errors';
import { defaultProgrammeId } from '$lib/features/programme/programme-values';
import type { OutcomeReport, ReportFilter, ReportKind } from './outcome-report';
import { buildOutcomeReport } from './build-report';
import { defaultReliableChangeSettings } from './statistics';
import { quarterFirstDay, quarterLastDay, quarterOfDay, type Quarter } from './filters';
import { loadReportData, type ReportScope } from './report-data.server';
import { readerMemberships, requireFunder, requireReportAccess, requireReportReader, type ReportRow } from './report-access.server';
import { reportDefinitionSchema, shareSchema, type ReportDefinitionInput } from './report.schema';

type Db = Kysely<Database>;

/** A report's definition as pages and the API show it. For a funder, `groupIds` is empty: the groups are the organisation's. */
export interface ReportDefinition {
	id: string;
	organisationId: string;
	title: string;
	kind: ReportKind;
	programmeId: string | null;
	groupIds: string[];
	from: Quarter | null;
	to: Quarter | null;
	scaleSd: number;
	reliability: number;
	createdAt: string;
	updatedAt: string;
}

export interface ReportShare {
	funderId: string;
	funderName: string;
	sharedAt: string;
}

export type ReportOutcome = { ok: true; reportId: string } | { ok: false; errors: FieldErrors };

export const reportProgrammes = [defaultProgrammeId] as const;

function parseGroupIds(text: string): string[] {
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
	} catch {
		return [];
	}
}

function definitionOf(row: ReportRow, forFunder = false): ReportDefinition {
	return {
		id: row.id,
		organisationId: row.organisation_id,
		title: row.title,
		kind: row.kind,
		programmeId: row.programme_id,
		groupIds: forFunder ? [] : parseGroupIds(row.group_ids),
		from: row.period_from ? quarterOfDay(row.period_from) : null,
		to: row.period_to ? quarterOfDay(row.period_to) : null,
		scaleSd: Number(row.scale_sd),
		reliability: Number(row.reliability),
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

function scopeOf(row: ReportRow): ReportScope {
	return {
		organisationId: row.organisation_id,
		kind: row.kind,
		programmeId: row.programme_id,
		groupIds: parseGroupIds(row.group_ids),
		periodFrom: row.period_from,
		periodTo: row.period_to
	};
}

export async function listReports(db: Db, actor: SignedInAccount | null, organisationId: string): Promise<{ organisationName: string; canShare: boolean; reports: ReportDefinition[] }> {
	const { admin } = await requireReportReader(db, actor, organisationId);
	const organisation = await db.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow();
	const rows = await db.selectFrom('outcome_report').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').execute();
	return { organisationName: organisation.name, canShare: admin, reports: rows.map((row) => definitionOf(row)) };
}

export interface ReportChoices {
	programmes: string[];
	groups: { id: string; name: string }[];
	funders: { id: string; name: string }[];
}

export async function reportChoices(db: Db, actor: SignedInAccount | null, organisationId: string): Promise<ReportChoices> {
	await requireReportReader(db, actor, organisationId);
	const [groups, funders] = await Promise.all([
		db.selectFrom('group_training').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name').execute(),
		db.selectFrom('organisation').select(['id', 'name']).where('kind', '=', 'funder').where('id', '!=', organisationId).orderBy('name').execute()
	]);
	return { programmes: [...reportProgrammes], groups, funders };
}

/** Validates a posted definition, including that its programme is known and its groups are the organisation's. */
async function validDefinition(db: Db, organisationId: string, input: unknown): Promise<{ ok: true; value: ReportDefinitionInput } | { ok: false; errors: FieldErrors }> {
	const parsed = reportDefinitionSchema.safeParse(input);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	const value = parsed.data;
	if (value.programmeId && !(reportProgrammes as readonly string[]).includes(value.programmeId)) {
		return { ok: false, errors: { programmeId: 'report_programme_invalid' } };
	}
	if (value.groupIds.length > 0) {
		const found = await db.selectFrom('group_training').select('id').where('organisation_id', '=', organisationId).where('id', 'in', value.groupIds).execute();
		if (found.length !== value.groupIds.length) return { ok: false, errors: { groupIds: 'report_groups_invalid' } };
	}
	return { ok: true, value };
}

function columnsOf(value: ReportDefinitionInput) {
	return {
		title: value.title,
		kind: value.kind,
		programme_id: value.programmeId,
		group_ids: JSON.stringify(value.groupIds),
		period_from: value.from ? quarterFirstDay(value.from) : null,
		period_to: value.to ? quarterLastDay(value.to) : null,
		scale_sd: value.scaleSd,
		reliability: value.reliability
	};
}

export async function createReport(db: Db, options: { actor: SignedInAccount | null; organisationId: string; input: unknown; now?: Date }): Promise<ReportOutcome> {
	const { account } = await requireReportReader(db, options.actor, options.organisationId);
	const valid = await validDefinition(db, options.organisationId, options.input);
	if (!valid.ok) return valid;
	const now = (options.now ?? new Date()).toISOString();
	const reportId = crypto.randomUUID();
	await db
		.insertInto('outcome_report')
		.values({ id: reportId, organisation_id: options.organisationId, ...columnsOf(valid.value), created_by: account.id, created_at: now, updated_at: now })
		.execute();
	return { ok: true, reportId };
}

async function requireEditable(db: Db, actor: SignedInAccount | null, reportId: string) {
	const access = await requireReportAccess(db, actor, reportId);
	if (!access.canEdit) error403();
	return access;
}

/** A funder's reader reads a shared report but never changes or shares it; a report reader never shares. */
function error403(): never {
	error(403, 'You do not have access to this.', { reason: 'no_access' });
}

export async function updateReport(db: Db, options: { actor: SignedInAccount | null; reportId: string; input: unknown; now?: Date }): Promise<ReportOutcome> {
	const { report } = await requireEditable(db, options.actor, options.reportId);
	const valid = await validDefinition(db, report.organisation_id, options.input);
	if (!valid.ok) return valid;
	await db
		.updateTable('outcome_report')
		.set({ ...columnsOf(valid.value), updated_at: (options.now ?? new Date()).toISOString() })
		.where('id', '=', report.id)
		.execute();
	return { ok: true, reportId: report.id };
}

export async function deleteReport(db: Db, options: { actor: SignedInAccount | null; reportId: string }): Promise<{ organisationId: string }> {
	const { report } = await requireEditable(db, options.actor, options.reportId);
	await db.deleteFrom('outcome_report').where('id', '=', report.id).execute();
	return { organisationId: report.organisation_id };
}

async function sharesOf(db: Db, reportId: string): Promise<ReportShare[]> {
	const rows = await db
		.selectFrom('outcome_report_share')
		.innerJoin('organisation', 'organisation.id', 'outcome_report_share.funder_id')
		.select(['outcome_report_share.funder_id', 'organisation.name', 'outcome_report_share.shared_at'])
		.where('outcome_report_share.report_id', '=', reportId)
		.orderBy('organisation.name')
		.execute();
	return rows.map((row) => ({ funderId: row.funder_id, funderName: row.name, sharedAt: row.shared_at }));
}

export interface OpenedReport {
	definition: ReportDefinition;
	organisationName: string;
	report: OutcomeReport;
	/** Funders it is shared with; empty for a funder's reader (they see only their own access). */
	shares: ReportShare[];
	canEdit: boolean;
	canShare: boolean;
}

export async function openReport(db: Db, actor: SignedInAccount | null, reportId: string, filter: ReportFilter, now: Date = new Date()): Promise<OpenedReport> {
	const access = await requireReportAccess(db, actor, reportId);
	const { report: row } = access;
	const [organisation, loaded, shares] = await Promise.all([
		db.selectFrom('organisation').select('name').where('id', '=', row.organisation_id).executeTakeFirstOrThrow(),
		loadReportData(db, [scopeOf(row)], filter),
		access.canShare ? sharesOf(db, row.id) : Promise.resolve([])
	]);
	const settings = { sd: Number(row.scale_sd), reliability: Number(row.reliability) };
	return {
		definition: definitionOf(row, access.via === 'funder'),
		organisationName: organisation.name,
		report: buildOutcomeReport(loaded.data, settings, loaded.filter, now),
		shares,
		canEdit: access.canEdit,
		canShare: access.canShare
	};
}

export async function shareReport(db: Db, options: { actor: SignedInAccount | null; reportId: string; input: unknown; now?: Date }): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
	const access = await requireReportAccess(db, options.actor, options.reportId);
	if (!access.canShare) error403();
	const parsed = shareSchema.safeParse(options.input);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	const funder = await db.selectFrom('organisation').select(['id', 'kind']).where('id', '=', parsed.data.funderId).executeTakeFirst();
	if (!funder || funder.kind !== 'funder' || funder.id === access.report.organisation_id) return { ok: false, errors: { funderId: 'report_funder_invalid' } };
	const account = options.actor!;
	await db
		.insertInto('outcome_report_share')
		.values({ report_id: access.report.id, funder_id: funder.id, shared_by: account.id, shared_at: (options.now ?? new Date()).toISOString() })
		.onConflict((oc) => oc.columns(['report_id', 'funder_id']).doNothing())
		.execute();
	return { ok: true };
}

export async function unshareReport(db: Db, options: { actor: SignedInAccount | null; reportId: string; funderId: string }): Promise<void> {
	const access = await requireReportAccess(db, options.actor, options.reportId);
	if (!access.canShare) error403();
	await db.deleteFrom('outcome_report_share').where('report_id', '=', access.report.id).where('funder_id', '=', options.funderId).execute();
}

/** What a funder's reader sees of a shared report: the organisation's name and the report's title, kind, period and settings. */
export interface SharedReportSummary {
	id: string;
	title: string;
	kind: ReportKind;
	from: Quarter | null;
	to: Quarter | null;
	scaleSd: number;
	reliability: number;
	sharedAt: string;
}

export interface FunderOverview {
	funderId: string;
	funderName: string;
	organisations: { organisationName: string; reports: SharedReportSummary[] }[];
}

async function sharedWith(db: Db, funderId: string) {
	return db
		.selectFrom('outcome_report_share')
		.innerJoin('outcome_report', 'outcome_report.id', 'outcome_report_share.report_id')
		.innerJoin('organisation', 'organisation.id', 'outcome_report.organisation_id')
		.selectAll('outcome_report')
		.select(['organisation.name as organisation_name', 'outcome_report_share.shared_at'])
		.where('outcome_report_share.funder_id', '=', funderId)
		.orderBy('organisation.name')
		.orderBy('outcome_report.title')
		.execute();
}

type SharedRow = Awaited<ReturnType<typeof sharedWith>>[number];

function summaryOf(row: SharedRow): SharedReportSummary {
	const definition = definitionOf(row, true);
	const { id, title, kind, from, to, scaleSd, reliability } = definition;
	return { id, title, kind, from, to, scaleSd, reliability, sharedAt: row.shared_at };
}

function byOrganisation(rows: readonly SharedRow[]): FunderOverview['organisations'] {
	const groups = new Map<string, SharedReportSummary[]>();
	for (const row of rows) groups.set(row.organisation_name, [...(groups.get(row.organisation_name) ?? []), summaryOf(row)]);
	return [...groups].map(([organisationName, reports]) => ({ organisationName, reports }));
}

/** Every funder the actor reads for, with what was shared with it. */
export async function funderOverview(db: Db, actor: SignedInAccount | null): Promise<FunderOverview[]> {
	const { memberships } = await readerMemberships(db, actor);
	const ids = [...new Set(memberships.map((m) => m.organisationId))];
	const funders = await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', ids).where('kind', '=', 'funder').orderBy('name').execute();
	return Promise.all(
		funders.map(async (funder) => ({ funderId: funder.id, funderName: funder.name, organisations: byOrganisation(await sharedWith(db, funder.id)) }))
	);
}

export interface CombinedReport {
	funderName: string;
	organisations: FunderOverview['organisations'];
	report: OutcomeReport;
}

/**
 * All reports shared with the funder, pooled: the union of their units, each unit once. The reliable-change settings
 * are the defaults unless every report uses the same ones.
 */
export async function openCombinedReport(db: Db, actor: SignedInAccount | null, funderId: string, filter: ReportFilter, now: Date = new Date()): Promise<CombinedReport> {
	const { funderName } = await requireFunder(db, actor, funderId);
	const rows = await sharedWith(db, funderId);
	const loaded = await loadReportData(db, rows.map(scopeOf), filter);
	const first = rows[0];
	const same = first && rows.every((row) => Number(row.scale_sd) === Number(first.scale_sd) && Number(row.reliability) === Number(first.reliability));
	const settings = same ? { sd: Number(first.scale_sd), reliability: Number(first.reliability) } : defaultReliableChangeSettings;
	return { funderName, organisations: byOrganisation(rows), report: buildOutcomeReport(loaded.data, settings, loaded.filter, now) };
}
