/**
 * Consent to a team, JavaScript on and off, axe on every page: a person connects with one professional and
 * lets their colleagues in too; a colleague then sees the client, and the client page says the whole team shares it.
 * The person narrows it to only that professional, and the colleague loses the client at once.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';
import { inviteProfessional, setUpOrganisation } from './organisations';

const password = 'een lang wachtwoord';

async function newPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
	return context.newPage();
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`consent to a team, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(90_000);

		test('a colleague sees the client only while the person shares with the team', async ({ page, browser }) => {
			const organisation = `Buurtteam ${Date.now()}`;
			const admin = await newPage(browser, javaScriptEnabled);
			const joris = await newPage(browser, javaScriptEnabled);
			const fleur = await newPage(browser, javaScriptEnabled);
			await setUpOrganisation(admin, { organisation, name: 'Ina Beheer', email: uniqueAddress('ina'), password });
			await inviteProfessional(admin, joris, { name: 'Joris Smit', email: uniqueAddress('joris'), password });
			await inviteProfessional(admin, fleur, { name: 'Fleur Bos', email: uniqueAddress('fleur'), password });
			await joris.getByRole('link', { name: 'Iemand uitnodigen' }).click();
			await joris.getByRole('button', { name: 'Code maken' }).click();
			const code = (await joris.locator('.code').textContent())!.trim();

			// The person chooses the team; "only Joris" is what stands unless they choose.
			await signUpAndConfirm(page, uniqueAddress('mies'), password);
			await page.goto(`/nl/account/koppelen?code=${code}`);
			const audience = page.getByRole('group', { name: 'Wie mag dit zien?' });
			await expect(audience.getByRole('radio', { name: /^Alleen Joris Smit/ })).toBeChecked();
			await expectNoAxeViolations(page);
			await page.getByRole('checkbox', { name: /^Mijn uitslagen/ }).check();
			await audience.getByRole('radio', { name: new RegExp(`^Joris Smit en collega’s bij ${organisation}`) }).check();
			await page.getByLabel(/Hoe mag deze persoon je noemen/).fill('Mies');
			await page.getByRole('button', { name: 'Ja, koppelen en dit delen' }).click();
			await expect(page.getByText('Je bent gekoppeld. Hieronder zie je wat je deelt.')).toBeVisible();
			await expect(page.getByRole('heading', { level: 2, name: `Joris Smit en team, ${organisation}` })).toBeVisible();
			await expectNoAxeViolations(page);

			// Fleur, Joris's colleague, now sees Mies; the client page says the whole team shares it.
			await fleur.goto('/nl/werk/clienten');
			await fleur.getByRole('link', { name: 'Mies' }).click();
			await expect(fleur.getByText('Mies deelt dit met jouw hele team. Je collega’s zien hetzelfde als jij.')).toBeVisible();
			await expectNoAxeViolations(fleur);
			const clientPage = fleur.url();
			// Her read is in Mies's access log, by name.
			await page.goto('/nl/account/inzage');
			await expect(page.locator('summary', { hasText: /^Fleur Bos .* bekeek op / }).first()).toBeVisible();

			// Mies narrows it to only Joris: Fleur loses her at once, Joris keeps her.
			await page.goto('/nl/account/delen');
			await page.getByRole('group', { name: 'Wie mag dit zien?' }).getByRole('radio', { name: /^Alleen Joris Smit/ }).check();
			await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
			await expect(page.getByRole('heading', { level: 2, name: `Joris Smit, ${organisation}` })).toBeVisible();
			await expectNoAxeViolations(page);
			const refused = await fleur.goto(clientPage);
			expect(refused?.status()).toBe(403);
			await fleur.goto('/nl/werk/clienten');
			await expect(fleur.getByRole('link', { name: 'Mies' })).toHaveCount(0);
			await joris.goto('/nl/werk/clienten');
			await joris.getByRole('link', { name: 'Mies' }).click();
			await expect(joris.getByText('Mies deelt dit met jou, niet met je team.')).toBeVisible();

			for (const other of [admin, joris, fleur]) await other.context().close();
		});
	});
}
