/**
 * The person's own way through the programme. Only their own enrolment; every change checks that the week is open.
 * - `programmeView(db, { actor, now })`: the running enrolment (else the newest ended one) with each week's state,
 *   the measurements and the professionals' messages; undefined when the person never started.
 * - `openWeek(db, { actor, week, now })`: the person opened a week: the first time week 0 opens, the programme's
 *   clock starts (today); opening counts as coming back after a reminder.
 * - `markWeekItem`: the week's exercise or small step done (or not after all).
 * - `saveCheckIn`: the three short answers, and whether professionals with the programme scope may read them.
 * - `saveProgrammeMeasurement`: the DJG-11 of week 0, week 8 or the follow-up, stored as an ordinary measurement and
 *   linked to the enrolment; once per moment. The follow-up completes the programme.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { ProgrammeWeekTable } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { decrypt, encryptOptional, encryptedColumns } from '$lib/server/crypto';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { getInstrument, type Answers } from '$lib/features/instruments/instruments';
import { saveMeasurementForAccount, type StoredMeasurement } from '$lib/features/measurements/measurements.server';
import { localDay } from '$lib/time';
import { enrolmentClock, latestEnrolment, runningEnrolment, type EnrolmentRow } from './enrolment.server';
import { groupDaysOf } from './group-link.server';
import {
	currentWeekOf,
	momentOfWeek,
	weekStates,
	type EnrolmentClock,
	type EnrolmentState,
	type MeasurementMoment,
	type ReminderChoice,
	type WeekProgress,
	type WeekState
} from './programme';
import type { CheckInInput, WeekItemInput } from './programme-input.schema';

type Db = Kysely<Database>;

export interface ProgrammeMessage {
	id: string;
	body: string;
	createdAt: string;
}

export interface ProgrammeView {
	id: string;
	programmeId: string;
	version: number;
	state: EnrolmentState;
	startedBy: 'person' | 'professional';
	startDay: string | null;
	createdDay: string;
	pausedSince: string | null;
	welcome: string | null;
	reminders: ReminderChoice;
	remindersStopped: boolean;
	weeks: WeekState[];
	currentWeek: number;
	/** Measurement id per moment that was measured. */
	measurements: Partial<Record<MeasurementMoment, string>>;
	/** Newest first. */
	messages: ProgrammeMessage[];
}

type WeekRowFacts = Pick<ProgrammeWeekTable, 'week' | 'opened_at' | 'exercise_done_at' | 'step_done_at' | 'checkin_at' | 'discuss_first' | 'discussed_at'>;

export function progressOf(row: WeekRowFacts): WeekProgress {
	return {
		week: Number(row.week),
		openedAt: row.opened_at,
		exerciseDoneAt: row.exercise_done_at,
		stepDoneAt: row.step_done_at,
		checkinAt: row.checkin_at,
		discussFirst: Boolean(Number(row.discuss_first)),
		discussedAt: row.discussed_at
	};
}

export async function weekProgress(db: Db, enrolmentId: string): Promise<WeekProgress[]> {
	const rows = await db
		.selectFrom('programme_week')
		.select(['week', 'opened_at', 'exercise_done_at', 'step_done_at', 'checkin_at', 'discuss_first', 'discussed_at'])
		.where('enrolment_id', '=', enrolmentId)
		.execute();
	return rows.map(progressOf);
}

export async function enrolmentMeasurements(db: Db, enrolmentId: string): Promise<Partial<Record<MeasurementMoment, string>>> {
	const rows = await db.selectFrom('programme_measurement').select(['moment', 'measurement_id']).where('enrolment_id', '=', enrolmentId).execute();
	return Object.fromEntries(rows.map((row) => [row.moment, row.measurement_id]));
}

/** The messages on an enrolment, newest first; for a professional only those of their organisation. */
export async function enrolmentMessages(db: Db, enrolmentId: string, organisationId?: string): Promise<ProgrammeMessage[]> {
	let query = db.selectFrom('programme_message').select(['id', 'body', 'created_at']).where('enrolment_id', '=', enrolmentId);
	if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId);
	const rows = await query
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(20)
		.execute();
	return rows.map((row) => ({ id: row.id, body: decrypt(row.body, encryptedColumns.programmeMessageBody.context(row.id)), createdAt: row.created_at }));
}

/** Week states of an enrolment, today. */
export async function statesOf(db: Db, row: EnrolmentRow, today: string): Promise<{ clock: EnrolmentClock; weeks: WeekState[]; measurements: Partial<Record<MeasurementMoment, string>> }> {
	const [progress, measurements, groupDays] = await Promise.all([weekProgress(db, row.id), enrolmentMeasurements(db, row.id), groupDaysOf(db, [row])]);
	const clock = enrolmentClock(row, groupDays.get(row.id));
	const measured = new Set(Object.keys(measurements) as MeasurementMoment[]);
	return { clock, weeks: weekStates(clock, progress, measured, today), measurements };
}

export async function programmeView(db: Db, options: { actor: SignedInAccount | null; now?: Date }): Promise<ProgrammeView | undefined> {
	const account = requireSignedIn(options.actor);
	const row = (await runningEnrolment(db, account.id)) ?? (await latestEnrolment(db, account.id));
	if (!row) return undefined;
	const today = localDay(options.now);
	const [{ weeks, measurements }, messages] = await Promise.all([statesOf(db, row, today), enrolmentMessages(db, row.id)]);
	return {
		id: row.id,
		programmeId: row.programme_id,
		version: Number(row.programme_version),
		state: row.state as EnrolmentState,
		startedBy: row.started_by === 'professional' ? 'professional' : 'person',
		startDay: row.start_day,
		createdDay: row.created_day,
		pausedSince: row.paused_since,
		welcome: row.welcome === null ? null : decrypt(row.welcome, encryptedColumns.programmeWelcome.context(row.id)),
		reminders: row.reminder_choice as ReminderChoice,
		remindersStopped: row.reminders_stopped_at !== null,
		weeks,
		currentWeek: currentWeekOf(weeks),
		measurements,
		messages
	};
}

type WeekRefusal = 'no_programme' | 'week_locked';

/** The running enrolment and the week's state, when the week is open to the person (done counts as open). */
async function openEnrolmentWeek(db: Db, accountId: string, week: number, today: string): Promise<{ row: EnrolmentRow; state: WeekState } | WeekRefusal> {
	const found = await runningEnrolment(db, accountId);
	if (!found || found.state !== 'active') return 'no_programme';
	// The clock starts on the day week 0 is first used (opened, checked in, measured), also when a professional made
	// the enrolment earlier.
	const row = week === 0 && found.start_day === null ? await startClock(db, found, today) : found;
	const { weeks } = await statesOf(db, row, today);
	const state = weeks.find((w) => w.week === week);
	if (!state || state.state === 'locked' || state.state === 'waiting_for_conversation') return 'week_locked';
	return { row, state };
}

async function startClock(db: Db, row: EnrolmentRow, today: string): Promise<EnrolmentRow> {
	await db.updateTable('programme_enrolment').set({ start_day: today }).where('id', '=', row.id).where('start_day', 'is', null).execute();
	return { ...row, start_day: row.start_day ?? today };
}

/** The week's row, made when the first thing happens in it. */
export async function weekRow(db: Db, enrolmentId: string, week: number): Promise<string> {
	await db
		.insertInto('programme_week')
		.values({ id: crypto.randomUUID(), enrolment_id: enrolmentId, week, checkin_shared: 0, discuss_first: 0 })
		.onConflict((conflict) => conflict.columns(['enrolment_id', 'week']).doNothing())
		.execute();
	const row = await db.selectFrom('programme_week').select('id').where('enrolment_id', '=', enrolmentId).where('week', '=', week).executeTakeFirstOrThrow();
	return row.id;
}

/** Reminders sent and not yet answered now count as answered: the person came back. */
async function markRemindersActed(db: Db, enrolmentId: string, now: Date): Promise<void> {
	await db.updateTable('programme_reminder').set({ acted_at: now.toISOString() }).where('enrolment_id', '=', enrolmentId).where('acted_at', 'is', null).execute();
}

/**
 * Runs `work` on the week's row in one transaction when the week is open to the person: the row is made if needed,
 * marked opened the first time, and open reminders count as answered.
 */
async function inOpenWeek(
	db: Db,
	options: { actor: SignedInAccount | null; week: number; now?: Date },
	work: (trx: Db, weekId: string, at: string) => Promise<void>
): Promise<{ ok: true } | { ok: false; reason: WeekRefusal }> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	return db.transaction().execute(async (trx) => {
		const found = await openEnrolmentWeek(trx, account.id, options.week, localDay(now));
		if (typeof found === 'string') return { ok: false, reason: found } as const;
		const id = await weekRow(trx, found.row.id, options.week);
		await trx.updateTable('programme_week').set({ opened_at: now.toISOString() }).where('id', '=', id).where('opened_at', 'is', null).execute();
		await work(trx, id, now.toISOString());
		await markRemindersActed(trx, found.row.id, now);
		return { ok: true } as const;
	});
}

export function openWeek(db: Db, options: { actor: SignedInAccount | null; week: number; now?: Date }): Promise<{ ok: true } | { ok: false; reason: WeekRefusal }> {
	return inOpenWeek(db, options, async () => {});
}

export function markWeekItem(
	db: Db,
	options: { actor: SignedInAccount | null; week: number; input: WeekItemInput; now?: Date }
): Promise<{ ok: true } | { ok: false; reason: WeekRefusal }> {
	const column = options.input.item === 'exercise' ? 'exercise_done_at' : 'step_done_at';
	return inOpenWeek(db, options, async (trx, id, at) => {
		await trx.updateTable('programme_week').set({ [column]: options.input.done ? at : null }).where('id', '=', id).execute();
	});
}

export function saveCheckIn(
	db: Db,
	options: { actor: SignedInAccount | null; week: number; input: CheckInInput; now?: Date }
): Promise<{ ok: true } | { ok: false; reason: WeekRefusal }> {
	const { input } = options;
	return inOpenWeek(db, options, async (trx, id, at) => {
		await trx
			.updateTable('programme_week')
			.set({
				went_well: encryptOptional(input.wentWell, encryptedColumns.programmeWentWell.context(id)),
				tried: encryptOptional(input.tried, encryptedColumns.programmeTried.context(id)),
				take_away: encryptOptional(input.takeAway, encryptedColumns.programmeTakeAway.context(id)),
				checkin_shared: input.share ? 1 : 0,
				checkin_at: at
			})
			.where('id', '=', id)
			.execute();
	});
}

export interface CheckIn {
	wentWell: string | null;
	tried: string | null;
	takeAway: string | null;
	shared: boolean;
	at: string;
}

/** Decrypts a week row's check-in, or null when there is none. */
export function openCheckIn(row: { id: string; went_well: string | null; tried: string | null; take_away: string | null; checkin_at: string | null; checkin_shared: boolean | number }): CheckIn | null {
	if (row.checkin_at === null) return null;
	const text = (value: string | null, column: keyof typeof encryptedColumns) => (value === null ? null : decrypt(value, encryptedColumns[column].context(row.id)));
	return {
		wentWell: text(row.went_well, 'programmeWentWell'),
		tried: text(row.tried, 'programmeTried'),
		takeAway: text(row.take_away, 'programmeTakeAway'),
		shared: Boolean(Number(row.checkin_shared)),
		at: row.checkin_at
	};
}

/** The person's own check-in of one week of their running (or newest) enrolment. */
export async function myCheckIn(db: Db, options: { actor: SignedInAccount | null; enrolmentId: string; week: number }): Promise<CheckIn | null> {
	const account = requireSignedIn(options.actor);
	const row = await db
		.selectFrom('programme_week')
		.innerJoin('programme_enrolment', 'programme_enrolment.id', 'programme_week.enrolment_id')
		.select(['programme_week.id', 'went_well', 'tried', 'take_away', 'checkin_at', 'checkin_shared'])
		.where('programme_enrolment.account_id', '=', account.id)
		.where('programme_week.enrolment_id', '=', options.enrolmentId)
		.where('programme_week.week', '=', options.week)
		.executeTakeFirst();
	return row ? openCheckIn(row) : null;
}

export type MeasurementRefusal = WeekRefusal | 'no_measurement' | 'already_measured' | 'incomplete';

export async function saveProgrammeMeasurement(
	db: Db,
	options: { actor: SignedInAccount | null; week: number; answers: Answers; now?: Date }
): Promise<{ ok: true; measurement: StoredMeasurement; moment: MeasurementMoment } | { ok: false; reason: MeasurementRefusal }> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	const moment = momentOfWeek(options.week);
	const instrument = getInstrument('djg-11')!;
	if (moment === null) return { ok: false, reason: 'no_measurement' };
	if (instrument.items.some((item) => options.answers[item.number] === undefined)) return { ok: false, reason: 'incomplete' };
	return db.transaction().execute(async (trx) => {
		const found = await openEnrolmentWeek(trx, account.id, options.week, localDay(now));
		if (typeof found === 'string') return { ok: false, reason: found } as const;
		if (found.state.measured) return { ok: false, reason: 'already_measured' } as const;
		const measurement = await saveMeasurementForAccount(trx, { accountId: account.id, instrument, answers: options.answers, now });
		const linked = await trx
			.insertInto('programme_measurement')
			.values({ enrolment_id: found.row.id, moment, measurement_id: measurement.id })
			.onConflict((conflict) => conflict.columns(['enrolment_id', 'moment']).doNothing())
			.returning('moment')
			.executeTakeFirst();
		// A second submit that raced the first: keep one measurement for the moment.
		if (!linked) {
			await trx.deleteFrom('measurement').where('id', '=', measurement.id).execute();
			return { ok: false, reason: 'already_measured' } as const;
		}
		const id = await weekRow(trx, found.row.id, options.week);
		await trx.updateTable('programme_week').set({ opened_at: now.toISOString() }).where('id', '=', id).where('opened_at', 'is', null).execute();
		if (moment === 'follow_up') {
			await trx.updateTable('programme_enrolment').set({ state: 'completed', ended_at: now.toISOString() }).where('id', '=', found.row.id).execute();
		}
		await markRemindersActed(trx, found.row.id, now);
		return { ok: true, measurement, moment } as const;
	});
}
