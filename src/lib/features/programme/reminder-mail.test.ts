import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/time';
import { fleschDouma } from '$lib/features/content/readability';
import { enrolmentOfStopToken, reminderMail, reminderMailHeaders, reminderStopToken, reminderVariant, reminderVariantCount } from './reminder-mail';
import { reminderKinds, type ReminderKind } from './reminders';

const key = 'a-derived-key-for-these-tests-only-xxxxxxxxxx';
const enrolmentId = '6f1c7d0e-2b8a-4c1e-9a57-0d2f3b4c5e6f';
const stopUrl = `https://brug.example.nl/nl/programma/herinneringen/${reminderStopToken(enrolmentId, key)}`;
const weekUrl = 'https://brug.example.nl/nl/programma/week/3';

const mailOf = (kind: ReminderKind, variant: number, locale: 'nl' | 'en' = 'nl') => reminderMail({ kind, week: 3, variant, weekUrl, stopUrl }, locale);

/** Words a kind reminder never uses: streaks, counts of missed days, blame, or what the programme is about. */
const forbidden = /streak|reeks|gemist|missed|vergeten|forgot|eenza|lonel|achter|behind|dagen niet|days without|\b\d+ dagen\b|\b\d+ days\b/i;

describe('the reminder mail', () => {
	it.each(reminderKinds)('has several wordings for %s, each with its own subject', (kind) => {
		expect(reminderVariantCount[kind]).toBeGreaterThanOrEqual(2);
		for (const locale of ['nl', 'en'] as const) {
			const subjects = new Set(Array.from({ length: reminderVariantCount[kind] }, (_, variant) => mailOf(kind, variant, locale).subject));
			expect(subjects.size).toBe(reminderVariantCount[kind]);
		}
	});

	it('is kind and short: no streaks, no counts of missed days, nothing about loneliness in the subject', () => {
		for (const kind of reminderKinds) {
			for (let variant = 0; variant < reminderVariantCount[kind]; variant++) {
				for (const locale of ['nl', 'en'] as const) {
					const mail = mailOf(kind, variant, locale);
					expect(mail.subject, mail.subject).not.toMatch(forbidden);
					expect(mail.subject).not.toMatch(/programm/i);
					expect(mail.text, mail.text).not.toMatch(forbidden);
					expect(mail.text.split(/\s+/).length).toBeLessThan(110);
					expect(mail.locale).toBe(locale);
				}
			}
		}
	});

	it('reads at B1 level in Dutch (Flesch-Douma at least 60, links left out)', () => {
		for (const kind of reminderKinds) {
			for (let variant = 0; variant < reminderVariantCount[kind]; variant++) {
				const mail = mailOf(kind, variant);
				const words = `${mail.subject}.\n${mail.text.replace(/https?:\/\/\S+/g, '')}`;
				expect(fleschDouma(words), words).toBeGreaterThanOrEqual(60);
			}
		}
	});

	it('links to the week and carries the stop link, in the text, the HTML and the one-click headers', () => {
		const mail = mailOf('week_start', 0);
		expect(mail.text).toContain(weekUrl);
		expect(mail.text).toContain(stopUrl);
		expect(mail.text).toContain('Stop de herinneringen');
		expect(mail.html).toContain(`href="${stopUrl}"`);
		expect(mail.html).toContain(`href="${weekUrl}"`);
		expect(mail.text).toContain('Week 3');
		expect(reminderMailHeaders(stopUrl)).toEqual({ 'List-Unsubscribe': `<${stopUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
		expect(mailOf('open_step', 1, 'en').text).toContain('Stop the reminders');
	});

	it('picks the wording from a stable hash of the enrolment and the day, and varies it from day to day', () => {
		expect(reminderVariant(enrolmentId, '2026-03-09', 'week_start')).toBe(reminderVariant(enrolmentId, '2026-03-09', 'week_start'));
		const days = Array.from({ length: 30 }, (_, n) => addDays('2026-03-01', n));
		for (const kind of reminderKinds) {
			const used = new Set(days.map((day) => reminderVariant(enrolmentId, day, kind)));
			expect(used.size).toBe(reminderVariantCount[kind]);
			for (const variant of used) expect(variant).toBeLessThan(reminderVariantCount[kind]);
		}
	});
});

describe('the stop token', () => {
	const token = reminderStopToken(enrolmentId, key);

	it('names its enrolment and is accepted only with the key it was made with', () => {
		expect(token.startsWith(`${enrolmentId}.`)).toBe(true);
		expect(enrolmentOfStopToken(token, key)).toBe(enrolmentId);
		expect(enrolmentOfStopToken(token, `${key}-other`)).toBeNull();
	});

	it('refuses a token for another enrolment, a changed MAC and anything malformed', () => {
		const [, mac] = token.split('.') as [string, string];
		const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
		const wrong = [
			`${enrolmentId.replace('6f1c', '7f1c')}.${mac}`,
			`${enrolmentId}.${flipped}`,
			`${enrolmentId}.${mac.slice(1)}`,
			enrolmentId,
			'',
			`${enrolmentId}.${mac}.extra`,
			`../${enrolmentId}.${mac}`
		];
		for (const candidate of wrong) expect(enrolmentOfStopToken(candidate, key), candidate).toBeNull();
	});

	it('refuses to make a token for something that is not an id', () => {
		expect(() => reminderStopToken('a.b', key)).toThrow(RangeError);
		expect(() => reminderStopToken('', key)).toThrow(RangeError);
	});
});
