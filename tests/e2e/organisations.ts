/** Organisations, professionals and admins, made the way people make them (Dutch pages, mails from the outbox). */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations } from './support';
import { nthMailTo } from './mailbox';
import { unusedTotpCode } from '../support/totp';

/** Matches BRUG_SETUP_TOKEN in playwright.config.ts. */
export const e2eSetupToken = 'e2e-setup-token-0123456789abcdef';

/** On the two-step page after a password step: switches it on and returns the secret for later codes. */
export async function turnOnTwoStep(page: Page, password: string): Promise<string> {
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
	const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
	await page.getByLabel('Code uit je app').fill(await unusedTotpCode(secret));
	await page.getByRole('button', { name: 'Aanzetten' }).click();
	await expect(page.getByText('Gelukt: tweestapsverificatie staat nu aan.')).toBeVisible();
	return secret;
}

/** The setup page: a new organisation and its first admin, who then must turn on two-step sign-in. */
export async function setUpOrganisation(page: Page, input: { organisation: string; name: string; email: string; password: string; kind?: string }) {
	await page.goto('/nl/installatie');
	await expect(page.getByRole('heading', { level: 1, name: 'brug inrichten' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Code uit het logboek van de server').fill(e2eSetupToken);
	await page.getByLabel('Naam van de organisatie').fill(input.organisation);
	await page.getByRole('radio', { name: input.kind ?? 'Welzijnsorganisatie' }).check();
	await page.getByLabel('Je naam').fill(input.name);
	await page.getByLabel('E-mailadres').fill(input.email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(input.password);
	await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(input.password);
	await page.getByRole('button', { name: 'Organisatie maken' }).click();
	await expect(page.getByText(/Zet daarom eerst inloggen in twee stappen aan/)).toBeVisible();
	await expectNoAxeViolations(page);
	const secret = await turnOnTwoStep(page, input.password);
	await page.getByRole('link', { name: 'Naar mijn organisatie' }).click();
	await expect(page.getByRole('heading', { level: 1, name: input.organisation })).toBeVisible();
	return { secret };
}

/** An admin invites a professional by mail; the professional makes an account from the link and turns on two-step. */
export async function inviteProfessional(admin: Page, professional: Page, input: { name: string; email: string; password: string }) {
	await admin.getByLabel('E-mailadres').fill(input.email);
	await admin.getByRole('radio', { name: /^professional/ }).check();
	await admin.getByRole('button', { name: 'Uitnodiging mailen' }).click();
	await expect(admin.getByText('De uitnodiging is gemaild.')).toBeVisible();
	await expectNoAxeViolations(admin);

	const mail = await nthMailTo(input.email);
	expect(mail.subject).toMatch(/^Uitnodiging voor /);
	await professional.goto(mail.link);
	await expect(professional.getByRole('heading', { level: 2, name: 'Maak je account' })).toBeVisible();
	await expectNoAxeViolations(professional);
	await professional.getByLabel('Je naam').fill(input.name);
	await professional.getByLabel('Wachtwoord', { exact: true }).fill(input.password);
	await professional.getByLabel('Herhaal het nieuwe wachtwoord').fill(input.password);
	await professional.getByRole('button', { name: 'Account maken en meedoen' }).click();
	await expect(professional.getByText(/Zet daarom eerst inloggen in twee stappen aan/)).toBeVisible();
	// Without two-step sign-in, the work pages send you back here.
	await professional.goto('/nl/werk/clienten');
	await expect(professional).toHaveURL(/\/nl\/account\/tweestaps\?verplicht$/);
	const secret = await turnOnTwoStep(professional, input.password);
	await professional.getByRole('link', { name: 'Naar mijn cliënten' }).click();
	await expect(professional.getByRole('heading', { level: 1, name: 'Mijn cliënten' })).toBeVisible();
	await expect(professional.getByText(/Nog niemand deelt iets met je/)).toBeVisible();
	await expectNoAxeViolations(professional);
	return { secret };
}
