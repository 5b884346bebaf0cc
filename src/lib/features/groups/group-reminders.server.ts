/**
 * The reminder the day before a group session, by the job runner, with the same rules as the programme's reminders:
 * an hourly scan between 09:00 and 19:59 local time enqueues one job per participant and session (key: an HMAC, so
 * the job table holds no person id); the job writes the `group_mail` row (`reminder:<sessionId>`) before the mail, in
 * the transaction that checks it is still due, so two instances never both send it.
 * - `startGroupReminders(options)`: registers the scan and the sending on the runner.
 * - `scanGroupReminders(db, { periodStart, enqueue, secret })`: the hourly run (one query).
 * - `sendGroupReminder(db, payload, deps)`: checks again, notes it, sends the mail.
 * - `groupReminderStopPath`, `groupReminderStopStatus`, `stopGroupRemindersByToken`: the one-click stop link.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { config } from '$lib/server/env';
import { loadAuthSecret } from '$lib/server/auth/secret';
import { jobs, type JobPayload, type JobRunner, type PeriodPayload } from '$lib/server/jobs';
import { log } from '$lib/server/log';
import { mailer as processMailer, type Mailer, type MailLocale } from '$lib/server/mail/mailer';
import { addDays, localDay, localTime } from '$lib/time';
import { groupReminderMail } from './group-reminder-mail';

type Db = Kysely<Database>;
type Enqueue = (kind: string, key: string, payload: JobPayload) => Promise<boolean>;
type LinkFor = (path: string, locale: MailLocale) => string;

export const groupRemindersJob = 'group-reminders';
export const groupReminderJob = 'group-reminder';
const hourMs = 60 * 60 * 1000;

export interface GroupReminderPayload extends JobPayload {
	participantId: string;
	sessionId: string;
	/** The local day the reminder is for being sent on (the day before the session). */
	day: string;
}

const derivedKey = (secret: string, label: string) => createHmac('sha256', secret).update(label).digest('base64url');

export function groupReminderJobKey(secret: string, participantId: string, sessionId: string): string {
	return createHmac('sha256', derivedKey(secret, 'brug group reminder keys')).update(`${participantId}:${sessionId}`).digest('base64url');
}

/** `BRUG_REMINDER_HOURS`, as the programme's reminders: from 09:00 up to 19:59 by default. */
function withinReminderHours(at: Date): boolean {
	const [from, until] = config().BRUG_REMINDER_HOURS.split('-').map(Number);
	const hour = Number(localTime(at).slice(0, 2));
	return hour >= from! && hour < until!;
}

const mailKey = (sessionId: string) => `reminder:${sessionId}`;

/** Participants who chose reminders, still in the group, for planned sessions on `sessionDay` not yet reminded of. */
function dueReminders(db: Db, sessionDay: string) {
	return db
		.selectFrom('group_session')
		.innerJoin('group_training', 'group_training.id', 'group_session.group_id')
		.innerJoin('group_participant', 'group_participant.group_id', 'group_session.group_id')
		.innerJoin('consent_grant', 'consent_grant.id', 'group_participant.grant_id')
		.select(['group_participant.id as participantId', 'group_session.id as sessionId'])
		.where('group_session.day', '=', sessionDay)
		.where('group_session.status', '=', 'planned')
		.where('group_training.archived_at', 'is', null)
		.where('group_participant.left_at', 'is', null)
		.where('group_participant.reminders', '=', 'day_before')
		.where('consent_grant.ended_at', 'is', null)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('group_mail')
						.select('group_mail.key')
						.whereRef('group_mail.participant_id', '=', 'group_participant.id')
						.where('group_mail.key', '=', sql<string>`${'reminder:'} || ${eb.ref('group_session.id')}`)
				)
			)
		);
}

export async function scanGroupReminders(db: Db, options: { periodStart: Date; enqueue: Enqueue; secret: string }): Promise<{ enqueued: number }> {
	if (!withinReminderHours(options.periodStart)) return { enqueued: 0 };
	const today = localDay(options.periodStart);
	let enqueued = 0;
	for (const row of await dueReminders(db, addDays(today, 1)).execute()) {
		const payload: GroupReminderPayload = { participantId: row.participantId, sessionId: row.sessionId, day: today };
		if (await options.enqueue(groupReminderJob, groupReminderJobKey(options.secret, row.participantId, row.sessionId), payload)) enqueued += 1;
	}
	return { enqueued };
}

function isPayload(payload: JobPayload): payload is GroupReminderPayload {
	return typeof payload.participantId === 'string' && typeof payload.sessionId === 'string' && typeof payload.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(payload.day);
}

export interface SendGroupReminderDeps {
	mailer: Pick<Mailer, 'send'>;
	secret: string;
	linkFor: LinkFor;
	now?: Date;
}

export async function sendGroupReminder(
	db: Db,
	payload: JobPayload,
	deps: SendGroupReminderDeps
): Promise<'sent' | 'invalid' | 'stale' | 'not_due' | 'already_sent'> {
	if (!isPayload(payload)) return 'invalid';
	const now = deps.now ?? new Date();
	if (localDay(now) !== payload.day || !withinReminderHours(now)) return 'stale';
	const claimed = await db.transaction().execute(async (trx) => {
		const due = await dueReminders(trx, addDays(payload.day, 1))
			.innerJoin('account', 'account.id', 'group_participant.account_id')
			.select(['account.email', 'account.locale', 'group_training.name', 'group_training.id as groupId', 'group_session.starts_at', 'group_session.ends_at', 'group_session.place', 'group_session.video_url'])
			.where('group_participant.id', '=', payload.participantId)
			.where('group_session.id', '=', payload.sessionId)
			.executeTakeFirst();
		if (!due) return 'not_due' as const;
		const noted = await trx
			.insertInto('group_mail')
			.values({ participant_id: payload.participantId, key: mailKey(payload.sessionId), sent_at: now.toISOString() })
			.onConflict((conflict) => conflict.columns(['participant_id', 'key']).doNothing())
			.returning('key')
			.executeTakeFirst();
		return noted ? due : ('already_sent' as const);
	});
	if (typeof claimed === 'string') return claimed;
	const locale: MailLocale = claimed.locale === 'en' ? 'en' : 'nl';
	const stopUrl = deps.linkFor(groupReminderStopPath(payload.participantId, deps.secret), locale);
	const mail = groupReminderMail(
		{
			groupName: claimed.name,
			startsAt: claimed.starts_at,
			endsAt: claimed.ends_at,
			where: claimed.place ?? claimed.video_url ?? '',
			groupUrl: deps.linkFor(`/groep/${claimed.groupId}`, locale),
			stopUrl
		},
		locale
	);
	try {
		await deps.mailer.send({ to: claimed.email, ...mail, headers: { 'List-Unsubscribe': `<${stopUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } });
	} catch (error) {
		// The row goes back, so the retry sends it.
		await db.deleteFrom('group_mail').where('participant_id', '=', payload.participantId).where('key', '=', mailKey(payload.sessionId)).execute();
		throw error;
	}
	return 'sent';
}

/** The token is `<participant id>.<HMAC>`: no table, valid as long as the place exists. */
function stopMac(participantId: string, secret: string): string {
	return createHmac('sha256', derivedKey(secret, 'brug group reminder stop links')).update(participantId).digest('base64url').slice(0, 32);
}

function participantOfToken(token: string, secret: string): string | null {
	const match = /^([A-Za-z0-9-]{1,64})\.([A-Za-z0-9_-]{32})$/.exec(token);
	if (!match) return null;
	const expected = Buffer.from(stopMac(match[1]!, secret));
	const given = Buffer.from(match[2]!);
	return given.length === expected.length && timingSafeEqual(given, expected) ? match[1]! : null;
}

export function groupReminderStopPath(participantId: string, secret: string = authSecret()): string {
	return `/groep/herinneringen/${participantId}.${stopMac(participantId, secret)}`;
}

export async function groupReminderStopStatus(db: Db, options: { token: string; secret?: string }): Promise<'valid' | 'unknown'> {
	const participantId = participantOfToken(options.token, options.secret ?? authSecret());
	if (!participantId) return 'unknown';
	const row = await db.selectFrom('group_participant').select('id').where('id', '=', participantId).executeTakeFirst();
	return row ? 'valid' : 'unknown';
}

/** No more reminders for this place (the person can turn them on again on their group page). */
export async function stopGroupRemindersByToken(db: Db, options: { token: string; secret?: string }): Promise<'stopped' | 'unknown'> {
	const participantId = participantOfToken(options.token, options.secret ?? authSecret());
	if (!participantId) return 'unknown';
	const result = await db.updateTable('group_participant').set({ reminders: 'none' }).where('id', '=', participantId).executeTakeFirst();
	return Number(result.numUpdatedRows) > 0 ? 'stopped' : 'unknown';
}

function authSecret(): string {
	const { dataDir, BRUG_AUTH_SECRET } = config();
	return loadAuthSecret({ dataDir, configured: BRUG_AUTH_SECRET });
}

export async function startGroupReminders(options: { linkFor: LinkFor; runner?: JobRunner; db: () => Db; mailer?: Pick<Mailer, 'send'>; secret?: string; periodMs?: number }): Promise<void> {
	const runner = options.runner ?? jobs();
	const secret = options.secret ?? authSecret();
	await runner.register<PeriodPayload>(
		groupRemindersJob,
		async ({ periodStart }) => {
			const result = await scanGroupReminders(options.db(), { periodStart: new Date(periodStart), enqueue: (...args) => runner.enqueue(...args), secret });
			if (result.enqueued > 0) log().info(result, 'group reminders');
		},
		{ maxAttempts: 3, retryDelaySeconds: 5 * 60 }
	);
	await runner.register(
		groupReminderJob,
		async (payload) => {
			await sendGroupReminder(options.db(), payload, { mailer: options.mailer ?? processMailer(), secret, linkFor: options.linkFor });
		},
		{ maxAttempts: 3, retryDelaySeconds: 60 }
	);
	runner.every(groupRemindersJob, options.periodMs ?? hourMs);
}
