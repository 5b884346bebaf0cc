/**
 * Brings `report_unit` up to date (migrations/016-report-units.ts) before a report is read.
 * - `refreshReportUnits(db)`: rebuilds the units that `report_stale` names and removes those marks, in one
 *   transaction. Nothing marked: one small read.
 *
 * A programme unit is an enrolment that started: completed when its state is, with the measurements before, after
 * and at follow-up the programme asked. A group unit is a participation: completed after the group's
 * `complete_after` attendances, measured at the group's first and last regular session that was not cancelled, with
 * the follow-up of the enrolment that follows the group; it also keeps the sessions held that it attended and the
 * sessions held while it was in the group (the outputs), which an enrolment following that group copies (summed over
 * the person's participations in it). Scores are kept only from a DJG-11 measurement with a total.
 *
 * On PostgreSQL one rebuild runs at a time (an advisory lock): marks added while it runs stay for the next one.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db';

type Db = Kysely<Database>;

const instrument = 'djg-11';
const rebuildLock = 'brug.report_unit.rebuild';

const columns = sql.raw(`unit_id, enrolment_id, participant_id, organisation_id, person_id, programme_id, group_id, start_day,
	joined_at, completed, before_id, after_id, follow_id, be, bs, ae, a_s, ft, attended, expected`);

/** A measurement's scores, when it is a DJG-11 with a total. */
const scored = (alias: string, id: string) =>
	sql`left join measurement ${sql.raw(alias)} on ${sql.raw(alias)}.id = ${sql.raw(id)} and ${sql.raw(alias)}.instrument_id = ${instrument}
		and ${sql.raw(alias)}.total is not null`;

const markedGroups = sql`select group_id from report_stale where taken = 1 and group_id is not null`;
/** Marked enrolments, and those that follow a marked group (they copy its attendance). */
const markedEnrolments = sql`select enrolment_id from report_stale where taken = 1 and enrolment_id is not null
	union select id from programme_enrolment where group_id in (${markedGroups})`;

/** After the group units: an enrolment that follows a group takes the attendance of its person's participations. */
async function rebuildProgrammeUnits(trx: Db): Promise<void> {
	await sql`delete from report_unit where enrolment_id in (${markedEnrolments})`.execute(trx);
	await sql`
		insert into report_unit (${columns})
		select 'p:' || e.id, e.id, null, e.organisation_id, e.account_id, e.programme_id, e.group_id, e.start_day, null,
			case when e.state = 'completed' then 1 else 0 end,
			pre.measurement_id, post.measurement_id, fu.measurement_id,
			mb.emotional, mb.social, ma.emotional, ma.social, mf.total,
			(select sum(g.attended) from report_unit g where g.person_id = e.account_id and g.group_id = e.group_id and g.participant_id is not null),
			(select sum(g.expected) from report_unit g where g.person_id = e.account_id and g.group_id = e.group_id and g.participant_id is not null)
		from programme_enrolment e
		left join programme_measurement pre on pre.enrolment_id = e.id and pre.moment = 'pre'
		left join programme_measurement post on post.enrolment_id = e.id and post.moment = 'post'
		left join programme_measurement fu on fu.enrolment_id = e.id and fu.moment = 'follow_up'
		${scored('mb', 'pre.measurement_id')} ${scored('ma', 'post.measurement_id')} ${scored('mf', 'fu.measurement_id')}
		where e.start_day is not null and e.id in (${markedEnrolments})`.execute(trx);
}

async function rebuildGroupUnits(trx: Db): Promise<void> {
	await sql`delete from report_unit where participant_id is not null and group_id in (${markedGroups})`.execute(trx);
	const present = sql`a.status in ('present', 'late')`;
	await sql`
		insert into report_unit (${columns})
		with marked as materialized (select distinct group_id from report_stale where taken = 1 and group_id is not null),
		ranked as (
			select s.group_id, s.id,
				row_number() over (partition by s.group_id order by s.day, s.starts_at, s.id) as from_start,
				row_number() over (partition by s.group_id order by s.day desc, s.starts_at desc, s.id desc) as from_end
			from group_session s join marked k on k.group_id = s.group_id
			where s.is_return = 0 and s.status <> 'cancelled'
		),
		edges as (
			select group_id, max(case when from_start = 1 then id end) as first_id, max(case when from_end = 1 then id end) as last_id
			from ranked group by group_id
		),
		followed as (
			select fe.account_id, fe.group_id, max(fu.measurement_id) as measurement_id from programme_enrolment fe
			join marked k on k.group_id = fe.group_id
			join programme_measurement fu on fu.enrolment_id = fe.id and fu.moment = 'follow_up'
			group by fe.account_id, fe.group_id
		)
		select 'g:' || gp.id, null, gp.id, gt.organisation_id, gp.account_id, null, gp.group_id, null, gp.joined_at,
			case when (select count(*) from group_attendance a where a.participant_id = gp.id and ${present}) >= gt.complete_after
				then 1 else 0 end,
			fr.last_measurement_id, lr.last_measurement_id, fo.measurement_id,
			mb.emotional, mb.social, ma.emotional, ma.social, mf.total,
			(select count(*) from group_attendance a join group_session h on h.id = a.session_id
				where a.participant_id = gp.id and h.status = 'held' and ${present}),
			(select count(*) from group_session h where h.group_id = gp.group_id and h.status = 'held'
				and h.day >= substr(gp.joined_at, 1, 10) and (gp.left_at is null or h.day <= substr(gp.left_at, 1, 10)))
		from group_participant gp
		join marked k on k.group_id = gp.group_id
		join group_training gt on gt.id = gp.group_id
		left join edges ed on ed.group_id = gp.group_id
		left join measurement_request fr on fr.group_session_id = ed.first_id and fr.person_id = gp.account_id and fr.instrument_id = ${instrument}
		left join measurement_request lr on lr.group_session_id = ed.last_id and lr.person_id = gp.account_id and lr.instrument_id = ${instrument}
		left join followed fo on fo.account_id = gp.account_id and fo.group_id = gp.group_id
		${scored('mb', 'fr.last_measurement_id')} ${scored('ma', 'lr.last_measurement_id')} ${scored('mf', 'fo.measurement_id')}`.execute(trx);
}

/** Rebuilds the marked units; returns how many marks it took in (0: the units were up to date). */
export async function refreshReportUnits(db: Db): Promise<number> {
	const anything = await db.selectFrom('report_stale').select('id').limit(1).executeTakeFirst();
	if (!anything) return 0;
	return db.transaction().execute(async (trx) => {
		if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(hashtext(${rebuildLock}))`.execute(trx);
		const taken = await trx.updateTable('report_stale').set({ taken: 1 }).where('taken', '=', 0).executeTakeFirst();
		const marks = Number(taken.numUpdatedRows);
		if (marks === 0) return 0;
		await rebuildGroupUnits(trx);
		await rebuildProgrammeUnits(trx);
		await trx.deleteFrom('report_stale').where('taken', '=', 1).execute();
		return marks;
	});
}
