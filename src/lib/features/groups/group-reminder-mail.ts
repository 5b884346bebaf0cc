/**
 * The reminder the day before a group session, as a mail: when and where, a link to the group page, that it is fine
 * not to come (say so on the page), and a one-click way to stop. Never a count of sessions missed.
 * - `groupReminderMail(data, locale)`: subject, text and HTML.
 */
import { m } from '$lib/paraglide/messages';
import { renderMail, type MailTemplate, type RenderedMail } from '$lib/server/mail/templates';
import type { MailLocale } from '$lib/server/mail/mailer';

export interface GroupReminderMailData {
	groupName: string;
	startsAt: string;
	endsAt: string;
	/** The place, or the video link. */
	where: string;
	groupUrl: string;
	stopUrl: string;
}

type Words<D> = (data: D, options: { locale: MailLocale }) => string;
const both = <D>(words: Words<D>) => ({ nl: (d: D) => words(d, { locale: 'nl' }), en: (d: D) => words(d, { locale: 'en' }) });

const template: MailTemplate<GroupReminderMailData> = {
	subject: both((d, o) => m.groupme_reminder_subject({ name: d.groupName }, o)),
	paragraphs: [
		both((_d, o) => m.groupme_reminder_greeting({}, o)),
		both((d, o) => (d.where ? m.groupme_reminder_when_where({ name: d.groupName, from: d.startsAt, until: d.endsAt, where: d.where }, o) : m.groupme_reminder_when({ name: d.groupName, from: d.startsAt, until: d.endsAt }, o))),
		both((_d, o) => m.groupme_reminder_cannot_come({}, o))
	],
	action: { label: both((_d, o) => m.groupme_reminder_action({}, o)), url: (d) => d.groupUrl },
	closing: [both((_d, o) => m.groupme_reminder_sign_off({}, o))],
	footer: { text: both((_d, o) => m.groupme_reminder_stop_text({}, o)), label: both((_d, o) => m.groupme_reminder_stop_button({}, o)), url: (d) => d.stopUrl }
};

export function groupReminderMail(data: GroupReminderMailData, locale: MailLocale): RenderedMail {
	return renderMail(template, data, locale);
}
