/**
 * Loads a report's aggregates from the database: counts and score combinations with a count, never a person.
 * - `loadReportData(db, scopes, filter)`: the union of the scopes' units (each unit once), narrowed by the filter when
 *   both the kept and the left-out units are large enough; returns the aggregates and what became of the filter.
 * - `scoredUnits(scopes, filter)`: the SQL of the units with their scores (for EXPLAIN in the bench).
 *
 * A unit is one person's course within an organisation: a programme enrolment that started, or a participation in
 * one of the organisation's groups. It counts only while the person has an open `report_consent` for that
 * organisation. A person's participation in a group and their enrolment that follows that group are one course:
 * when both are units, only the enrolment counts. Every query is set-based (GROUP BY over the units), so the number
 * of rows read back grows with the number of score combinations, not with the number of people.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '$lib/server/db';
import { addDays, localInstant } from '$lib/time';
import type { FilterOutcome, ReportFilter, ReportKind } from './outcome-report';
import type { FunnelCounts, OutputCounts, ReportData, ScoreCombination } from './build-report';
import { filterAllowed, filterDays, isNarrowing } from './filters';

type Db = Kysely<Database>;

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

export interface LoadedReport {
	data: ReportData;
	filter: FilterOutcome;
}

const instrument = 'djg-11';

/** The instant a local day starts, as the ISO text `joined_at` is stored in. */
const dayStart = (day: string) => localInstant(day, '00:00').toISOString();

/** start_day (programme) or joined_at (group) within [from, to] local days. */
function within(from: string | null, to: string | null, day: RawBuilder<unknown> | null, instant: RawBuilder<unknown> | null): RawBuilder<unknown> {
	const either = (a: RawBuilder<unknown> | null, b: RawBuilder<unknown> | null) =>
		a && b ? sql`(${a} or ${b})` : (a ?? b ?? sql`1 = 1`);
	const parts: RawBuilder<unknown>[] = [];
	if (from) parts.push(either(day && sql`${day} >= ${from}`, instant && sql`${instant} >= ${dayStart(from)}`));
	if (to) parts.push(either(day && sql`${day} <= ${to}`, instant && sql`${instant} < ${dayStart(addDays(to, 1))}`));
	return parts.length === 0 ? sql`1 = 1` : sql.join(parts, sql` and `);
}

function programmeUnits(scope: ReportScope): RawBuilder<unknown> | null {
	if (scope.kind === 'groups') return null;
	const programme = scope.kind === 'programme' && scope.programmeId ? sql`and e.programme_id = ${scope.programmeId}` : sql``;
	const period = within(scope.periodFrom, scope.periodTo, sql`e.start_day`, null);
	return sql`
		select 'p' as unit_type, e.id as unit_id, e.account_id as person_id, e.group_id as group_id,
			e.start_day as start_day, null as joined_at,
			case when e.state = 'completed' then 1 else 0 end as completed,
			pre.measurement_id as before_id, post.measurement_id as after_id, fu.measurement_id as follow_id
		from programme_enrolment e
		join report_consent rc on rc.organisation_id = e.organisation_id and rc.person_id = e.account_id and rc.ended_at is null
		left join programme_measurement pre on pre.enrolment_id = e.id and pre.moment = 'pre'
		left join programme_measurement post on post.enrolment_id = e.id and post.moment = 'post'
		left join programme_measurement fu on fu.enrolment_id = e.id and fu.moment = 'follow_up'
		where e.organisation_id = ${scope.organisationId} and e.start_day is not null ${programme} and ${period}`;
}

function groupUnits(scope: ReportScope): RawBuilder<unknown> | null {
	if (scope.kind === 'programme') return null;
	const groups =
		scope.kind === 'groups' && scope.groupIds.length > 0
			? sql`and gt.id in (${sql.join(scope.groupIds.map((id) => sql`${id}`))})`
			: sql``;
	const period = within(scope.periodFrom, scope.periodTo, null, sql`gp.joined_at`);
	// The group's measurements are asked at its first and its last regular session that was not cancelled.
	const measuredAt = (edge: 'min' | 'max') => sql`
		(select mr.last_measurement_id from measurement_request mr
			join group_session s on s.id = mr.group_session_id
			where mr.person_id = gp.account_id and mr.instrument_id = ${instrument} and s.group_id = gp.group_id
				and s.day = (select ${sql.raw(edge)}(s2.day) from group_session s2
					where s2.group_id = gp.group_id and s2.is_return = 0 and s2.status <> 'cancelled')
			order by mr.created_at desc limit 1)`;
	return sql`
		select 'g' as unit_type, gp.id as unit_id, gp.account_id as person_id, gp.group_id as group_id,
			null as start_day, gp.joined_at as joined_at,
			case when (select count(*) from group_attendance a where a.participant_id = gp.id and a.status in ('present', 'late'))
				>= gt.complete_after then 1 else 0 end as completed,
			${measuredAt('min')} as before_id,
			${measuredAt('max')} as after_id,
			(select max(fu.measurement_id) from programme_enrolment e
				join programme_measurement fu on fu.enrolment_id = e.id and fu.moment = 'follow_up'
				where e.account_id = gp.account_id and e.group_id = gp.group_id) as follow_id
		from group_participant gp
		join group_training gt on gt.id = gp.group_id
		join report_consent rc on rc.organisation_id = gt.organisation_id and rc.person_id = gp.account_id and rc.ended_at is null
		where gt.organisation_id = ${scope.organisationId} ${groups} and ${period}`;
}

/** The units of every scope, each once (UNION drops a unit that two scopes both hold), with their scores. */
export function scoredUnits(scopes: readonly ReportScope[], filter: ReportFilter): RawBuilder<unknown> {
	const selects = scopes.flatMap((scope) => [programmeUnits(scope), groupUnits(scope)]).filter((part) => part !== null);
	// No scope: one impossible select keeps the query well-formed.
	const units = selects.length > 0 ? sql.join(selects, sql` union `) : sql`select ${'p'} as unit_type, null as unit_id, null as person_id,
		null as group_id, null as start_day, null as joined_at, 0 as completed, null as before_id, null as after_id, null as follow_id where 1 = 0`;
	const days = filterDays(filter);
	const setting =
		filter.setting === 'group' ? sql`u.group_id is not null` : filter.setting === 'alone' ? sql`u.group_id is null` : sql`1 = 1`;
	const kept = sql`${within(days.from, days.to, sql`u.start_day`, sql`u.joined_at`)} and ${setting}`;
	// A group unit whose person's enrolment in the union follows that group is the same course: an anti-join drops it.
	// Only when the union holds both kinds; otherwise the database may plan the units inline (no materialised CTE).
	const mixed = scopes.some((scope) => scope.kind !== 'programme') && scopes.some((scope) => scope.kind !== 'groups');
	const counted = mixed
		? sql`with units as (${units}),
		counted as (
			select u.* from units u where u.unit_type = 'p'
			union all
			select u.* from units u
			left join units p on p.unit_type = 'p' and p.person_id = u.person_id and p.group_id = u.group_id
			where u.unit_type = 'g' and p.unit_id is null
		)`
		: sql`with counted as (${units})`;
	return sql`
		${counted}
		select u.unit_type, u.unit_id, u.person_id, u.group_id, u.joined_at, u.completed,
			case when ${kept} then 1 else 0 end as kept,
			bm.emotional as be, bm.social as bs, am.emotional as ae, am.social as a_s, fm.total as ft
		from counted u
		left join measurement bm on bm.id = u.before_id and bm.instrument_id = ${instrument} and bm.total is not null
		left join measurement am on am.id = u.after_id and am.instrument_id = ${instrument} and am.total is not null
		left join measurement fm on fm.id = u.follow_id and fm.instrument_id = ${instrument} and fm.total is not null`;
}

interface UnitGroupRow {
	kept: number | string;
	completed: number | string;
	measured_before: number | string;
	be: number | null;
	bs: number | null;
	ae: number | null;
	a_s: number | null;
	ft: number | null;
	n: number | string;
}

const count = (value: number | string | null | undefined) => Number(value ?? 0);

interface Side {
	funnel: FunnelCounts;
	completePairs: number;
	combinations: ScoreCombination[];
}

const emptySide = (): Side => ({ funnel: { started: 0, completed: 0, measuredBefore: 0 }, completePairs: 0, combinations: [] });

/**
 * One pass over the units, grouped by side of the filter (kept or left out), completion, a before measurement and,
 * for complete pairs only, the score combination: the funnel of both sides and their combinations at once.
 */
async function sidesOf(db: Db, scored: RawBuilder<unknown>): Promise<{ kept: Side; left: Side }> {
	const pair = sql`s.completed = 1 and s.be is not null and s.ae is not null`;
	const { rows } = await sql<UnitGroupRow>`
		select s.kept as kept, s.completed as completed,
			case when s.be is not null then 1 else 0 end as measured_before,
			case when ${pair} then s.be end as be, case when ${pair} then s.bs end as bs,
			case when ${pair} then s.ae end as ae, case when ${pair} then s.a_s end as a_s,
			case when ${pair} then s.ft end as ft,
			count(*) as n
		from (${scored}) s
		group by 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);
	const sides = { kept: emptySide(), left: emptySide() };
	for (const row of rows) {
		const side = count(row.kept) === 1 ? sides.kept : sides.left;
		const n = count(row.n);
		side.funnel.started += n;
		if (count(row.completed) !== 1) continue;
		side.funnel.completed += n;
		if (count(row.measured_before) !== 1) continue;
		side.funnel.measuredBefore += n;
		if (row.be === null || row.bs === null || row.ae === null || row.a_s === null) continue;
		side.completePairs += n;
		side.combinations.push({
			beforeEmotional: Number(row.be),
			beforeSocial: Number(row.bs),
			afterEmotional: Number(row.ae),
			afterSocial: Number(row.a_s),
			followUpTotal: row.ft === null ? null : Number(row.ft),
			n
		});
	}
	return sides;
}

/** Both sides as one: the same combination on either side becomes one row. */
function merged(a: Side, b: Side): Side {
	const combinations = new Map<string, ScoreCombination>();
	for (const combination of [...a.combinations, ...b.combinations]) {
		const key = [combination.beforeEmotional, combination.beforeSocial, combination.afterEmotional, combination.afterSocial, combination.followUpTotal].join('|');
		const found = combinations.get(key);
		combinations.set(key, found ? { ...found, n: found.n + combination.n } : combination);
	}
	return {
		funnel: {
			started: a.funnel.started + b.funnel.started,
			completed: a.funnel.completed + b.funnel.completed,
			measuredBefore: a.funnel.measuredBefore + b.funnel.measuredBefore
		},
		completePairs: a.completePairs + b.completePairs,
		combinations: [...combinations.values()]
	};
}

interface OutputRow {
	groups: number | string | null;
	sessions_held: number | string | null;
	participants: number | string | null;
	attended: number | string | null;
	expected: number | string | null;
}

/** Groups, sessions held and attendance over the counted units that are in a group; null when there are none. */
async function outputs(db: Db, scored: RawBuilder<unknown>, onlyKept: boolean): Promise<OutputCounts | null> {
	const { rows } = await sql<OutputRow>`
		with counted as (select * from (${scored}) s where s.group_id is not null ${onlyKept ? sql`and s.kept = 1` : sql``}),
		participants as (
			select gp.id, gp.group_id, gp.joined_at, gp.left_at from group_participant gp
			join counted c on c.person_id = gp.account_id and c.group_id = gp.group_id
		),
		held as (
			select hs.id, hs.group_id, hs.day from group_session hs
			where hs.status = 'held' and hs.group_id in (select group_id from counted)
		)
		select
			(select count(distinct group_id) from counted) as groups,
			(select count(*) from held) as sessions_held,
			(select count(*) from participants) as participants,
			(select count(*) from group_attendance a join participants p on p.id = a.participant_id
				join held h on h.id = a.session_id where a.status in ('present', 'late')) as attended,
			-- Sessions held while each participant was in (by the day of joining and leaving).
			(select count(*) from participants p join held h on h.group_id = p.group_id
				where h.day >= substr(p.joined_at, 1, 10) and (p.left_at is null or h.day <= substr(p.left_at, 1, 10))) as expected
	`.execute(db);
	const row = rows[0];
	if (!row || count(row.groups) === 0) return null;
	return {
		groups: count(row.groups),
		sessionsHeld: count(row.sessions_held),
		participants: count(row.participants),
		attended: count(row.attended),
		expected: count(row.expected)
	};
}

/** The report's aggregates for the union of `scopes`, narrowed by `filter` when the filter rule allows it. */
export async function loadReportData(db: Db, scopes: readonly ReportScope[], filter: ReportFilter): Promise<LoadedReport> {
	const scored = scoredUnits(scopes, filter);
	const asked = isNarrowing(filter);
	// Without a filter the outputs need not wait for the filter rule.
	// Programme reports hold no group units, so they have no outputs.
	const withGroups = scopes.some((scope) => scope.kind !== 'programme');
	const [sides, unfilteredOutputs] = await Promise.all([sidesOf(db, scored), asked || !withGroups ? Promise.resolve(null) : outputs(db, scored, false)]);
	const counts = (side: Side) => ({ started: side.funnel.started, completePairs: side.completePairs });
	const applied = asked && filterAllowed(counts(sides.kept), counts(sides.left));
	const outcome: FilterOutcome = { requested: filter, applied, refusal: asked && !applied ? 'narrows_below_minimum' : null };
	const side = applied ? sides.kept : merged(sides.kept, sides.left);
	const output = asked && withGroups ? await outputs(db, scored, applied) : unfilteredOutputs;
	return { data: { funnel: side.funnel, combinations: side.combinations, outputs: output }, filter: outcome };
}
