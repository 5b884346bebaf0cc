/**
 * A programme reminder as a mail, and the stop link in it. Pure apart from the HMAC: the key is passed in.
 * - `reminderVariantCount`: how many wordings each kind has.
 * - `reminderVariant(enrolmentId, day, kind)`: which wording, from a stable hash, so a retry says the same thing and
 *   two days in a row mostly differ.
 * - `reminderMail(data, locale)`: subject, text and HTML; `reminderMailHeaders(stopUrl)`: `List-Unsubscribe` and
 *   `List-Unsubscribe-Post` (RFC 8058), so a mail app offers its own one-click "unsubscribe".
 * - `reminderStopToken(enrolmentId, key)`, `enrolmentOfStopToken(token, key)`: the token in the stop link.
 *
 * Decisions:
 * - Kind and short: what is open and a link, "no hurry", a way to stop. Never a streak, a count of missed days or
 *   anything about how the person feels; the subject says nothing about the programme's subject at all.
 * - The token is `<enrolment id>.<HMAC of it>`: no table, and it stays valid as long as the enrolment exists (a stop
 *   link in an old mail must still work). The enrolment id alone says nothing about the person.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { m } from '$lib/paraglide/messages';
import { renderMail, type MailTemplate, type RenderedMail } from '$lib/server/mail/templates';
import type { MailLocale } from '$lib/server/mail/mailer';
import type { ReminderKind } from './reminders';

export interface ReminderMailData {
	kind: ReminderKind;
	week: number;
	variant: number;
	/** The week's page (or the programme's, for the follow-up). */
	weekUrl: string;
	stopUrl: string;
}

type Words = (inputs: { week: number }, options: { locale: MailLocale }) => string;

const subjects: Record<ReminderKind, Words[]> = {
	week_start: [m.reminder_week_start_subject_1, m.reminder_week_start_subject_2, m.reminder_week_start_subject_3],
	open_step: [m.reminder_open_step_subject_1, m.reminder_open_step_subject_2, m.reminder_open_step_subject_3],
	follow_up: [m.reminder_follow_up_subject_1, m.reminder_follow_up_subject_2]
};

const bodies: Record<ReminderKind, Words[]> = {
	week_start: [m.reminder_week_start_body_1, m.reminder_week_start_body_2, m.reminder_week_start_body_3],
	open_step: [m.reminder_open_step_body_1, m.reminder_open_step_body_2, m.reminder_open_step_body_3],
	follow_up: [m.reminder_follow_up_body_1, m.reminder_follow_up_body_2]
};

const actions: Record<ReminderKind, Words> = {
	week_start: m.reminder_action_week_start,
	open_step: m.reminder_action_open_step,
	follow_up: m.reminder_action_follow_up
};

export const reminderVariantCount: Record<ReminderKind, number> = {
	week_start: subjects.week_start.length,
	open_step: subjects.open_step.length,
	follow_up: subjects.follow_up.length
};

export function reminderVariant(enrolmentId: string, day: string, kind: ReminderKind): number {
	const digest = createHash('sha256').update(`${enrolmentId}:${day}`).digest();
	return digest.readUInt32BE(0) % reminderVariantCount[kind];
}

/** Both languages from one Paraglide message. */
const both = (words: (locale: MailLocale) => string) => ({ nl: () => words('nl'), en: () => words('en') });

function template(kind: ReminderKind, variant: number): MailTemplate<ReminderMailData> {
	const index = variant % reminderVariantCount[kind];
	const subject = subjects[kind][index]!;
	const body = bodies[kind][index]!;
	return {
		subject: { nl: (d) => subject({ week: d.week }, { locale: 'nl' }), en: (d) => subject({ week: d.week }, { locale: 'en' }) },
		paragraphs: [
			both((locale) => m.reminder_greeting({}, { locale })),
			{ nl: (d) => body({ week: d.week }, { locale: 'nl' }), en: (d) => body({ week: d.week }, { locale: 'en' }) }
		],
		action: {
			label: { nl: (d) => actions[kind]({ week: d.week }, { locale: 'nl' }), en: (d) => actions[kind]({ week: d.week }, { locale: 'en' }) },
			url: (d) => d.weekUrl
		},
		closing: [both((locale) => m.reminder_no_hurry({}, { locale })), both((locale) => m.reminder_sign_off({}, { locale }))],
		footer: {
			text: both((locale) => m.reminder_stop_text({}, { locale })),
			label: both((locale) => m.reminder_stop_button({}, { locale })),
			url: (d) => d.stopUrl
		}
	};
}

export function reminderMail(data: ReminderMailData, locale: MailLocale): RenderedMail {
	return renderMail(template(data.kind, data.variant), data, locale);
}

export function reminderMailHeaders(stopUrl: string): Record<string, string> {
	return { 'List-Unsubscribe': `<${stopUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** Kept apart from every other use of the key by its own label. */
function mac(enrolmentId: string, key: string): string {
	return createHmac('sha256', key).update(`programme reminders stop:${enrolmentId}`).digest('base64url').slice(0, 32);
}

const tokenShape = /^([A-Za-z0-9-]{1,64})\.([A-Za-z0-9_-]{32})$/;

export function reminderStopToken(enrolmentId: string, key: string): string {
	if (!/^[A-Za-z0-9-]{1,64}$/.test(enrolmentId)) throw new RangeError('Not an enrolment id');
	return `${enrolmentId}.${mac(enrolmentId, key)}`;
}

/** The enrolment a token was made for, or null when it is malformed or its MAC does not match. */
export function enrolmentOfStopToken(token: string, key: string): string | null {
	const match = tokenShape.exec(token);
	if (!match) return null;
	const [, enrolmentId, given] = match as unknown as [string, string, string];
	const expected = Buffer.from(mac(enrolmentId, key));
	const actual = Buffer.from(given);
	return actual.length === expected.length && timingSafeEqual(actual, expected) ? enrolmentId : null;
}
