import { describe, expect, it } from 'vitest';
import {
	emailVerificationHours,
	emailVerificationMail,
	escapeHtml,
	renderMail,
	type MailTemplate
} from './templates';

const url = 'https://brug.example.nl/nl/account/bevestig?token=AbC123_-xyz&locale=nl';

function count(haystack: string, needle: string): number {
	return haystack.split(needle).length - 1;
}

function httpUrls(html: string): string[] {
	return html.match(/https?:\/\/[^\s"'<>]*/gi) ?? [];
}

describe('escapeHtml', () => {
	it('escapes the five characters that matter in text and attribute values', () => {
		expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;'
		);
	});
	it('escapes an ampersand once, not twice, and leaves other text alone', () => {
		expect(escapeHtml('&amp; é ✓')).toBe('&amp;amp; é ✓');
	});
});

describe.each(['nl', 'en'] as const)('the e-mail verification mail in %s', (locale) => {
	const mail = renderMail(emailVerificationMail, { url }, locale);

	it('has a subject, plain text and HTML in that language', () => {
		expect(mail.locale).toBe(locale);
		expect(mail.subject).toBe(locale === 'nl' ? 'Bevestig je e-mailadres' : 'Confirm your e-mail address');
		expect(mail.text).toContain(locale === 'nl' ? 'Welkom bij brug!' : 'Welcome to brug!');
		expect(mail.text).toContain(`${emailVerificationHours} ${locale === 'nl' ? 'uur' : 'hours'}`);
		expect(mail.text).toContain(locale === 'nl' ? 'gewoon negeren' : 'simply ignore');
		expect(mail.html).toContain(`<html lang="${locale}">`);
		expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
		expect(mail.html).toContain(locale === 'nl' ? 'Hartelijke groet,<br>' : 'Warm regards,<br>');
	});

	it('shows the action URL exactly once in the text and once in the HTML', () => {
		expect(count(mail.text, url)).toBe(1);
		expect(mail.text).toMatch(new RegExp(`:\\n${url.replace(/[.?&]/g, '\\$&')}\\n`));
		expect(count(mail.html!, `href="${escapeHtml(url)}"`)).toBe(1);
		expect(count(mail.html!, escapeHtml(url))).toBe(1);
	});

	it('has no other web address, image or script in the HTML', () => {
		expect(httpUrls(mail.html!)).toEqual([escapeHtml(url)]);
		expect(mail.html).not.toMatch(/<img|<script|<link|src=|url\(/i);
		expect(count(mail.html!, '<a ')).toBe(1);
	});
});

describe('renderMail', () => {
	const greeting: MailTemplate<{ name: string; url: string }> = {
		subject: { nl: (data) => `Hoi ${data.name}`, en: (data) => `Hi ${data.name}` },
		paragraphs: [{ nl: (data) => `${data.name} nodigt je uit.`, en: (data) => `${data.name} invites you.` }],
		action: { label: { nl: 'Bekijk', en: 'View' }, url: (data) => data.url }
	};

	it('escapes data in the HTML and keeps it as written in the text', () => {
		const mail = renderMail(greeting, { name: '<script>"Ann" & \'Bo\'</script>', url }, 'nl');
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).toContain('&lt;script&gt;&quot;Ann&quot; &amp; &#39;Bo&#39;&lt;/script&gt; nodigt je uit.');
		expect(mail.text).toContain('<script>"Ann" & \'Bo\'</script> nodigt je uit.');
		expect(mail.subject).toBe('Hoi <script>"Ann" & \'Bo\'</script>');
	});

	it('refuses an action URL that is not an absolute http(s) URL', () => {
		for (const bad of ['javascript:alert(1)', 'data:text/html,hi', '/nl/account', 'mailto:a@example.nl']) {
			expect(() => renderMail(greeting, { name: 'Ann', url: bad }, 'en')).toThrow(/URL/);
		}
	});

	it('renders a mail without an action', () => {
		const mail = renderMail({ subject: { nl: 'Onderwerp', en: 'Subject' }, paragraphs: [] }, {}, 'en');
		expect(mail.subject).toBe('Subject');
		expect(httpUrls(mail.html!)).toEqual([]);
	});
});
