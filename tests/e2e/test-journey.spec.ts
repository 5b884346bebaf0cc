/**
 * The anonymous loneliness test, as a person does it: in Dutch and English, with JavaScript on and off,
 * with unanswered items, and to the end with every page checked by axe.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { expectFitsAtDoubleText } from './text-size';

const copy = {
	nl: {
		title: 'De eenzaamheidstest',
		item: (n: number) => `Uitspraak ${n} van 11`,
		yes: 'ja',
		no: 'nee',
		submit: 'Bekijk mijn uitslag',
		errors: 'Nog niet alles is ingevuld',
		missing: 'Kies een antwoord bij deze uitspraak.',
		result: 'Jouw uitslag',
		resultPath: /\/nl\/test\/uitslag$/,
		clear: 'Wis mijn antwoorden',
		cleared: 'Je antwoorden zijn gewist uit deze browser.',
		noResult: 'Hier staat nog geen uitslag',
		notLonely: 'Je voelt je op dit moment niet eenzaam.',
		verySevere: 'Je voelt je op dit moment zeer sterk eenzaam.',
		help: 'Je hoeft dit niet alleen te dragen'
	},
	en: {
		title: 'The loneliness test',
		item: (n: number) => `Statement ${n} of 11`,
		yes: 'yes',
		no: 'no',
		submit: 'Show my result',
		errors: 'Not everything is filled in yet',
		missing: 'Choose an answer for this statement.',
		result: 'Your result',
		resultPath: /\/en\/test\/result$/,
		clear: 'Clear my answers',
		cleared: 'Your answers have been cleared from this browser.',
		noResult: 'There is no result here yet',
		notLonely: 'You are not feeling lonely at the moment.',
		verySevere: 'You are feeling very severely lonely at the moment.',
		help: 'You do not have to carry this alone'
	}
} as const;

// DJG-11 in presentation order: positive (social) items 1, 4, 7, 8, 11.
const positiveItems = new Set([1, 4, 7, 8, 11]);

async function answer(page: Page, locale: 'nl' | 'en', item: number, option: string) {
	await page
		.getByRole('group', { name: new RegExp(`^${copy[locale].item(item)}\\b`) })
		.getByRole('radio', { name: option, exact: true })
		.check();
}

/** Lonely on every item (11 points) or on none (0 points). */
async function answerAll(page: Page, locale: 'nl' | 'en', lonely: boolean, from = 1) {
	const { yes, no } = copy[locale];
	for (let item = from; item <= 11; item++) {
		const lonelyAnswer = positiveItems.has(item) ? no : yes;
		const notLonelyAnswer = positiveItems.has(item) ? yes : no;
		await answer(page, locale, item, lonely ? lonelyAnswer : notLonelyAnswer);
	}
}

for (const javaScriptEnabled of [true, false]) {
	for (const locale of ['nl', 'en'] as const) {
		test.describe(`test in ${locale}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
			test.use({ javaScriptEnabled });
			const t = copy[locale];

			test('unanswered items get a message each, and given answers stay', async ({ page }) => {
				await page.goto(`/${locale}/test`);
				await waitForPage(page);
				await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
				await expectNoAxeViolations(page);

				await answer(page, locale, 1, t.yes);
				await answer(page, locale, 2, t.no);
				await page.getByRole('button', { name: t.submit }).click();

				await expect(page.getByRole('heading', { name: t.errors })).toBeVisible();
				await expect(page.getByText(t.missing)).toHaveCount(9);
				const first = page.getByRole('group', { name: new RegExp(`^${t.item(1)}\\b`) });
				await expect(first.getByRole('radio', { name: t.yes, exact: true })).toBeChecked();
				await expect(page.getByRole('group', { name: new RegExp(`^${t.item(2)}\\b`) }).getByRole('radio', { name: t.no, exact: true })).toBeChecked();
				await expectNoAxeViolations(page);

				// Finish the rest: now a result, not lonely.
				await answerAll(page, locale, false, 3);
				await answer(page, locale, 1, t.yes);
				await page.getByRole('button', { name: t.submit }).click();
				await expect(page.getByRole('heading', { name: t.result, exact: true })).toBeVisible();
			});

			test('a very severe result shows the help block prominently', async ({ page }) => {
				await page.goto(`/${locale}/test`);
				await waitForPage(page);
				await answerAll(page, locale, true);
				await page.getByRole('button', { name: t.submit }).click();
				await expect(page.getByRole('heading', { name: t.result, exact: true })).toBeVisible();
				await expect(page.getByText(t.verySevere)).toBeVisible();
				const help = page.getByRole('region', { name: t.help });
				await expect(help).toBeVisible();
				await expect(help).toContainText('113');
				await expect(help).toContainText('088 0767 000');
				await expectNoAxeViolations(page);
			});

			test('a result without loneliness has next steps, and survives a detour, Back and reload', async ({ page }) => {
				await page.goto(`/${locale}/test`);
				await waitForPage(page);
				await answerAll(page, locale, false);
				await page.getByRole('button', { name: t.submit }).click();
				// Post, then redirect: the result has its own address, read with a GET.
				await expect(page).toHaveURL(t.resultPath);
				await expect(page.getByText(t.notLonely)).toBeVisible();
				await expect(page.getByRole('region', { name: t.help })).toHaveCount(0);
				await expect(page.locator('.next-steps li')).toHaveCount(3);
				await expectNoAxeViolations(page);

				// Each next step is a link to where it can be done; the last one is an exercise.
				await expect(page.locator('.next-steps li a')).toHaveCount(3);
				await page.locator('.next-steps li a').last().click();
				await expect(page).toHaveURL(/\/(oefeningen\/vriendelijke-momenten|exercises\/kind-moments)$/);
				await page.goBack();
				await expect(page).toHaveURL(t.resultPath);
				await expect(page.getByText(t.notLonely)).toBeVisible();

				// A reload reads the result again: a GET, never the form posted a second time.
				const reload = page.waitForRequest((request) => request.isNavigationRequest());
				await page.reload();
				expect((await reload).method()).toBe('GET');
				await expect(page.getByText(t.notLonely)).toBeVisible();

				// On a shared device the answers can be cleared; then the page says so kindly.
				await page.getByRole('button', { name: t.clear }).click();
				await expect(page.getByText(t.cleared)).toBeVisible();
				await page.goto(page.url().replace(/\?.*$/, ''));
				await expect(page.getByRole('heading', { name: t.noResult })).toBeVisible();
				await expectNoAxeViolations(page);
			});
		});
	}
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`keyboard only, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test('the whole test with the keyboard', async ({ page }) => {
			await page.goto('/nl/test');
			await waitForPage(page);

			// The skip link comes first and moves focus to the main content.
			await page.keyboard.press('Tab');
			await expect(page.getByRole('link', { name: 'Ga naar de inhoud' })).toBeFocused();

			// Tab to the first answer, then per item: Space picks the focused option, Tab goes to the next item.
			for (let i = 0; i < 40; i++) {
				await page.keyboard.press('Tab');
				if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'q1')) break;
			}
			for (let item = 1; item <= 11; item++) {
				const name = await page.evaluate(() => (document.activeElement as HTMLInputElement).name);
				expect(name).toBe(`q${item}`);
				// First option is "ja"; ArrowRight moves to "min of meer" and selects it.
				if (item % 2 === 0) await page.keyboard.press('ArrowRight');
				else await page.keyboard.press('Space');
				await page.keyboard.press('Tab');
			}
			await expect(page.getByRole('button', { name: 'Bekijk mijn uitslag' })).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(page.getByRole('heading', { name: 'Jouw uitslag', exact: true })).toBeVisible();
			// Items: odd → ja, even → min of meer. Lonely points: negative items 2,3,5,6,9,10 all count (ja or min of meer);
			// positive items 1,7,11 "ja" → 0, 4,8 "min of meer" → 1. Total 8: moderately lonely.
			await expect(page.getByText('Je voelt je op dit moment matig eenzaam.')).toBeVisible();
			await expectNoAxeViolations(page);
		});
	});
}

test('at 200% text the test, its result and the help page fit a phone without sideways scrolling', async ({ page }) => {
	await page.goto('/nl/test');
	await expectFitsAtDoubleText(page);
	await answerAll(page, 'nl', true);
	await page.getByRole('button', { name: copy.nl.submit }).click();
	await expect(page.getByText(copy.nl.verySevere)).toBeVisible();
	await expectFitsAtDoubleText(page);
	await page.goto('/nl/hulp');
	await expectFitsAtDoubleText(page);
});
