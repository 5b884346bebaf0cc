/**
 * A person starts the eight-week programme alone: the invitation, the start with a reminder choice, week 0 (its
 * measurement, the exercise marked done, the look back), the weeks' states, pause and resume, a week that is not
 * open yet, the plan for next time (printable), the overview's card, and stopping (asked first). Once in Dutch with
 * JavaScript on and once in English with JavaScript off; axe on every page. Weeks 1 and later open by the calendar,
 * which the unit tests of the schedule pin; this journey stays with week 0.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';

const password = 'een lang wachtwoord';

const copy = {
	nl: {
		programme: '/nl/programma',
		plan: '/nl/programma/plan',
		week: (n: number | string) => `/nl/programma/week/${n}`,
		overview: '/nl/overzicht',
		title: 'Het programma: acht weken',
		connect: 'Koppel je begeleider',
		weekStart: 'Ja, als er een nieuwe week begint',
		start: 'Begin met het programma',
		started: 'Fijn dat je begint. Week 0 staat voor je klaar.',
		goToWeek0: 'Ga naar Week 0',
		week0: 'Welkom: zo gaan de komende weken',
		item: (n: number) => `Uitspraak ${n} van 11`,
		no: 'nee',
		notAll: 'Nog niet alles is ingevuld',
		measure: 'Bewaar mijn antwoorden',
		measured: 'Dank je wel. Je antwoorden zijn bewaard.',
		result: 'Jouw uitslag',
		exerciseDone: 'Ik deed de oefening',
		itemSaved: 'Bewaard. Goed van je.',
		notDone: /^Toch nog niet gedaan/,
		wentWell: 'Wat ging goed?',
		saveCheckIn: 'Bewaar mijn terugblik',
		textMissing: 'Schrijf hier een paar woorden.',
		checkInSaved: 'Je terugblik is bewaard.',
		onlyYou: 'Alleen jij leest dit.',
		done: 'Gedaan',
		opensOn: /Gaat open op/,
		pause: 'Pauzeren',
		paused: 'Je programma staat op pauze. Kom terug wanneer je wilt.',
		resume: 'Verder gaan',
		resumed: 'Fijn dat je er weer bent.',
		notOpen: 'Deze week is nog niet open',
		planTitle: 'Mijn plan voor de volgende keer',
		earlySigns: 'Hoe merk ik dat het minder gaat?',
		whatHelps: 'Wat helpt mij dan?',
		whom: 'Met wie neem ik dan contact op?',
		step: 'Loop elke dag hetzelfde rondje door je buurt',
		savePlan: 'Bewaar mijn plan',
		planSaved: 'Je plan is bewaard.',
		cardTitle: 'Het programma',
		cardWeek: /Deze week: Week 0, Welkom/,
		cardGo: 'Ga naar deze week',
		stop: 'Stoppen met het programma',
		stopExplain: /blijft bewaard tot je het zelf verwijdert/,
		stopYes: 'Ja, stoppen',
		stopped: 'Je bent gestopt. Wat je deed, blijft bewaard.',
		restart: 'Opnieuw beginnen',
		viewPlan: 'Bekijk mijn plan',
		texts: { signs: 'Ik blijf vaker binnen.', helps: 'Een rondje lopen.', whom: 'Mijn zus Els.', wentWell: 'Ik zwaaide naar de buurvrouw.' }
	},
	en: {
		programme: '/en/programme',
		plan: '/en/programme/plan',
		week: (n: number | string) => `/en/programme/week/${n}`,
		overview: '/en/overview',
		title: 'The programme: eight weeks',
		connect: 'Connect your counsellor',
		weekStart: 'Yes, when a new week starts',
		start: 'Start the programme',
		started: 'Good to have you. Week 0 is ready for you.',
		goToWeek0: 'Go to Week 0',
		week0: 'Welcome: what the coming weeks look like',
		item: (n: number) => `Statement ${n} of 11`,
		no: 'no',
		notAll: 'Not everything is filled in yet',
		measure: 'Save my answers',
		measured: 'Thank you. Your answers are saved.',
		result: 'Your result',
		exerciseDone: 'I did the exercise',
		itemSaved: 'Saved. Well done.',
		notDone: /^Not done after all/,
		wentWell: 'What went well?',
		saveCheckIn: 'Save my look back',
		textMissing: 'Write a few words here.',
		checkInSaved: 'Your look back is saved.',
		onlyYou: 'Only you read this.',
		done: 'Done',
		opensOn: /Opens on/,
		pause: 'Pause',
		paused: 'Your programme is paused. Come back whenever you like.',
		resume: 'Carry on',
		resumed: 'Good to see you back.',
		notOpen: 'This week is not open yet',
		planTitle: 'My plan for next time',
		earlySigns: 'How do I notice that things are going less well?',
		whatHelps: 'What helps me then?',
		whom: 'Whom do I contact then?',
		step: 'Walk the same loop through your neighbourhood every day',
		savePlan: 'Save my plan',
		planSaved: 'Your plan is saved.',
		cardTitle: 'The programme',
		cardWeek: /This week: Week 0, Welcome/,
		cardGo: 'Go to this week',
		stop: 'Stop the programme',
		stopExplain: /is kept until you delete it yourself/,
		stopYes: 'Yes, stop',
		stopped: 'You have stopped. What you did is kept.',
		restart: 'Start again',
		viewPlan: 'View my plan',
		texts: { signs: 'I stay inside more.', helps: 'A short walk.', whom: 'My sister Ellen.', wentWell: 'I waved at my neighbour.' }
	}
} as const;

type Copy = (typeof copy)[keyof typeof copy];

async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await waitForPage(page);
}

for (const [locale, javaScriptEnabled] of [
	['nl', true],
	['en', false]
] as const) {
	const t: Copy = copy[locale];
	test.describe(`the programme alone, ${locale}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(150_000);

		test('start alone, week 0 with its measurement and look back, pause, the plan, stop', async ({ page }) => {
			await signUpAndConfirm(page, uniqueAddress('programma'), password);

			// The invitation: what it is, a way to a counsellor, and the reminder choice (week start by default).
			await open(page, t.programme);
			await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
			await expect(page.getByRole('link', { name: t.connect })).toBeVisible();
			await expect(page.getByRole('radio', { name: t.weekStart })).toBeChecked();
			await expectNoAxeViolations(page);
			await page.getByRole('button', { name: t.start }).click();
			await expect(page.getByText(t.started)).toBeVisible();
			await expectNoAxeViolations(page);

			// This week first: week 0. Opening a week is recorded, so pointing at its link must not load it.
			const weekLink = page.getByRole('link', { name: t.goToWeek0 });
			const dataFetched: string[] = [];
			const watch = (request: { url(): string }) => void (request.url().includes('/__data.json') && dataFetched.push(request.url()));
			page.on('request', watch);
			await weekLink.hover();
			await page.waitForTimeout(300);
			page.off('request', watch);
			expect(dataFetched, 'hovering over a week link loaded its data').toEqual([]);
			await weekLink.click();
			await expect(page.getByRole('heading', { level: 1, name: t.week0 })).toBeVisible();
			await waitForPage(page);
			await expectNoAxeViolations(page);

			// The first measurement: nothing answered is refused with a clear message, then all eleven are kept.
			await page.getByRole('button', { name: t.measure }).click();
			await expect(page.getByRole('heading', { name: t.notAll })).toBeVisible();
			for (let n = 1; n <= 11; n++) {
				await page
					.getByRole('group', { name: new RegExp(`^${t.item(n)}\\b`) })
					.getByRole('radio', { name: t.no, exact: true })
					.check();
			}
			await page.getByRole('button', { name: t.measure }).click();
			await expect(page.getByText(t.measured)).toBeVisible();
			await expect(page.getByRole('heading', { level: 2, name: t.result })).toBeVisible();
			await expectNoAxeViolations(page);

			// The exercise done; the look back needs a few words, and nobody else reads it.
			await page.getByRole('button', { name: t.exerciseDone }).click();
			await expect(page.getByText(t.itemSaved)).toBeVisible();
			await expect(page.getByRole('button', { name: t.notDone })).toBeVisible();
			await expect(page.getByText(t.onlyYou)).toBeVisible();
			await page.getByRole('button', { name: t.saveCheckIn }).click();
			await expect(page.locator('.field-error', { hasText: t.textMissing })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByLabel(t.wentWell).fill(t.texts.wentWell);
			await page.getByRole('button', { name: t.saveCheckIn }).click();
			await expect(page.getByText(t.checkInSaved)).toBeVisible();
			await expect(page.getByLabel(t.wentWell)).toHaveValue(t.texts.wentWell);

			// The weeks in words: week 0 done, week 1 opens on a day; pause and carry on.
			await open(page, t.programme);
			const weeks = page.getByRole('list').filter({ has: page.getByText(t.week0) });
			await expect(weeks.getByRole('listitem').first()).toContainText(t.done);
			await expect(weeks.getByRole('listitem').nth(1)).toContainText(t.opensOn);
			await page.getByRole('button', { name: t.pause }).click();
			await expect(page.getByText(t.paused)).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('button', { name: t.resume }).click();
			await expect(page.getByText(t.resumed)).toBeVisible();

			// A week that is not open yet says so; a week that does not exist is not found.
			await open(page, t.week(1));
			await expect(page.getByRole('heading', { level: 2, name: t.notOpen })).toBeVisible();
			await expectNoAxeViolations(page);
			expect((await page.goto(t.week(10)))?.status()).toBe(404);
			expect((await page.goto(t.week('abc')))?.status()).toBe(404);

			// The plan for next time: three short texts and a small step; printed without menu or buttons.
			await open(page, t.plan);
			await expect(page.getByRole('heading', { level: 1, name: t.planTitle })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByLabel(t.earlySigns).fill(t.texts.signs);
			await page.getByLabel(t.whatHelps).fill(t.texts.helps);
			await page.getByLabel(t.whom).fill(t.texts.whom);
			await page.getByRole('checkbox', { name: t.step }).check();
			await page.getByRole('button', { name: t.savePlan }).click();
			await expect(page.getByText(t.planSaved)).toBeVisible();
			const plan = page.locator('.plan');
			await expect(plan.getByText(t.texts.signs)).toBeVisible();
			await expect(plan.getByText(t.texts.whom)).toBeVisible();
			await expect(plan.getByRole('listitem').filter({ hasText: t.step })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.emulateMedia({ media: 'print' });
			await expect(page.getByRole('navigation')).toBeHidden();
			await expect(page.getByRole('button', { name: t.savePlan })).toBeHidden();
			await expect(plan.getByText(t.texts.helps)).toBeVisible();
			await page.emulateMedia({ media: 'screen' });

			// The overview: this week and a way to it.
			await open(page, t.overview);
			const card = page.getByRole('region', { name: t.cardTitle, exact: true });
			await expect(card.getByText(t.cardWeek)).toBeVisible();
			await expect(card.getByRole('link', { name: t.cardGo })).toBeVisible();
			await expectNoAxeViolations(page);

			// Stopping asks first and says the data stays; then the plan stays on the overview.
			await open(page, t.programme);
			await page.getByRole('link', { name: t.stop }).click();
			await expect(page.getByText(t.stopExplain)).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('button', { name: t.stopYes }).click();
			await expect(page.getByText(t.stopped)).toBeVisible();
			await expect(page.getByRole('heading', { level: 2, name: t.restart })).toBeVisible();
			await expectNoAxeViolations(page);
			await open(page, t.overview);
			const planCard = page.getByRole('region', { name: t.planTitle });
			await expect(planCard.getByRole('link', { name: t.viewPlan })).toBeVisible();
		});
	});
}
