/**
 * The conversation view and the rating grid, JavaScript on and off, axe on every page: a client shares their health
 * web (an identical second save is refused); the professional rates self-sufficiency in the grid, and the same rating
 * saved again within the minute is refused; the form starts empty after a save with the previous level beside each
 * row. Turned towards the client, the conversation view shows the web beside the rating in plain words and leaves out
 * the professional's notes and jargon.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';
import { inviteProfessional, setUpOrganisation } from './organisations';

const password = 'een lang wachtwoord';
const areas = ['Lichaamsfuncties', 'Mentaal welbevinden', 'Zingeving', 'Kwaliteit van leven', 'Meedoen', 'Dagelijks functioneren'];

async function newPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
	return context.newPage();
}

async function fillWeb(page: Page) {
	await waitForPage(page);
	for (const [i, area] of areas.entries()) {
		await page.getByRole('group', { name: new RegExp(`^${area}`) }).getByRole('radio', { name: String([6, 5, 6, 6, 3, 7][i]), exact: true }).check();
	}
	await page.getByRole('group', { name: /^Meedoen/ }).getByRole('checkbox', { name: 'Hier wil ik over praten' }).check();
	await page.getByRole('button', { name: 'Bewaar mijn web' }).click();
}

async function rateSocialNetwork(page: Page) {
	await waitForPage(page);
	const row = page.getByRole('group', { name: /^Sociaal netwerk/ });
	await row.getByRole('radio', { name: /^4:/ }).check();
	await row.locator('summary').click();
	await row.getByLabel('Waar komt de kracht vandaan?').selectOption({ label: 'netwerk' });
	await row.getByLabel(/^Notitie/).fill('Zus komt vaak langs.');
	await page.getByRole('button', { name: 'Bewaar inschatting' }).click();
}

async function expectNoSidewaysScroll(page: Page) {
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
	expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`conversation view and rating grid, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(120_000);

		test('the grid saves once and refuses a repeat; the view for the client shows the web beside the rating', async ({ page, browser }, testInfo) => {
			const admin = await newPage(browser, javaScriptEnabled);
			const professional = await newPage(browser, javaScriptEnabled);
			await setUpOrganisation(admin, { organisation: `Wijkteam ${Date.now()}`, name: 'Ina Beheer', email: uniqueAddress('ina'), password });
			await inviteProfessional(admin, professional, { name: 'Joris Smit', email: uniqueAddress('joris'), password });
			await professional.getByRole('link', { name: 'Iemand uitnodigen' }).click();
			await professional.getByRole('button', { name: 'Code maken' }).click();
			const code = (await professional.locator('.code').textContent())!.trim();

			await signUpAndConfirm(page, uniqueAddress('lotte'), password);
			await page.goto(`/nl/account/koppelen?code=${code}`);
			await page.getByRole('checkbox', { name: /^Mijn gezondheidsweb/ }).check();
			await page.getByLabel(/Hoe mag deze persoon je noemen/).fill('Lotte');
			await page.getByRole('button', { name: 'Ja, koppelen en dit delen' }).click();
			await expect(page.getByText('Je bent gekoppeld. Hieronder zie je wat je deelt.')).toBeVisible();

			// The client's web; the same web again within the minute is refused.
			await page.goto('/nl/gezondheidsweb');
			await fillWeb(page);
			await expect(page.getByText('Je web is bewaard. Hieronder zie je het.')).toBeVisible();
			await fillWeb(page);
			await expect(page.getByText('Dit web heb je net al bewaard. Het staat er één keer.')).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Je webben' }).locator('xpath=..').getByRole('listitem')).toHaveCount(1);
			await expectNoAxeViolations(page);

			// The grid: saved once, then empty again with the level beside the row; the same rating again is refused.
			await professional.goto('/nl/werk/clienten');
			await professional.getByRole('link', { name: 'Lotte' }).click();
			await professional.getByRole('link', { name: 'Zelfredzaamheid' }).click();
			await expect(professional.getByRole('heading', { level: 1, name: /^Zelfredzaamheid/ })).toBeVisible();
			await expect(professional.locator('form.rating-grid fieldset')).toHaveCount(13);
			if (testInfo.project.name === 'chromium') {
				// Thirteen domains by five levels, with the head, on one desktop screen (1280 × 900).
				const head = await professional.locator('.grid-head').boundingBox();
				const last = await professional.locator('form.rating-grid fieldset').last().boundingBox();
				expect(last!.y + last!.height - head!.y).toBeLessThanOrEqual(900);
			}
			await expectNoSidewaysScroll(professional);
			await expectNoAxeViolations(professional);
			await rateSocialNetwork(professional);
			await expect(professional.getByText('Je inschatting is bewaard.')).toBeVisible();
			const row = professional.getByRole('group', { name: /^Sociaal netwerk/ });
			await expect(row.getByRole('radio', { name: 'Overslaan' })).toBeChecked();
			await expect(row).toContainText(/Vorige keer 4, /);
			await rateSocialNetwork(professional);
			await expect(professional.getByText('Deze inschatting heb je net al bewaard. Hij staat er één keer.')).toBeVisible();
			await expect(professional.getByRole('row', { name: /^Sociaal netwerk 4 / })).not.toContainText('→');
			await expectNoAxeViolations(professional);

			// The conversation view, then turned towards the client.
			await professional.getByRole('link', { name: /^← Lotte/ }).click();
			await professional.getByRole('link', { name: 'Gesprek', exact: true }).click();
			await expect(professional.getByRole('img', { name: /^Het web van Lotte naast jouw inschatting/ })).toBeVisible();
			await expect(professional.getByText('Lotte wil hierover praten').first()).toBeVisible();
			await expectNoAxeViolations(professional);
			await professional.getByRole('link', { name: 'Toon aan cliënt' }).click();
			await expect(professional.getByRole('heading', { level: 1, name: 'Zo zien we het samen' })).toBeVisible();
			const picture = professional.getByRole('img', { name: /^Jouw web naast wat je begeleider ziet/ });
			await expect(picture).toBeVisible();
			await expect(picture.getByText('Hier wil je over praten')).toBeVisible();
			await expect(picture.getByText('Jij: 3 van 10')).toBeVisible();
			await expect(picture.getByText('Sociaal netwerk: lukt goed')).toBeVisible();
			await expect(picture.getByText('≠ Hier zien we het anders')).toBeVisible();
			// Marked first: Meedoen is the first area drawn.
			await expect(picture.locator('text.heading').first()).toHaveText('Meedoen');
			// Nothing for the professional only: no note, no link to the notes, no codes or scales.
			await expect(professional.getByText('Zus komt vaak langs.')).toHaveCount(0);
			await expect(professional.getByRole('link', { name: 'Gespreksnotities' })).toHaveCount(0);
			await expect(professional.locator('main')).not.toContainText(/\(\d+,\d\)|0–10|niveau|cliënt ziet het/);
			await expectNoSidewaysScroll(professional);
			await expectNoAxeViolations(professional);

			await admin.context().close();
			await professional.context().close();
		});
	});
}
