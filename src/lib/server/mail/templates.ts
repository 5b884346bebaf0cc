/**
 * Mail templates: plain data in Dutch and English, rendered to a subject, plain text and simple HTML.
 *
 * - `renderMail(template, data, locale)` — everything `mailer().send` needs except the address
 * - `escapeHtml(value)` — for text and attribute values in HTML
 * - `emailVerificationMail` — "confirm your e-mail address"; data `{ url }`
 * - `emailVerificationHours` — how long that link works; the accounts feature uses it for the token's expiry
 * - `MailTemplate`, `Localized`, `RenderedMail` — the types
 *
 * Templates hold plain text only, never HTML, so every word a template or its data brings is escaped on the way in.
 * The HTML has no images, no tracking and one link (the action), plus at most one quiet footer link: mail clients
 * that block remote content show it whole, and a person can see at a glance where the links go. Other templates come with their features.
 */
import type { MailLocale, OutgoingMail } from './mailer';

/** A fixed text, or one built from the template's data (e.g. the name of an organisation). Plain text. */
export type Text<Data> = string | ((data: Data) => string);
export type Localized<Data = never> = Record<MailLocale, Text<Data>>;

export interface MailTemplate<Data> {
	subject: Localized<Data>;
	/** Before the action. A line break inside a paragraph stays a line break. */
	paragraphs: Localized<Data>[];
	/** One link, shown as a link in HTML and as the bare URL in plain text. Must be http(s). */
	action?: { label: Localized<Data>; url: (data: Data) => string };
	/** After the action: how long the link works, what to do if the mail was not expected, the greeting. */
	closing?: Localized<Data>[];
	/** A second, quieter link at the very end (e.g. "stop these reminders"). Must be http(s). */
	footer?: { text: Localized<Data>; label: Localized<Data>; url: (data: Data) => string };
}

export type RenderedMail = Omit<OutgoingMail, 'to'>;

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

function resolve<Data>(text: Localized<Data>, data: Data, locale: MailLocale): string {
	const value = text[locale];
	return typeof value === 'function' ? value(data) : value;
}

/** Only absolute web links: a javascript: or data: URL in a mail would be an attack, a relative one a bug. */
function checkedActionUrl(url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new Error('A mail action needs an absolute URL.');
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new Error('A mail action URL must use https (or http for local development).');
	}
	return url;
}

function htmlParagraph(text: string): string {
	return `<p>${escapeHtml(text).replace(/\r?\n/g, '<br>\n')}</p>`;
}

// System fonts from a <style> block rather than style attributes; clients that drop it fall back to their own font,
// which is fine. No web fonts: they are remote content.
const htmlHead = (locale: MailLocale, title: string) => `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; max-width: 36em; }</style>
</head>
<body>`;

/** Builds subject, text and HTML in one language. Throws when the action URL is not an absolute http(s) URL. */
export function renderMail<Data>(template: MailTemplate<Data>, data: Data, locale: MailLocale): RenderedMail {
	const subject = resolve(template.subject, data, locale);
	const before = template.paragraphs.map((paragraph) => resolve(paragraph, data, locale));
	const after = (template.closing ?? []).map((paragraph) => resolve(paragraph, data, locale));
	const action = template.action && {
		label: resolve(template.action.label, data, locale),
		url: checkedActionUrl(template.action.url(data))
	};

	const footer = template.footer && {
		text: resolve(template.footer.text, data, locale),
		label: resolve(template.footer.label, data, locale),
		url: checkedActionUrl(template.footer.url(data))
	};

	const textBlocks = [
		...before,
		...(action ? [`${action.label}:\n${action.url}`] : []),
		...after,
		...(footer ? [`${footer.text}\n${footer.label}:\n${footer.url}`] : [])
	];
	const htmlBlocks = [
		...before.map(htmlParagraph),
		...(action ? [`<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>`] : []),
		...after.map(htmlParagraph),
		...(footer ? [`<p><small>${escapeHtml(footer.text)} <a href="${escapeHtml(footer.url)}">${escapeHtml(footer.label)}</a></small></p>`] : [])
	];

	return {
		subject,
		text: `${textBlocks.join('\n\n')}\n`,
		html: `${htmlHead(locale, subject)}\n${htmlBlocks.join('\n')}\n</body>\n</html>\n`,
		locale
	};
}

/** Keep in step with the verification token's lifetime: the mail promises this. */
export const emailVerificationHours = 24;

export const emailVerificationMail: MailTemplate<{ url: string }> = {
	subject: { nl: 'Bevestig je e-mailadres', en: 'Confirm your e-mail address' },
	paragraphs: [
		{ nl: 'Welkom bij brug!', en: 'Welcome to brug!' },
		{
			nl: 'Fijn dat je er bent. Wil je laten weten dat dit jouw e-mailadres is? Open dan de link hieronder.',
			en: "We're glad you're here. Please let us know this is your e-mail address by opening the link below."
		}
	],
	action: {
		label: { nl: 'Ja, dit is mijn e-mailadres', en: 'Yes, this is my e-mail address' },
		url: (data) => data.url
	},
	closing: [
		{
			nl: `De link werkt ${emailVerificationHours} uur.`,
			en: `The link works for ${emailVerificationHours} hours.`
		},
		{
			nl: 'Heb je je niet aangemeld bij brug? Dan kun je deze mail gewoon negeren. Er gebeurt dan niets.',
			en: "Didn't sign up for brug? Then you can simply ignore this e-mail. Nothing will happen."
		},
		{ nl: 'Hartelijke groet,\nbrug', en: 'Warm regards,\nbrug' }
	]
};
