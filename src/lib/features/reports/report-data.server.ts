/**
 * Loads a report's aggregates from the database: counts and score combinations with a count, never a person.
 * - `loadReportData(db, scopes, filter)`: the union of the scopes' units (each unit once), narrowed by the filter when
 *   both the kept and the left-out units are large enough; returns the aggregates and what became of the filter.
 * - `scoredUnits(scopes, filter)`: the SQL of the units with their scores (report-units.server.ts).
 *
 * A unit is one person's course within an organisation: a programme enrolment that started, or a participation in
 * one of the organisation's groups. It counts only while the person has an open `report_consent` for that
 * organisation. A person's participation in a group and their enrolment that follows that group are one course:
 * when both are units, only the enrolment counts. Every query is set-based (GROUP BY over the units), so the number
 * of rows read back grows with the number of score combinations, not with the number of people. Two queries, run
 * side by side: the sides of the filter with their funnel and combinations, and the outputs of both sides.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '$lib/server/db';
import type { FilterOutcome, ReportFilter } from './outcome-report';
import type { FunnelCounts, OutputCounts, ReportData, ScoreCombination } from './build-report';
import { filterAllowed, isNarrowing } from './filters';
import { groupedUnits, scoredUnits, type ReportScope } from './report-units.server';

export { scoredUnits, type ReportScope };

type Db = Kysely<Database>;

export interface LoadedReport {
	data: ReportData;
	filter: FilterOutcome;
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

type Figure = number | string | null;

interface OutputRow {
	groups: Figure;
	kept_groups: Figure;
	sessions_held: Figure;
	kept_sessions_held: Figure;
	participants: Figure;
	kept_participants: Figure;
	attended: Figure;
	kept_attended: Figure;
	expected: Figure;
	kept_expected: Figure;
}

/** The outputs of all counted units in a group and of the kept ones: groups, sessions held and attendance. */
async function outputs(db: Db, grouped: RawBuilder<unknown>): Promise<{ all: OutputCounts | null; kept: OutputCounts | null }> {
	// Materialised: SQLite would otherwise evaluate the units once for every use.
	const { rows } = await sql<OutputRow>`
		with counted as materialized (${grouped}),
		groups as materialized (select group_id, max(kept) as kept from counted group by group_id),
		participants as materialized (
			select gp.id, gp.group_id, gp.joined_at, gp.left_at, c.kept from group_participant gp
			join (select person_id, group_id, max(kept) as kept from counted group by person_id, group_id) c
				on c.person_id = gp.account_id and c.group_id = gp.group_id
		),
		held as materialized (
			select hs.id, hs.group_id, hs.day, g.kept from group_session hs join groups g on g.group_id = hs.group_id
			where hs.status = 'held'
		),
		-- Counted where they are made: a CTE used twice would be materialised, hundreds of thousands of rows.
		attended as (
			select count(*) as n, sum(p.kept) as kept from group_attendance a join participants p on p.id = a.participant_id
			join held h on h.id = a.session_id where a.status in ('present', 'late')
		),
		-- Sessions held while each participant was in (by the day of joining and leaving).
		expected as (
			select count(*) as n, sum(p.kept) as kept from participants p join held h on h.group_id = p.group_id
			where h.day >= substr(p.joined_at, 1, 10) and (p.left_at is null or h.day <= substr(p.left_at, 1, 10))
		)
		select g.n as groups, g.kept as kept_groups, hs.n as sessions_held, hs.kept as kept_sessions_held,
			ps.n as participants, ps.kept as kept_participants, a.n as attended, a.kept as kept_attended,
			x.n as expected, x.kept as kept_expected
		from (select count(*) as n, sum(kept) as kept from groups) g, (select count(*) as n, sum(kept) as kept from held) hs,
			(select count(*) as n, sum(kept) as kept from participants) ps, attended a, expected x
	`.execute(db);
	const row = rows[0];
	const side = (prefix: '' | 'kept_'): OutputCounts | null =>
		!row || count(row[`${prefix}groups`]) === 0
			? null
			: {
					groups: count(row[`${prefix}groups`]),
					sessionsHeld: count(row[`${prefix}sessions_held`]),
					participants: count(row[`${prefix}participants`]),
					attended: count(row[`${prefix}attended`]),
					expected: count(row[`${prefix}expected`])
				};
	return { all: side(''), kept: side('kept_') };
}

/** The report's aggregates for the union of `scopes`, narrowed by `filter` when the filter rule allows it. */
export async function loadReportData(db: Db, scopes: readonly ReportScope[], filter: ReportFilter): Promise<LoadedReport> {
	const grouped = groupedUnits(scopes, filter);
	// Programme reports hold no group units, so they have no outputs.
	const withGroups = scopes.some((scope) => scope.kind !== 'programme');
	const [sides, output] = await Promise.all([
		sidesOf(db, scoredUnits(scopes, filter)),
		withGroups && grouped ? outputs(db, grouped) : Promise.resolve({ all: null, kept: null })
	]);
	const counts = (side: Side) => ({ started: side.funnel.started, completePairs: side.completePairs });
	const asked = isNarrowing(filter);
	const applied = asked && filterAllowed(counts(sides.kept), counts(sides.left));
	const outcome: FilterOutcome = { requested: filter, applied, refusal: asked && !applied ? 'narrows_below_minimum' : null };
	const side = applied ? sides.kept : merged(sides.kept, sides.left);
	return { data: { funnel: side.funnel, combinations: side.combinations, outputs: applied ? output.kept : output.all }, filter: outcome };
}
