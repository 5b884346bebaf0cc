/** A person with a confirmed account, made the way a person makes one (Dutch pages). */
import type { Page } from '@playwright/test';
import { expect, waitForPage } from './support';
import { nthMailTo } from './mailbox';

export async function signUpAndConfirm(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/nl/account/registreren');
	await waitForPage(page);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mail' })).toBeVisible();
	await page.goto((await nthMailTo(email)).link);
	await waitForPage(page);
	await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
	await expect(page.getByText(/Je e-mailadres is bevestigd/)).toBeVisible();
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	// A person's home after signing in is the overview; the helpers go on from the account page.
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn overzicht' })).toBeVisible();
	await page.goto('/nl/account');
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
}
