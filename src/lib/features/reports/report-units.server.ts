/**
 * The SQL of a report's units, for report-data.server.ts.
 * - `scoredUnits(scopes, filter)`: one row per counted unit with its side of the filter (`kept`), completion and the
 *   DJG-11 scores before, after and at follow-up.
 * - `groupedUnits(scopes, filter)`: the counted units that are in a group (person, group, `kept`), for the outputs.
 *
 * All scopes share one programme select and one group select, each filtered by the OR of the scopes' predicates: a
 * unit that two scopes both hold appears once by construction, with no UNION sort and with shallow nesting (SQLite
 * limits how deep views and subqueries nest). A group unit whose person's programme unit follows that group is the
 * same course; NOT EXISTS on the enrolment (by its account index) drops it. The group's first and last regular
 * session are found once per group, and the measurements asked there by the unique (session, person) index.
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

const instrument = 'djg-11';
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

/** Which enrolments `e` are programme units of some scope (consent aside); null when no scope has them. */
function programmePredicate(scopes: readonly ReportScope[]): Sql | null {
	return anyOf(
		scopes
			.filter((scope) => scope.kind !== 'groups')
			.map((scope) => {
				const programme = scope.kind === 'programme' && scope.programmeId ? sql`e.programme_id = ${scope.programmeId}` : always;
				return sql`(e.organisation_id = ${scope.organisationId} and ${programme} and ${within(scope.periodFrom, scope.periodTo, sql`e.start_day`, null)})`;
			})
	);
}

/** Which groups `gt` (and, with `period`, which participants `gp`) some scope holds; null when no scope has them. */
function groupPredicate(scopes: readonly ReportScope[], period: boolean): Sql | null {
	return anyOf(
		scopes
			.filter((scope) => scope.kind !== 'programme')
			.map((scope) => {
				const groups =
					scope.kind === 'groups' && scope.groupIds.length > 0 ? sql`gt.id in (${sql.join(scope.groupIds.map((id) => sql`${id}`))})` : always;
				const joined = period ? within(scope.periodFrom, scope.periodTo, null, sql`gp.joined_at`) : always;
				return sql`(gt.organisation_id = ${scope.organisationId} and ${groups} and ${joined})`;
			})
	);
}

const consented = (organisation: Sql, person: Sql) =>
	sql`exists (select 1 from report_consent rc where rc.organisation_id = ${organisation} and rc.person_id = ${person} and rc.ended_at is null)`;

/** The programme units; with scores their completion and measurement ids, else only those in a group. */
function programmeSelect(predicate: Sql, scores: boolean): Sql {
	const columns = scores
		? sql`, case when e.state = 'completed' then 1 else 0 end as completed,
			pre.measurement_id as before_id, post.measurement_id as after_id, fu.measurement_id as follow_id`
		: sql``;
	const joins = scores
		? sql`left join programme_measurement pre on pre.enrolment_id = e.id and pre.moment = 'pre'
		left join programme_measurement post on post.enrolment_id = e.id and post.moment = 'post'
		left join programme_measurement fu on fu.enrolment_id = e.id and fu.moment = 'follow_up'`
		: sql``;
	return sql`
		select 'p' as unit_type, e.id as unit_id, e.account_id as person_id, e.group_id as group_id, e.start_day as start_day,
			null as joined_at ${columns}
		from programme_enrolment e ${joins}
		where e.start_day is not null and ${predicate} ${scores ? sql`` : sql`and e.group_id is not null`}
			and ${consented(sql`e.organisation_id`, sql`e.account_id`)}`;
}

/** The group units, without those whose programme unit follows the same group. */
function groupSelect(predicate: Sql, programme: Sql | null, scores: boolean): Sql {
	const columns = scores
		? sql`, case when (select count(*) from group_attendance a where a.participant_id = gp.id and a.status in ('present', 'late'))
				>= gt.complete_after then 1 else 0 end as completed,
			fr.last_measurement_id as before_id, lr.last_measurement_id as after_id,
			fo.measurement_id as follow_id`
		: sql``;
	const joins = scores
		? sql`left join edges ed on ed.group_id = gp.group_id
		left join measurement_request fr on fr.group_session_id = ed.first_id and fr.person_id = gp.account_id and fr.instrument_id = ${instrument}
		left join measurement_request lr on lr.group_session_id = ed.last_id and lr.person_id = gp.account_id and lr.instrument_id = ${instrument}
		left join followed fo on fo.account_id = gp.account_id and fo.group_id = gp.group_id`
		: sql``;
	const sameCourse = programme
		? sql`and not exists (select 1 from programme_enrolment e where e.account_id = gp.account_id and e.group_id = gp.group_id
			and e.start_day is not null and ${programme} and ${consented(sql`e.organisation_id`, sql`e.account_id`)})`
		: sql``;
	return sql`
		select 'g' as unit_type, gp.id as unit_id, gp.account_id as person_id, gp.group_id as group_id, null as start_day,
			gp.joined_at as joined_at ${columns}
		from group_participant gp
		join group_training gt on gt.id = gp.group_id ${joins}
		where ${predicate} and ${consented(sql`gt.organisation_id`, sql`gp.account_id`)} ${sameCourse}`;
}

/**
 * Per group in scope: its first and last regular session that was not cancelled (where the measurements are asked),
 * and the follow-up of the enrolments that follow it.
 */
function groupHelpers(groups: Sql): Sql {
	return sql`
		ranked as (
			select s.group_id, s.id,
				row_number() over (partition by s.group_id order by s.day, s.starts_at, s.id) as from_start,
				row_number() over (partition by s.group_id order by s.day desc, s.starts_at desc, s.id desc) as from_end
			from group_session s join group_training gt on gt.id = s.group_id
			where s.is_return = 0 and s.status <> 'cancelled' and ${groups}
		),
		edges as (
			select group_id, max(case when from_start = 1 then id end) as first_id, max(case when from_end = 1 then id end) as last_id
			from ranked group by group_id
		),
		followed as (
			select fe.account_id, fe.group_id, max(fu.measurement_id) as measurement_id from programme_enrolment fe
			join programme_measurement fu on fu.enrolment_id = fe.id and fu.moment = 'follow_up'
			join group_training gt on gt.id = fe.group_id
			where ${groups}
			group by fe.account_id, fe.group_id
		)`;
}

/** Whether a unit lies within the filter (its period and setting): the kept side. */
function keptBy(filter: ReportFilter): Sql {
	const days = filterDays(filter);
	const setting =
		filter.setting === 'group' ? sql`u.group_id is not null` : filter.setting === 'alone' ? sql`u.group_id is null` : always;
	return sql`case when ${within(days.from, days.to, sql`u.start_day`, sql`u.joined_at`)} and ${setting} then 1 else 0 end`;
}

/** The units' select and the CTEs it needs (null when there are none). */
function unitsOf(scopes: readonly ReportScope[], scores: boolean): { helpers: Sql | null; units: Sql | null } {
	const programme = programmePredicate(scopes);
	const group = groupPredicate(scopes, true);
	const groupsOnly = groupPredicate(scopes, false);
	const selects = [programme && programmeSelect(programme, scores), group && groupSelect(group, programme, scores)].filter(
		(part) => part !== null
	);
	return {
		helpers: scores && groupsOnly ? groupHelpers(groupsOnly) : null,
		units: selects.length > 0 ? sql.join(selects, sql` union all `) : null
	};
}

const withClause = (ctes: (Sql | null)[]) => {
	const present = ctes.filter((cte) => cte !== null);
	return present.length > 0 ? sql`with ${sql.join(present, sql`, `)}` : sql``;
};

/**
 * The units of every scope, each once, with their side of the filter and their scores. The measurements are read in
 * one join over the units' measurement ids (before, after and follow-up as rows), so `measurement` is scanned once
 * at most, and the scores return to their unit by a grouping. (Lookups by primary key, one per measurement, were
 * slower at a million measurements: random reads.)
 */
export function scoredUnits(scopes: readonly ReportScope[], filter: ReportFilter): Sql {
	const { helpers, units } = unitsOf(scopes, true);
	// No scope: one impossible select keeps the query well-formed.
	const body =
		units ??
		sql`select 'p' as unit_type, null as unit_id, null as person_id, null as group_id, null as start_day, null as joined_at,
			0 as completed, null as before_id, null as after_id, null as follow_id where 1 = 0`;
	const asked = (role: string, column: string) =>
		sql`select unit_type, unit_id, ${role} as role, ${sql.ref(column)} as measurement_id from units where ${sql.ref(column)} is not null`;
	const score = (role: string, column: string) => sql`max(case when w.role = ${role} then m.${sql.raw(column)} end)`;
	return sql`
		${withClause([
			helpers,
			sql`units as materialized (${body})`,
			sql`asked as (${asked('b', 'before_id')} union all ${asked('a', 'after_id')} union all ${asked('f', 'follow_id')})`,
			sql`scores as (
				select w.unit_type, w.unit_id, ${score('b', 'emotional')} as be, ${score('b', 'social')} as bs,
					${score('a', 'emotional')} as ae, ${score('a', 'social')} as a_s, ${score('f', 'total')} as ft
				from asked w join measurement m on m.id = w.measurement_id and m.instrument_id = ${instrument} and m.total is not null
				group by w.unit_type, w.unit_id
			)`
		])}
		select u.unit_type, u.person_id, u.group_id, u.joined_at, u.completed, ${keptBy(filter)} as kept,
			sc.be, sc.bs, sc.ae, sc.a_s, sc.ft
		from units u left join scores sc on sc.unit_type = u.unit_type and sc.unit_id = u.unit_id`;
}

/** The counted units in a group: person, group and side of the filter; null when the scopes hold none. */
export function groupedUnits(scopes: readonly ReportScope[], filter: ReportFilter): Sql | null {
	const { units } = unitsOf(scopes, false);
	return units && sql`select u.person_id, u.group_id, ${keptBy(filter)} as kept from (${units}) u where u.group_id is not null`;
}
