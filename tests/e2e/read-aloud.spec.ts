/**
 * "Lees voor": the page reads its text aloud with the browser's own speech, one sentence per utterance, with a voice
 * on the device; pause, slower and stop work; without JavaScript there is no button, and pages that must stay free
 * of JavaScript do not load the script. axe checks each page with the buttons showing.
 *
 * The browser's speech is observed, not the app faked: an init script records every call the page makes to
 * speechSynthesis instead of speaking. Debian's headless Chromium has no voices, so it also offers one Dutch voice on
 * the device, as a phone has (a plain object, so the utterance's `voice` property is made to accept it).
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support';

type Said = { text: string; lang: string; rate: number; voice: string };
type Speech = { said: Said[]; calls: string[] };

async function listenToSpeech(page: Page, voiceLang: string): Promise<void> {
	await page.addInitScript((lang) => {
		const speech: Speech = { said: [], calls: [] };
		(window as unknown as { speech: Speech }).speech = speech;
		const voice = { name: `Toestel ${lang}`, lang, localService: true, default: true, voiceURI: `device-${lang}` };
		const voices = new WeakMap<object, unknown>();
		Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', {
			configurable: true,
			get() {
				return voices.get(this) ?? null;
			},
			set(value: unknown) {
				voices.set(this, value);
			}
		});
		const synth = window.speechSynthesis;
		synth.getVoices = () => [voice as unknown as SpeechSynthesisVoice];
		synth.speak = (utterance) => {
			const { text, lang: uttered, rate } = utterance;
			// The rate is a 32-bit float in the browser (0.85 reads back as 0.8500000238…).
			speech.said.push({ text, lang: uttered, rate: Math.round(rate * 100) / 100, voice: utterance.voice?.name ?? '' });
		};
		for (const call of ['pause', 'resume', 'cancel'] as const) synth[call] = () => void speech.calls.push(call);
	}, voiceLang);
}

const speechOf = (page: Page) => page.evaluate(() => (window as unknown as { speech: Speech }).speech);

test.describe('read aloud, JavaScript on', () => {
	test('an exercise and a content page are read per sentence, with pause, slower and stop', async ({ page }) => {
		await listenToSpeech(page, 'nl-NL');
		await page.goto('/nl/oefeningen/ademen');
		const controls = page.getByRole('group', { name: 'Voorlezen' });
		const readAloud = controls.getByRole('button', { name: 'Lees voor' });
		const box = await readAloud.boundingBox();
		expect(box?.width).toBeGreaterThanOrEqual(44);
		expect(box?.height).toBeGreaterThanOrEqual(44);

		// By keyboard: one utterance per sentence, first sentence first, in Dutch, at normal speed.
		await readAloud.focus();
		await page.keyboard.press('Enter');
		const pause = controls.getByRole('button', { name: 'Pauze' });
		await expect(pause).toBeFocused();
		let speech = await speechOf(page);
		expect(speech.said[0]).toEqual({ text: 'Rustig ademen geeft je hoofd even pauze.', lang: 'nl-NL', rate: 1, voice: 'Toestel nl-NL' });
		expect(speech.said[1]?.text).toBe('Je lichaam komt tot rust.');
		expect(speech.said.length).toBeGreaterThanOrEqual(3);
		await expectNoAxeViolations(page);

		await pause.click();
		await controls.getByRole('button', { name: 'Verder' }).click();
		speech = await speechOf(page);
		expect(speech.calls.slice(-2)).toEqual(['pause', 'resume']);

		// Slower reads the current sentence again at 0.85, and the choice is kept for the next page.
		const before = speech.said.length;
		const slower = controls.getByRole('button', { name: 'Langzamer' });
		await slower.click();
		await expect(slower).toHaveAttribute('aria-pressed', 'true');
		speech = await speechOf(page);
		expect(speech.said[before]).toMatchObject({ text: 'Rustig ademen geeft je hoofd even pauze.', rate: 0.85 });

		const cancelsBefore = speech.calls.filter((call) => call === 'cancel').length;
		await controls.getByRole('button', { name: 'Stop' }).click();
		await expect(readAloud).toBeFocused();
		await expect(pause).toBeHidden();
		speech = await speechOf(page);
		expect(speech.calls.filter((call) => call === 'cancel').length).toBeGreaterThan(cancelsBefore);

		await page.goto('/nl/over');
		await page.getByRole('button', { name: 'Lees voor' }).click();
		await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
		expect((await speechOf(page)).said[0]).toEqual({
			text: 'Je eenzaam voelen is een signaal, net als honger of dorst.',
			lang: 'nl-NL',
			rate: 0.85,
			voice: 'Toestel nl-NL'
		});
	});

	test('each question has its button, and without a Dutch voice a hint says how to add one', async ({ page }) => {
		await listenToSpeech(page, 'en-GB');
		await page.goto('/nl/patronen');
		const first = page.getByRole('group', { name: /^Uitspraak 1 van 27\b/ });
		await expect(page.getByRole('button', { name: 'Lees voor' })).toHaveCount(27);
		await first.getByRole('button', { name: 'Lees voor' }).click();
		await expect(first.getByRole('status')).toHaveText(/Je apparaat heeft geen Nederlandse stem\. Voeg er een toe/);
		expect((await speechOf(page)).said).toEqual([]);
		await expectNoAxeViolations(page);
	});
});

test.describe('read aloud, JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test('there is no button, and pages free of JavaScript do not load the script', async ({ page }) => {
		await page.goto('/nl/oefeningen/ademen');
		await expect(page.getByRole('heading', { level: 1, name: 'Twee minuten ademen' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Lees voor' })).toHaveCount(0);
		await expectNoAxeViolations(page);

		for (const path of ['/nl/test', '/nl/hulp', '/nl/oefeningen', '/nl/stappen', '/nl/account/inloggen']) {
			const html = await (await page.request.get(path)).text();
			expect(html, path).not.toContain('lees-voor.js');
		}
	});
});
