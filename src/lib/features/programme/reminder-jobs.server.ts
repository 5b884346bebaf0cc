/**
 * Programme reminders, sent by the job runner (src/lib/server/jobs): once an hour, for the whole cluster, one job
 * looks which reminders are due and enqueues one job per reminder; that job sends the mail. The rules are in
 * reminders.ts; here is only reading, keying and sending.
 * - `startProgrammeReminders(options)`: registers both kinds on the runner and the hourly run.
 * - `scanProgrammeReminders(db, { periodStart, enqueue, secret })`: the hourly run (set-based: one query for the
 *   enrolments and three per 500 of them, not one per person). Also stops the reminders of
 *   someone who left three in a row unanswered.
 * - `sendProgrammeReminder(db, payload, deps)`: the reminder job: checks again, notes it, sends the mail.
 * - `reminderStopStatus`, `stopRemindersByToken`: the one-click stop link (no sign-in: the token is the key).
 *
 * Decisions:
 * - The hourly run judges by the start of its period, not the clock when it happens to run: every instance and every
 *   retry gets the same answer. Reminders go out between 09:00 and 19:59 local time only.
 * - Job keys are an HMAC of enrolment, day and kind under a key derived from the auth secret (shared by all
 *   instances), so the `job` table holds no person id, and one reminder is enqueued once, however many instances look.
 * - The `programme_reminder` row (unique per enrolment and day) is written in the same transaction as the check and
 *   before the mail: two jobs for one day never both send. A reminder that waited beyond the next day is dropped.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { ProgrammeEnrolmentTable } from '$lib/server/db/schema';
import { config } from '$lib/server/env';
import { loadAuthSecret } from '$lib/server/auth/secret';
import { jobs, type EnqueueOptions, type JobPayload, type JobRunner, type PeriodPayload } from '$lib/server/jobs';
import { log } from '$lib/server/log';
import { mailer as processMailer, type Mailer, type MailLocale } from '$lib/server/mail/mailer';
import { localDay, localTime } from '$lib/time';
import { enrolmentClock } from './enrolment.server';
import { groupDaysOf } from './group-link.server';
import { reminderMail, reminderMailHeaders, reminderStopToken, reminderVariant, enrolmentOfStopToken } from './reminder-mail';
import {
	ignoredInARow,
	reminderDue,
	reminderKeyParts,
	reminderKinds,
	stopAfterIgnored,
	type ReminderChoice,
	type ReminderInput,
	type ReminderKind,
	type SentReminder
} from './reminders';
import { followUpWeek } from './schedule';

type Db = Kysely<Database>;

export const programmeRemindersJob = 'programme-reminders';
export const programmeReminderJob = 'programme-reminder';
const hourMs = 60 * 60 * 1000;
/** Local hours in which reminders go out (`BRUG_REMINDER_HOURS`, by default 9-20: from 09:00 up to 19:59). */
export function reminderHours(): { from: number; until: number } {
	const [from, until] = config().BRUG_REMINDER_HOURS.split('-').map(Number);
	return { from: from!, until: until! };
}
const chunkSize = 500;

export interface ProgrammeReminderPayload extends JobPayload {
	enrolmentId: string;
	day: string;
	kind: ReminderKind;
	week: number;
}

export type Enqueue = (kind: string, key: string, payload: JobPayload, options?: EnqueueOptions) => Promise<boolean>;
export type LinkFor = (path: string, locale: MailLocale) => string;

function derivedKey(secret: string, label: string): string {
	return createHmac('sha256', secret).update(label).digest('base64url');
}

export function reminderJobKey(secret: string, enrolmentId: string, day: string, kind: ReminderKind): string {
	return createHmac('sha256', derivedKey(secret, 'brug programme reminder keys')).update(reminderKeyParts(enrolmentId, day, kind)).digest('base64url');
}

function stopKey(secret: string): string {
	return derivedKey(secret, 'brug programme reminder stop links');
}

/** What the rules need per enrolment, read for many enrolments at once. */
async function reminderInputs(db: Db, rows: readonly ProgrammeEnrolmentTable[], today: string): Promise<Map<string, ReminderInput>> {
	const inputs = new Map<string, ReminderInput>();
	for (let start = 0; start < rows.length; start += chunkSize) {
		const chunk = rows.slice(start, start + chunkSize);
		const ids = chunk.map((row) => row.id);
		const [weeks, followUps, sent] = await Promise.all([
			db.selectFrom('programme_week').select(['enrolment_id', 'week', 'opened_at', 'exercise_done_at', 'step_done_at', 'discuss_first', 'discussed_at']).where('enrolment_id', 'in', ids).execute(),
			db.selectFrom('programme_measurement').select('enrolment_id').where('enrolment_id', 'in', ids).where('moment', '=', 'follow_up').execute(),
			db.selectFrom('programme_reminder').select(['enrolment_id', 'day', 'kind', 'week', 'acted_at']).where('enrolment_id', 'in', ids).execute()
		]);
		const measured = new Set(followUps.map((row) => row.enrolment_id));
		const groupDays = await groupDaysOf(db, chunk);
		for (const row of chunk) {
			inputs.set(row.id, {
				choice: row.reminder_choice as ReminderChoice,
				state: row.state as ReminderInput['state'],
				remindersStopped: row.reminders_stopped_at !== null,
				today,
				clock: enrolmentClock(row, groupDays.get(row.id)),
				weeks: weeks
					.filter((week) => week.enrolment_id === row.id)
					.map((week) => ({
						week: Number(week.week),
						opened: week.opened_at !== null,
						stepDone: week.step_done_at !== null,
						exerciseDone: week.exercise_done_at !== null,
						discussFirst: Boolean(Number(week.discuss_first)),
						discussed: week.discussed_at !== null
					})),
				followUpMeasured: measured.has(row.id),
				sent: sent
					.filter((reminder) => reminder.enrolment_id === row.id)
					.map((reminder): SentReminder => ({ day: reminder.day, kind: reminder.kind as ReminderKind, week: Number(reminder.week), acted: reminder.acted_at !== null }))
			});
		}
	}
	return inputs;
}

/** Left the newest three unanswered, counting only days before today: the one sent today still has its chance. */
function ignoredTooOften(input: ReminderInput): boolean {
	return ignoredInARow(input.sent.filter((reminder) => reminder.day < input.today)) >= stopAfterIgnored;
}

export function withinReminderHours(at: Date): boolean {
	const hour = Number(localTime(at).slice(0, 2));
	const { from, until } = reminderHours();
	return hour >= from && hour < until;
}

export async function scanProgrammeReminders(
	db: Db,
	options: { periodStart: Date; enqueue: Enqueue; secret: string }
): Promise<{ enqueued: number; stopped: number }> {
	const result = { enqueued: 0, stopped: 0 };
	if (!withinReminderHours(options.periodStart)) return result;
	const today = localDay(options.periodStart);
	const rows = await db
		.selectFrom('programme_enrolment')
		.selectAll()
		.where('state', '=', 'active')
		.where('reminder_choice', '!=', 'none')
		.where('reminders_stopped_at', 'is', null)
		.execute();
	const inputs = await reminderInputs(db, rows, today);
	for (const row of rows) {
		const input = inputs.get(row.id)!;
		if (ignoredTooOften(input)) {
			// The professional sees this on the client's programme page; the person is not told off.
			await db
				.updateTable('programme_enrolment')
				.set({ reminders_stopped_at: options.periodStart.toISOString() })
				.where('id', '=', row.id)
				.where('reminders_stopped_at', 'is', null)
				.execute();
			result.stopped += 1;
			continue;
		}
		const due = reminderDue(input);
		if (!due) continue;
		const payload: ProgrammeReminderPayload = { enrolmentId: row.id, day: today, kind: due.kind, week: due.week };
		if (await options.enqueue(programmeReminderJob, reminderJobKey(options.secret, row.id, today, due.kind), payload)) result.enqueued += 1;
	}
	return result;
}

function isReminderPayload(payload: JobPayload): payload is ProgrammeReminderPayload {
	return (
		typeof payload.enrolmentId === 'string' &&
		typeof payload.day === 'string' &&
		/^\d{4}-\d{2}-\d{2}$/.test(payload.day) &&
		reminderKinds.includes(payload.kind as ReminderKind) &&
		typeof payload.week === 'number'
	);
}

export interface SendReminderDeps {
	mailer: Pick<Mailer, 'send'>;
	secret: string;
	linkFor: LinkFor;
	now?: Date;
}

/** Sends the reminder if it is still due; 'sent', or why not. */
export async function sendProgrammeReminder(
	db: Db,
	payload: JobPayload,
	deps: SendReminderDeps
): Promise<'sent' | 'invalid' | 'stale' | 'gone' | 'not_due' | 'already_sent'> {
	if (!isReminderPayload(payload)) return 'invalid';
	const now = deps.now ?? new Date();
	// Only on its own day and within the hours: an instance that was down does not send at night, or a day late.
	if (localDay(now) !== payload.day || !withinReminderHours(now)) return 'stale';
	const claimed = await db.transaction().execute(async (trx) => {
		const row = await trx.selectFrom('programme_enrolment').selectAll().where('id', '=', payload.enrolmentId).executeTakeFirst();
		// Deleted with the account, or stopped: nothing to send.
		if (!row) return 'gone' as const;
		const input = (await reminderInputs(trx, [row], payload.day)).get(row.id)!;
		const due = ignoredTooOften(input) ? null : reminderDue(input);
		if (!due || due.kind !== payload.kind || due.week !== payload.week) return 'not_due' as const;
		const noted = await trx
			.insertInto('programme_reminder')
			.values({ id: crypto.randomUUID(), enrolment_id: row.id, day: payload.day, kind: due.kind, week: due.week, sent_at: now.toISOString(), acted_at: null })
			.onConflict((conflict) => conflict.columns(['enrolment_id', 'day']).doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!noted) return 'already_sent' as const;
		const account = await trx.selectFrom('account').select(['email', 'locale']).where('id', '=', row.account_id).executeTakeFirstOrThrow();
		return { reminderId: noted.id, enrolmentId: row.id, due, account };
	});
	if (typeof claimed === 'string') return claimed;
	const { due, account } = claimed;
	const locale: MailLocale = account.locale === 'en' ? 'en' : 'nl';
	const stopUrl = deps.linkFor(`/programma/herinneringen/${reminderStopToken(claimed.enrolmentId, stopKey(deps.secret))}`, locale);
	const weekUrl = deps.linkFor(`/programma/week/${due.kind === 'follow_up' ? followUpWeek : due.week}`, locale);
	const mail = reminderMail({ kind: due.kind, week: due.week, variant: reminderVariant(claimed.enrolmentId, payload.day, due.kind), weekUrl, stopUrl }, locale);
	// Sent after the day's row was committed (a slow mail server never holds the database); a mail that fails
	// gives the row back, so the retry sends it.
	try {
		await deps.mailer.send({ to: account.email, ...mail, headers: reminderMailHeaders(stopUrl) });
	} catch (error) {
		await db.deleteFrom('programme_reminder').where('id', '=', claimed.reminderId).execute();
		throw error;
	}
	return 'sent';
}

/** Whether a stop link belongs to an enrolment that still exists. */
export async function reminderStopStatus(db: Db, options: { token: string; secret?: string }): Promise<'valid' | 'unknown'> {
	const enrolmentId = enrolmentOfStopToken(options.token, stopKey(options.secret ?? authSecret()));
	if (!enrolmentId) return 'unknown';
	const row = await db.selectFrom('programme_enrolment').select('id').where('id', '=', enrolmentId).executeTakeFirst();
	return row ? 'valid' : 'unknown';
}

/** The stop link's POST: no more reminders for this enrolment (the person can choose them again on their page). */
export async function stopRemindersByToken(db: Db, options: { token: string; secret?: string }): Promise<'stopped' | 'unknown'> {
	const enrolmentId = enrolmentOfStopToken(options.token, stopKey(options.secret ?? authSecret()));
	if (!enrolmentId) return 'unknown';
	const result = await db.updateTable('programme_enrolment').set({ reminder_choice: 'none' }).where('id', '=', enrolmentId).executeTakeFirst();
	return Number(result.numUpdatedRows) > 0 ? 'stopped' : 'unknown';
}

/** The stop link a mail for this enrolment carries (for the pages and tests that need to show or follow it). */
export function reminderStopPath(enrolmentId: string, secret: string = authSecret()): string {
	return `/programma/herinneringen/${reminderStopToken(enrolmentId, stopKey(secret))}`;
}

function authSecret(): string {
	const { dataDir, BRUG_AUTH_SECRET } = config();
	return loadAuthSecret({ dataDir, configured: BRUG_AUTH_SECRET });
}

/** Registers the hourly run and the sending on the runner (the process-wide one by default). */
export async function startProgrammeReminders(options: {
	linkFor: LinkFor;
	runner?: JobRunner;
	db: () => Db;
	mailer?: Pick<Mailer, 'send'>;
	secret?: string;
	periodMs?: number;
}): Promise<void> {
	const runner = options.runner ?? jobs();
	const secret = options.secret ?? authSecret();
	await runner.register<PeriodPayload>(
		programmeRemindersJob,
		async ({ periodStart }) => {
			const result = await scanProgrammeReminders(options.db(), { periodStart: new Date(periodStart), enqueue: (...args) => runner.enqueue(...args), secret });
			if (result.enqueued > 0 || result.stopped > 0) log().info(result, 'programme reminders');
		},
		{ maxAttempts: 3, retryDelaySeconds: 5 * 60 }
	);
	await runner.register(
		programmeReminderJob,
		async (payload) => {
			await sendProgrammeReminder(options.db(), payload, { mailer: options.mailer ?? processMailer(), secret, linkFor: options.linkFor });
		},
		{ maxAttempts: 3, retryDelaySeconds: 60 }
	);
	runner.every(programmeRemindersJob, options.periodMs ?? hourMs);
}
