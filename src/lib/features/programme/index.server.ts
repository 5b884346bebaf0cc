/**
 * The programme's face: the person's enrolments (weeks, check-ins, linked measurements, messages, reminders sent) and
 * their plan for next time in the export; the week progress counts under the `programme` scope as activity, and the
 * caseload reads the facts for its drop-out signals. Everything goes with the account (ON DELETE CASCADE); messages a
 * professional wrote stay with the person, without the author once the professional's account is gone.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { decrypt, encryptedColumns } from '$lib/server/crypto';
import { personDataFeature } from '$lib/kernel/person-data';
import { localDay } from '$lib/time';
import { enrolmentClock } from './enrolment.server';
import { groupDaysOf } from './group-link.server';
import { openCheckIn, progressOf, statesOf } from './progress.server';
import { planOf } from './plan.server';
import { currentWeekOf, weekStates, type MeasurementMoment } from './programme';
import type { ProgrammeFacts } from './programme-signals';

type Db = Kysely<Database>;

/** Every instant something was done in a week of these people's enrolments, with the person. */
async function weekInstants(db: Db, personIds: readonly string[]): Promise<{ personId: string; at: string }[]> {
	if (personIds.length === 0) return [];
	const rows = await db
		.selectFrom('programme_week')
		.innerJoin('programme_enrolment', 'programme_enrolment.id', 'programme_week.enrolment_id')
		.select(['programme_enrolment.account_id', 'opened_at', 'exercise_done_at', 'step_done_at', 'checkin_at'])
		.where('programme_enrolment.account_id', 'in', [...personIds])
		.execute();
	return rows.flatMap((row) =>
		[row.opened_at, row.exercise_done_at, row.step_done_at, row.checkin_at].flatMap((at) => (at ? [{ personId: row.account_id, at }] : []))
	);
}

async function exportEnrolments(db: Db, accountId: string, today: string) {
	const rows = await db.selectFrom('programme_enrolment').selectAll().where('account_id', '=', accountId).orderBy('created_at').execute();
	return Promise.all(
		rows.map(async (row) => {
			const [{ weeks, measurements }, weekRows, messages, reminders] = await Promise.all([
				statesOf(db, row, today),
				db.selectFrom('programme_week').selectAll().where('enrolment_id', '=', row.id).orderBy('week').execute(),
				db.selectFrom('programme_message').selectAll().where('enrolment_id', '=', row.id).orderBy('created_at').execute(),
				db.selectFrom('programme_reminder').select(['day', 'kind', 'week', 'sent_at', 'acted_at']).where('enrolment_id', '=', row.id).orderBy('day').execute()
			]);
			return {
				programme: row.programme_id,
				version: Number(row.programme_version),
				state: row.state,
				startedBy: row.started_by,
				createdDay: row.created_day,
				startDay: row.start_day,
				pausedSince: row.paused_since,
				pausedDays: Number(row.paused_days),
				endedAt: row.ended_at,
				welcome: row.welcome === null ? null : decrypt(row.welcome, encryptedColumns.programmeWelcome.context(row.id)),
				reminders: row.reminder_choice,
				remindersStoppedAt: row.reminders_stopped_at,
				weeks: weeks.map((week) => {
					const stored = weekRows.find((r) => Number(r.week) === week.week);
					return {
						week: week.week,
						state: week.state,
						openedAt: stored?.opened_at ?? null,
						exerciseDoneAt: stored?.exercise_done_at ?? null,
						stepDoneAt: stored?.step_done_at ?? null,
						checkIn: stored ? openCheckIn(stored) : null,
						discussFirst: week.discussFirst,
						discussedAt: stored?.discussed_at ?? null
					};
				}),
				measurements,
				messages: messages.map((m) => ({ body: decrypt(m.body, encryptedColumns.programmeMessageBody.context(m.id)), createdAt: m.created_at })),
				remindersSent: reminders.map((r) => ({ day: r.day, kind: r.kind, week: Number(r.week), sentAt: r.sent_at, actedAt: r.acted_at }))
			};
		})
	);
}

export const programmeData = personDataFeature({
	name: 'programme',
	scope: 'programme',
	tables: ['programme_enrolment', 'programme_week', 'programme_measurement', 'programme_plan', 'programme_message', 'programme_reminder'],
	async exportPart(db, { account, now }) {
		return {
			programme: {
				enrolments: await exportEnrolments(db, account.id, localDay(now)),
				planForNextTime: (await planOf(db, account.id)) ?? null
			}
		};
	},
	async lastActiveDays(db, personIds) {
		const latest = new Map<string, string>();
		for (const { personId, at } of await weekInstants(db, personIds)) {
			const day = localDay(new Date(at));
			if (day > (latest.get(personId) ?? '')) latest.set(personId, day);
		}
		return latest;
	},
	async activityDays(db, personId, { from, to }) {
		const days = new Set<string>();
		for (const { at } of await weekInstants(db, [personId])) {
			const day = localDay(new Date(at));
			if (day >= from && day <= to) days.add(day);
		}
		return [...days].sort().map((day) => ({ kind: 'programme', day }));
	},
	async consentNarrowed(trx, change) {
		// A week waiting for a conversation must not wait forever: once nobody the person shares the programme with is
		// left, it opens like any other week.
		const waiting = trx
			.selectFrom('programme_week')
			.innerJoin('programme_enrolment', 'programme_enrolment.id', 'programme_week.enrolment_id')
			.select(['programme_week.id', 'programme_enrolment.account_id'])
			.where('programme_week.discuss_first', '=', 1)
			.where('programme_week.discussed_at', 'is', null)
			.where('programme_enrolment.state', 'in', ['active', 'paused']);
		const rows = await (change.personId ? waiting.where('programme_enrolment.account_id', '=', change.personId) : waiting).execute();
		if (rows.length === 0) return;
		const sharing = await trx
			.selectFrom('consent_grant')
			.select('person_id')
			.where('person_id', 'in', [...new Set(rows.map((row) => row.account_id))])
			.where('ended_at', 'is', null)
			.where('scopes', 'like', '%"programme"%')
			.execute();
		const stillGuided = new Set(sharing.map((row) => row.person_id));
		const release = rows.filter((row) => !stillGuided.has(row.account_id)).map((row) => row.id);
		if (release.length > 0) await trx.updateTable('programme_week').set({ discuss_first: 0 }).where('id', 'in', release).execute();
	},
	async readForClients(db, { personIds, today }) {
		const facts = new Map<string, ProgrammeFacts>();
		if (personIds.length === 0) return facts;
		const rows = await db
			.selectFrom('programme_enrolment')
			.selectAll()
			.where('account_id', 'in', [...personIds])
			.where('state', 'in', ['active', 'paused'])
			.execute();
		const ids = rows.map((row) => row.id);
		const weekRows = ids.length === 0 ? [] : await db.selectFrom('programme_week').selectAll().where('enrolment_id', 'in', ids).execute();
		const measured = ids.length === 0 ? [] : await db.selectFrom('programme_measurement').select(['enrolment_id', 'moment']).where('enrolment_id', 'in', ids).execute();
		const groupDays = await groupDaysOf(db, rows);
		for (const row of rows) {
			const own = weekRows.filter((w) => w.enrolment_id === row.id);
			const instants = own.flatMap((w) => [w.opened_at, w.exercise_done_at, w.step_done_at, w.checkin_at].filter((at): at is string => at !== null));
			const last = instants.length === 0 ? null : localDay(new Date(instants.sort().at(-1)!));
			// The rows were read for the whole caseload at once: no query per client.
			const moments = new Set(measured.filter((m) => m.enrolment_id === row.id).map((m) => m.moment as MeasurementMoment));
			const clock = enrolmentClock(row, groupDays.get(row.id));
			const weeks = weekStates(clock, own.map(progressOf), moments, today);
			facts.set(row.account_id, {
				enrolmentId: row.id,
				state: row.state,
				createdDay: row.created_day,
				clock,
				week1Opened: own.some((w) => Number(w.week) === 1 && w.opened_at !== null),
				week1Waiting: weeks[1]?.state === 'waiting_for_conversation',
				lastActiveDay: last,
				remindersStopped: row.reminders_stopped_at !== null,
				currentWeek: currentWeekOf(weeks)
			});
		}
		return facts;
	}
});
