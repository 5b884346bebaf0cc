/**
 * Telling participants that a session moved or was cancelled: one mail per current participant per change, sent by
 * the job runner (src/lib/server/jobs), never twice, however many instances run.
 * - `announceSessionChange({ sessionId, sequence })`: enqueues the job for this change (its key is the session and
 *   the sequence: the same change is enqueued once).
 * - `sendSessionChangeMails(db, payload, deps)`: the job: for each current participant, notes the mail
 *   (`group_mail`, key `session:<id>:<sequence>`) and sends it.
 * - `sessionChangeMail(data, locale)`: the mail's words (pure).
 * - `startGroupSessionMails(options)`: registers the job on the runner.
 *
 * Decisions:
 * - The `group_mail` row is inserted (ON CONFLICT DO NOTHING) in the same transaction that finds the participant
 *   current, before the mail: of two instances running the job, one claims each participant. A mail that fails gives
 *   its row back, so the retry sends it.
 * - A change that a newer one overtook before its job ran is not mailed: the newer change's mail says where and when.
 * - The payload holds the session id and sequence only, never a person.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { jobs, type EnqueueOptions, type JobPayload, type JobRunner } from '$lib/server/jobs';
import { log } from '$lib/server/log';
import { mailer as processMailer, type Mailer, type MailLocale } from '$lib/server/mail/mailer';
import { renderMail, type MailTemplate, type RenderedMail } from '$lib/server/mail/templates';
import { formatDay } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

type Db = Kysely<Database>;

export const sessionChangeJob = 'group-session-change';

export type Enqueue = (kind: string, key: string, payload: JobPayload, options?: EnqueueOptions) => Promise<boolean>;
export type LinkFor = (path: string, locale: MailLocale) => string;

export function sessionChangeKey(sessionId: string, sequence: number): string {
	return `session:${sessionId}:${sequence}`;
}

export async function announceSessionChange(options: { sessionId: string; sequence: number; enqueue?: Enqueue }): Promise<boolean> {
	const enqueue: Enqueue = options.enqueue ?? ((...args) => jobs().enqueue(...args));
	return enqueue(sessionChangeJob, sessionChangeKey(options.sessionId, options.sequence), { sessionId: options.sessionId, sequence: options.sequence });
}

export interface SessionChangeMailData {
	groupName: string;
	cancelled: boolean;
	day: string;
	startsAt: string;
	endsAt: string;
	place: string | null;
	videoUrl: string | null;
	groupUrl: string;
}

const words = (locale: MailLocale, d: SessionChangeMailData): { subject: string; lines: string[] } => {
	const day = formatDay(d.day, 'weekday', locale);
	const when = { day, from: d.startsAt, until: d.endsAt, group: d.groupName };
	if (d.cancelled) {
		return { subject: m.group_mail_cancelled_subject(when, { locale }), lines: [m.group_mail_cancelled_body(when, { locale })] };
	}
	const lines = [m.group_mail_moved_body(when, { locale })];
	if (d.place) lines.push(m.group_mail_place({ place: d.place }, { locale }));
	if (d.videoUrl) lines.push(m.group_mail_video({ url: d.videoUrl }, { locale }));
	return { subject: m.group_mail_moved_subject(when, { locale }), lines };
};

const template: MailTemplate<SessionChangeMailData> = {
	subject: { nl: (d) => words('nl', d).subject, en: (d) => words('en', d).subject },
	paragraphs: [
		{ nl: () => m.group_mail_greeting({}, { locale: 'nl' }), en: () => m.group_mail_greeting({}, { locale: 'en' }) },
		{ nl: (d) => words('nl', d).lines.join('\n'), en: (d) => words('en', d).lines.join('\n') }
	],
	action: {
		label: { nl: () => m.group_mail_action({}, { locale: 'nl' }), en: () => m.group_mail_action({}, { locale: 'en' }) },
		url: (d) => d.groupUrl
	},
	closing: [{ nl: () => m.group_mail_sign_off({}, { locale: 'nl' }), en: () => m.group_mail_sign_off({}, { locale: 'en' }) }]
};

export function sessionChangeMail(data: SessionChangeMailData, locale: MailLocale): RenderedMail {
	return renderMail(template, data, locale);
}

export interface SessionMailDeps {
	mailer: Pick<Mailer, 'send'>;
	linkFor: LinkFor;
	now?: Date;
}

function isChangePayload(payload: JobPayload): payload is { sessionId: string; sequence: number } {
	return typeof payload.sessionId === 'string' && typeof payload.sequence === 'number' && Number.isInteger(payload.sequence);
}

export async function sendSessionChangeMails(
	db: Db,
	payload: JobPayload,
	deps: SessionMailDeps
): Promise<{ outcome: 'invalid' | 'gone' | 'superseded' } | { outcome: 'done'; sent: number }> {
	if (!isChangePayload(payload)) return { outcome: 'invalid' };
	const session = await db
		.selectFrom('group_session')
		.innerJoin('group_training', 'group_training.id', 'group_session.group_id')
		.selectAll('group_session')
		.select('group_training.name as group_name')
		.where('group_session.id', '=', payload.sessionId)
		.executeTakeFirst();
	if (!session) return { outcome: 'gone' };
	if (Number(session.sequence) !== payload.sequence) return { outcome: 'superseded' };
	const key = sessionChangeKey(session.id, payload.sequence);
	const participants = await db.selectFrom('group_participant').select('id').where('group_id', '=', session.group_id).where('left_at', 'is', null).execute();
	const now = (deps.now ?? new Date()).toISOString();
	let sent = 0;
	let failure: unknown;
	for (const { id } of participants) {
		const claimed = await db.transaction().execute(async (trx) => {
			// Still in the group at this moment (someone who left in between is not mailed).
			const current = await trx
				.selectFrom('group_participant')
				.innerJoin('account', 'account.id', 'group_participant.account_id')
				.select(['account.email', 'account.locale'])
				.where('group_participant.id', '=', id)
				.where('group_participant.left_at', 'is', null)
				.executeTakeFirst();
			if (!current) return null;
			const noted = await trx
				.insertInto('group_mail')
				.values({ participant_id: id, key, sent_at: now })
				.onConflict((conflict) => conflict.columns(['participant_id', 'key']).doNothing())
				.returning('participant_id')
				.executeTakeFirst();
			return noted ? current : null;
		});
		if (!claimed) continue;
		const locale: MailLocale = claimed.locale === 'en' ? 'en' : 'nl';
		const mail = sessionChangeMail(
			{
				groupName: session.group_name,
				cancelled: session.status === 'cancelled',
				day: session.day,
				startsAt: session.starts_at,
				endsAt: session.ends_at,
				place: session.place,
				videoUrl: session.video_url,
				groupUrl: deps.linkFor(`/groep/${session.group_id}`, locale)
			},
			locale
		);
		try {
			await deps.mailer.send({ to: claimed.email, ...mail });
			sent += 1;
		} catch (error) {
			await db.deleteFrom('group_mail').where('participant_id', '=', id).where('key', '=', key).execute();
			failure ??= error;
		}
	}
	// The others were sent; the retry sends only the ones whose row was given back.
	if (failure) throw failure;
	return { outcome: 'done', sent };
}

/** Registers the job on the runner (the process-wide one by default). */
export async function startGroupSessionMails(options: { linkFor: LinkFor; db: () => Db; runner?: JobRunner; mailer?: Pick<Mailer, 'send'> }): Promise<void> {
	const runner = options.runner ?? jobs();
	await runner.register(
		sessionChangeJob,
		async (payload) => {
			const result = await sendSessionChangeMails(options.db(), payload, { mailer: options.mailer ?? processMailer(), linkFor: options.linkFor });
			if (result.outcome === 'done' && result.sent > 0) log().info({ sent: result.sent }, 'group session change mails');
		},
		{ maxAttempts: 3, retryDelaySeconds: 60 }
	);
}
