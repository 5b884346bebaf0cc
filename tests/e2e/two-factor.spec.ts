/** Two-step verification as a person sets it up and uses it, with JavaScript on and off, axe on every page. */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, holdPageScripts, test, waitForPage } from './support';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';
import { unusedTotpCode } from '../support/totp';

const password = 'mijn lange wachtwoord';

async function signInWithPassword(page: Page, email: string) {
	await page.goto('/nl/account/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Vul je code in' })).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`two-step verification, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('turn it on, sign in with an app code and with a recovery code, turn it off', async ({ page }) => {
			const email = uniqueAddress('fien');
			await signUpAndConfirm(page, email, password);
			await expect(page.getByText('Extra beveiliging bij inloggen: Staat uit.')).toBeVisible();
			await page.getByRole('link', { name: 'Extra beveiliging bij inloggen' }).click();
			await expectNoAxeViolations(page);

			await page.getByLabel('Wachtwoord').fill('niet mijn wachtwoord');
			await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
			await expect(page.getByText('Dit wachtwoord klopt niet. Probeer het nog eens.')).toBeVisible();
			await page.getByLabel('Wachtwoord').fill(password);
			await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();

			await expect(page.getByRole('img', { name: 'QR-code voor je app' })).toBeVisible();
			const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
			const recoveryCodes = await page.locator('.recovery-codes code').allTextContents();
			expect(recoveryCodes).toHaveLength(10);
			await expectNoAxeViolations(page);

			// A wrong code keeps the same setup on screen.
			await page.getByLabel('Code uit je app').fill('000000');
			await page.getByRole('button', { name: 'Aanzetten' }).click();
			await expect(page.getByText(/Deze code klopt niet/)).toBeVisible();
			await expect(page.getByTestId('totp-secret')).toHaveText(secret);
			await page.getByLabel('Code uit je app').fill(await unusedTotpCode(secret));
			await page.getByRole('button', { name: 'Aanzetten' }).click();
			await expect(page.getByText('Gelukt: tweestapsverificatie staat nu aan.')).toBeVisible();

			await page.goto('/nl/account');
			await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
			await signInWithPassword(page, email);
			await expectNoAxeViolations(page);
			// The password alone does not open the account.
			await page.goto('/nl/account');
			await expect(page).toHaveURL(/\/nl\/account\/inloggen\?terug=/);
			await signInWithPassword(page, email);
			await page.getByLabel('Code uit je app, of een herstelcode').fill(await unusedTotpCode(secret));
			await page.getByRole('button', { name: 'Inloggen' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Mijn overzicht' })).toBeVisible();
			await page.goto('/nl/account');
			await expect(page.getByText('Extra beveiliging bij inloggen: Staat aan.')).toBeVisible();

			// Phone lost: a recovery code works.
			await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
			await signInWithPassword(page, email);
			await page.getByLabel('Code uit je app, of een herstelcode').fill(recoveryCodes[0]!);
			await page.getByRole('button', { name: 'Inloggen' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Mijn overzicht' })).toBeVisible();
			await page.goto('/nl/account');

			await page.getByRole('link', { name: 'Extra beveiliging bij inloggen' }).click();
			await page.getByLabel('Wachtwoord').fill(password);
			await page.getByRole('button', { name: 'Tweestapsverificatie uitzetten' }).click();
			await expect(page.getByText('Tweestapsverificatie staat nu uit.')).toBeVisible();
		});
	});
}

test('the code step without a password step first says so kindly', async ({ page }) => {
	await page.goto('/en/account/sign-in/code');
	await expect(page.getByText('This step has expired. Please sign in again with your e-mail address and password.')).toBeVisible();
	await expectNoAxeViolations(page);
});

// Only with JavaScript on: a field filled before the page's script has started must keep its text when the script
// takes over (it used to be emptied, so a right app code arrived as an empty one: "Deze code klopt niet").
test('a field filled before the page has started keeps its text', async ({ page }) => {
	const letScriptsLoad = await holdPageScripts(page);
	await page.goto('/nl/account/inloggen', { waitUntil: 'commit' });
	await page.getByLabel('E-mailadres').fill('fien@example.nl');
	letScriptsLoad();
	await waitForPage(page);
	await expect(page.getByLabel('E-mailadres')).toHaveValue('fien@example.nl');
});
