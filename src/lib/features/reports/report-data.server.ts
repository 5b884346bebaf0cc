/**
 * Loads a report's aggregates from the database: counts and score combinations with a count, never a person.
 * - `loadReportData(db, scopes, filter)`: the union of the scopes' units (each unit once), narrowed by the filter when
 *   both the kept and the left-out units are large enough; returns the aggregates and what became of the filter.
 * - The SQL of the counted units with their scores is `countedUnits` (report-units.server.ts).
 *
 * A unit is one person's course within an organisation: a programme enrolment that started, or a participation in
 * one of the organisation's groups. It counts only while the person has an open `report_consent` for that
 * organisation. A person's participation in a group and their enrolment that follows that group are one course:
 * when both are units, only the enrolment counts. Every query is set-based (GROUP BY over the units), so the number
 * of rows read back grows with the number of score combinations, not with the number of people. The units are read
 * from `report_unit`, brought up to date first, and found once per report: one query gives the sides of the filter
 * (funnel and combinations) and the outputs of both sides.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '$lib/server/db';
import type { FilterOutcome, ReportFilter } from './outcome-report';
import type { FunnelCounts, OutputCounts, ReportData, ScoreCombination } from './build-report';
import { filterAllowed, isNarrowing } from './filters';
import { countedUnits, type ReportScope } from './report-units.server';
import { refreshReportUnits } from './report-unit-refresh.server';

export type { ReportScope };

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

/** The sides of the filter from the grouped rows: funnel and score combinations of the kept and the left-out units. */
function sidesOf(rows: readonly UnitGroupRow[]): { kept: Side; left: Side } {
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

const outputColumns = Object.keys({
	groups: 0, kept_groups: 0, sessions_held: 0, kept_sessions_held: 0, participants: 0, kept_participants: 0,
	attended: 0, kept_attended: 0, expected: 0, kept_expected: 0
} satisfies Record<keyof OutputRow, 0>);
const sideColumns = ['kept', 'completed', 'measured_before', 'be', 'bs', 'ae', 'a_s', 'ft', 'n'];
const nulls = (columns: string[]) => sql.raw(columns.map((column) => `null as ${column}`).join(', '));

/**
 * One pass over the units, grouped by side of the filter (kept or left out), completion, a before measurement and,
 * for complete pairs only, the score combination: the funnel of both sides and their combinations at once.
 */
function sidesSql(): RawBuilder<unknown> {
	const pair = sql`s.completed = 1 and s.be is not null and s.ae is not null`;
	return sql`sides as (
		select s.kept as kept, s.completed as completed,
			case when s.be is not null then 1 else 0 end as measured_before,
			case when ${pair} then s.be end as be, case when ${pair} then s.bs end as bs,
			case when ${pair} then s.ae end as ae, case when ${pair} then s.a_s end as a_s,
			case when ${pair} then s.ft end as ft,
			count(*) as n
		from counted s
		group by 1, 2, 3, 4, 5, 6, 7, 8
	)`;
}

/**
 * The outputs of all counted units in a group and of the kept ones: groups, sessions held and attendance. A person
 * counts once per group (their programme unit or their participations), with the attendance of their participations.
 * Materialised: SQLite would otherwise evaluate them once for every use.
 */
const outputsSql = sql`
	participants as materialized (
		select group_id, max(kept) as kept, sum(attended) as attended, sum(expected) as expected from counted
		where group_id is not null group by person_id, group_id
	),
	groups as materialized (select group_id, max(kept) as kept from participants group by group_id),
	held as materialized (
		select g.kept from group_session hs join groups g on g.group_id = hs.group_id where hs.status = 'held'
	),
	outputs as (
		select g.n as groups, g.kept as kept_groups, hs.n as sessions_held, hs.kept as kept_sessions_held,
			ps.n as participants, ps.kept as kept_participants, ps.attended as attended, ps.kept_attended as kept_attended,
			ps.expected as expected, ps.kept_expected as kept_expected
		from (select count(*) as n, sum(kept) as kept from groups) g, (select count(*) as n, sum(kept) as kept from held) hs,
			(select sum(case when expected is not null then 1 else 0 end) as n, sum(case when expected is not null then kept end) as kept,
				sum(attended) as attended, sum(attended * kept) as kept_attended,
				sum(expected) as expected, sum(expected * kept) as kept_expected from participants) ps
	)`;

function outputsOf(row: OutputRow | undefined): { all: OutputCounts | null; kept: OutputCounts | null } {
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

/**
 * The sides and, with groups, the outputs in one query, so the units are found once: the side rows and the one
 * output row come back in one union, told apart by `part`.
 */
async function unitFigures(db: Db, counted: RawBuilder<unknown>, withGroups: boolean) {
	type Row = UnitGroupRow & OutputRow & { part: 's' | 'o' };
	const sideList = sql.raw(sideColumns.join(', '));
	const outputList = sql.raw(outputColumns.join(', '));
	const query = withGroups
		? sql<Row>`${counted}, ${sidesSql()}, ${outputsSql}
			select 's' as part, ${sideList}, ${nulls(outputColumns)} from sides
			union all select 'o' as part, ${nulls(sideColumns)}, ${outputList} from outputs`
		: sql<Row>`${counted}, ${sidesSql()} select 's' as part, ${sideList}, ${nulls(outputColumns)} from sides`;
	const { rows } = await query.execute(db);
	return { sides: sidesOf(rows.filter((row) => row.part === 's')), output: outputsOf(rows.find((row) => row.part === 'o')) };
}

/** The report's aggregates for the union of `scopes`, narrowed by `filter` when the filter rule allows it. */
export async function loadReportData(db: Db, scopes: readonly ReportScope[], filter: ReportFilter): Promise<LoadedReport> {
	// Whatever changed since the last report is taken in first, so the report is as of now.
	await refreshReportUnits(db);
	// Programme reports hold no group units, so they have no outputs.
	const withGroups = scopes.some((scope) => scope.kind !== 'programme');
	const { sides, output } = await unitFigures(db, countedUnits(scopes, filter), withGroups);
	const counts = (side: Side) => ({ started: side.funnel.started, completePairs: side.completePairs });
	const asked = isNarrowing(filter);
	const applied = asked && filterAllowed(counts(sides.kept), counts(sides.left));
	const outcome: FilterOutcome = { requested: filter, applied, refusal: asked && !applied ? 'narrows_below_minimum' : null };
	const side = applied ? sides.kept : merged(sides.kept, sides.left);
	return { data: { funnel: side.funnel, combinations: side.combinations, outputs: applied ? output.kept : output.all }, filter: outcome };
}
