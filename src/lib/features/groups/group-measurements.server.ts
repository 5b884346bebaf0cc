/**
 * The group's own measurement: its first session and its last regular session (not the return meeting) each ask every
 * current participant to fill in the De Jong Gierveld scale (11 items), as ordinary measurement requests, so the
 * outcome reports can pair the two. The request names the session; it is the person's task while they are in the
 * group (the measurement-requests feature's cover rule), and the leaders do not see the result unless the person
 * shares their measurements with them another way.
 * - `askGroupMeasurements(trx, { sessionId, actorId, now })`: called when a session is marked held; makes the
 *   requests when it is the first or the last regular session, due that day; idempotent (a second call, or marking
 *   it held again, asks nobody twice). Returns how many requests it made.
 * - `measurementSessionIds(sessions)`: pure: which sessions ask (first and last regular one that is not cancelled).
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { GroupSessionStatus } from '$lib/server/db/schema';

export const groupMeasurementInstrument = 'djg-11';

interface SessionLine {
	id: string;
	day: string;
	starts_at: string;
	status: GroupSessionStatus;
	is_return: number;
}

/** The first and the last regular session that is not cancelled (one id when there is only one). */
export function measurementSessionIds(sessions: readonly SessionLine[]): string[] {
	const regular = sessions
		.filter((s) => Number(s.is_return) === 0 && s.status !== 'cancelled')
		.sort((a, b) => a.day.localeCompare(b.day) || a.starts_at.localeCompare(b.starts_at) || a.id.localeCompare(b.id));
	const first = regular[0];
	const last = regular.at(-1);
	return first && last ? [...new Set([first.id, last.id])] : [];
}

export async function askGroupMeasurements(trx: Kysely<Database>, options: { sessionId: string; actorId: string; now: Date }): Promise<number> {
	const session = await trx
		.selectFrom('group_session')
		.innerJoin('group_training', 'group_training.id', 'group_session.group_id')
		.select(['group_session.id', 'group_session.group_id', 'group_session.day', 'group_session.status', 'group_training.organisation_id'])
		.where('group_session.id', '=', options.sessionId)
		.executeTakeFirst();
	if (!session || session.status !== 'held') return 0;
	const sessions = await trx.selectFrom('group_session').select(['id', 'day', 'starts_at', 'status', 'is_return']).where('group_id', '=', session.group_id).execute();
	if (!measurementSessionIds(sessions).includes(session.id)) return 0;
	const people = await trx
		.selectFrom('group_participant')
		.innerJoin('consent_grant', 'consent_grant.id', 'group_participant.grant_id')
		.select('group_participant.account_id')
		.where('group_participant.group_id', '=', session.group_id)
		.where('group_participant.left_at', 'is', null)
		.where('consent_grant.ended_at', 'is', null)
		.execute();
	if (people.length === 0) return 0;
	const asked = new Set(
		(
			await trx
				.selectFrom('measurement_request')
				.select('person_id')
				.where('group_session_id', '=', session.id)
				.where('person_id', 'in', people.map((p) => p.account_id))
				.execute()
		).map((row) => row.person_id)
	);
	const rows = people
		.filter((p) => !asked.has(p.account_id))
		.map((p) => ({
			id: crypto.randomUUID(),
			organisation_id: session.organisation_id,
			professional_id: options.actorId,
			person_id: p.account_id,
			instrument_id: groupMeasurementInstrument,
			repeat_weeks: null,
			due_day: session.day,
			ended_at: null,
			end_reason: null,
			last_measurement_id: null,
			created_at: options.now.toISOString(),
			group_session_id: session.id
		}));
	if (rows.length === 0) return 0;
	// Two leaders marking it held at once: the unique index keeps one request per person and session.
	const results = await trx
		.insertInto('measurement_request')
		.values(rows)
		.onConflict((oc) => oc.columns(['group_session_id', 'person_id']).where('group_session_id', 'is not', null).doNothing())
		.execute();
	return results.reduce((sum, result) => sum + Number(result.numInsertedOrUpdatedRows ?? 0), 0);
}
