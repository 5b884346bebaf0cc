/**
 * The SQL of a report's units, for report-data.server.ts, over `report_unit` (kept up to date by
 * report-unit-refresh.server.ts).
 * - `countedUnits(scopes, filter)`: the WITH clause of a query over `counted`: one row per counted unit with its side
 *   of the filter (`kept`), completion, the DJG-11 scores before, after and at follow-up, its group and the attendance
 *   of the person's participations in that group.
 *
 * All scopes share one scan, filtered by the OR of the scopes' predicates: a unit that two scopes both hold appears
 * once by construction, with no UNION sort. Consent is checked here, when the report is read, so a withdrawal counts
 * at once (a semi-join on the open consents; a CTE of them would hide their numbers from PostgreSQL's planner, which
 * then probed the units once per consent). A group unit whose person's counted programme unit follows that group is
 * the same course: an anti-join among the candidates drops it.
 */
import { sql, type RawBuilder } from 'kysely';
import { addDays, localInstant } from '$lib/time';
import type { ReportFilter, ReportKind } from './outcome-report';
import { filterDays } from './filters';

/** What one report definition covers; days are local YYYY-MM-DD, both ends included. */
export interface ReportScope {
	organisationId: string;
	kind: ReportKind;
	programmeId: string | null;
	/** Groups of a groups report; empty: all the organisation's groups. */
	groupIds: string[];
	periodFrom: string | null;
	periodTo: string | null;
}

type Sql = RawBuilder<unknown>;

const always = sql`1 = 1`;

/** The instant a local day starts, as the ISO text `joined_at` is stored in. */
const dayStart = (day: string) => localInstant(day, '00:00').toISOString();

/** start_day (programme) or joined_at (group) within [from, to] local days. */
function within(from: string | null, to: string | null, day: Sql | null, instant: Sql | null): Sql {
	const either = (a: Sql | null, b: Sql | null) => (a && b ? sql`(${a} or ${b})` : (a ?? b ?? always));
	const parts: Sql[] = [];
	if (from) parts.push(either(day && sql`${day} >= ${from}`, instant && sql`${instant} >= ${dayStart(from)}`));
	if (to) parts.push(either(day && sql`${day} <= ${to}`, instant && sql`${instant} < ${dayStart(addDays(to, 1))}`));
	return parts.length === 0 ? always : sql.join(parts, sql` and `);
}

const anyOf = (parts: Sql[]): Sql | null => (parts.length === 0 ? null : sql`(${sql.join(parts, sql` or `)})`);

/** Which programme units `u` some scope holds (consent aside); null when no scope has them. */
function programmeUnits(scopes: readonly ReportScope[]): Sql | null {
	return anyOf(
		scopes
			.filter((scope) => scope.kind !== 'groups')
			.map((scope) => {
				const programme = scope.kind === 'programme' && scope.programmeId ? sql`u.programme_id = ${scope.programmeId}` : always;
				return sql`(u.organisation_id = ${scope.organisationId} and ${programme} and ${within(scope.periodFrom, scope.periodTo, sql`u.start_day`, null)})`;
			})
	);
}

/** Which group units `u` some scope holds (consent aside); null when no scope has them. */
function groupUnits(scopes: readonly ReportScope[]): Sql | null {
	return anyOf(
		scopes
			.filter((scope) => scope.kind !== 'programme')
			.map((scope) => {
				const groups =
					scope.kind === 'groups' && scope.groupIds.length > 0 ? sql`u.group_id in (${sql.join(scope.groupIds.map((id) => sql`${id}`))})` : always;
				return sql`(u.organisation_id = ${scope.organisationId} and ${groups} and ${within(scope.periodFrom, scope.periodTo, null, sql`u.joined_at`)})`;
			})
	);
}

/** Whether a unit `u` lies within the filter (its period and setting): the kept side. */
function keptBy(filter: ReportFilter): Sql {
	const days = filterDays(filter);
	const setting = filter.setting === 'group' ? sql`u.group_id is not null` : filter.setting === 'alone' ? sql`u.group_id is null` : always;
	return sql`case when ${within(days.from, days.to, sql`u.start_day`, sql`u.joined_at`)} and ${setting} then 1 else 0 end`;
}

const columns = sql.raw('person_id, group_id, completed, be, bs, ae, a_s, ft, attended, expected, kept');

/**
 * `with …, counted as materialized (…)`: the units of every scope, each once, for a query that reads `counted`
 * (columns person_id, group_id, completed, be, bs, ae, a_s, ft, attended, expected, kept). One scan of `report_unit`
 * and one semi-join on the open consents find the candidates of both kinds; the group units that are a counted
 * programme unit's course are then dropped by an anti-join among them.
 */
export function countedUnits(scopes: readonly ReportScope[], filter: ReportFilter): Sql {
	const programme = programmeUnits(scopes);
	const group = groupUnits(scopes);
	const kinds = [programme && sql`(u.enrolment_id is not null and ${programme})`, group && sql`(u.participant_id is not null and ${group})`].filter(
		(part) => part !== null
	);
	// No scope: an impossible condition keeps the query well-formed.
	const which = kinds.length > 0 ? sql.join(kinds, sql` or `) : sql`1 = 0`;
	const consented = sql`exists (select 1 from report_consent rc where rc.organisation_id = u.organisation_id
		and rc.person_id = u.person_id and rc.ended_at is null)`;
	return sql`with candidates as materialized (
			select u.person_id, u.group_id, u.completed, u.be, u.bs, u.ae, u.a_s, u.ft, u.attended, u.expected, ${keptBy(filter)} as kept,
				case when u.enrolment_id is not null then 1 else 0 end as programme
			from report_unit u where (${which}) and ${consented}
		),
		counted as materialized (
			select ${columns} from candidates where programme = 1
			union all
			select ${columns} from candidates g where programme = 0
				and not exists (select 1 from candidates p where p.programme = 1 and p.person_id = g.person_id and p.group_id = g.group_id)
		)`;
}
