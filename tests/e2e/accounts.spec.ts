/**
 * A person's account, as a person uses it: sign up, confirm the address from the mail, sign out and in,
 * forget the password and choose a new one — with JavaScript on and off, axe on every page.
 */
import { expect, expectNoAxeViolations, openMenu, test } from './support';
import type { Page } from '@playwright/test';
import { mailCountTo, nthMailTo, uniqueAddress } from './mailbox';

/** Presses a submit button and waits until the server has answered the post (with or without JavaScript). */
async function submit(page: Page, name: string) {
	await Promise.all([
		page.waitForResponse((response) => response.request().method() === 'POST'),
		page.getByRole('button', { name, exact: true }).click()
	]);
}

const password = 'mijn lange wachtwoord';

for (const javaScriptEnabled of [true, false]) {
	test.describe(`accounts, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('sign up, confirm by mail, sign out and in again', async ({ page }) => {
			const email = uniqueAddress('anna');
			await page.goto('/nl');
			// "Mijn brug" is in the menu for everyone; signed out, it asks to sign in first.
			await openMenu(page);
			await page.getByRole('link', { name: 'Mijn brug' }).click();
			await expect(page).toHaveURL(/\/nl\/account\/inloggen\?terug=%2Foverzicht$/);
			await page.getByRole('link', { name: 'Nog geen account? Maak er een.' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Een account maken' })).toBeVisible();
			await expectNoAxeViolations(page);

			// A too-short password and a broken address each get their own message.
			await page.getByLabel('E-mailadres').fill('anna-at-example');
			await page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
			await page.getByRole('button', { name: 'Account maken' }).click();
			await expect(page.getByText('Vul een e-mailadres in, zoals naam@voorbeeld.nl.')).toBeVisible();
			await expect(page.getByText('Kies een wachtwoord van minstens 10 tekens.')).toBeVisible();
			await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
			await expectNoAxeViolations(page);

			// Long enough but easy to guess: the page says what works instead.
			await page.getByLabel('E-mailadres').fill(email);
			await page.getByLabel('Wachtwoord', { exact: true }).fill('password12');
			await page.getByRole('button', { name: 'Account maken' }).click();
			await expect(page.getByText(/^Dit wachtwoord is makkelijk te raden.*Kies een langere zin of een paar losse woorden/)).toBeVisible();
			await expectNoAxeViolations(page);

			await page.getByLabel('E-mailadres').fill(email);
			await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
			await page.getByRole('button', { name: 'Account maken' }).click();
			await expect(page.getByRole('heading', { name: 'Kijk in je mail' })).toBeVisible();

			// Signing in before confirming says so (and sends a fresh link).
			await page.goto('/nl/account/inloggen');
			await page.getByLabel('E-mailadres').fill(email);
			await page.getByLabel('Wachtwoord').fill(password);
			await page.getByRole('button', { name: 'Inloggen' }).click();
			await expect(page.getByText(/Je hebt je e-mailadres nog niet bevestigd/)).toBeVisible();

			const mail = await nthMailTo(email);
			expect(mail.subject).toBe('Bevestig je e-mailadres');
			expect(mail.language).toBe('nl');
			expect(mail.link).toMatch(/\/nl\/account\/bevestigen\?token=/);
			await page.goto(mail.link);
			await expectNoAxeViolations(page);
			await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
			// Confirming signs nobody in: whoever made the account chose the password.
			await expect(page.getByText(/Je e-mailadres is bevestigd\. Welkom bij brug! Log nu in/)).toBeVisible();
			await page.getByLabel('E-mailadres').fill(email);
			await page.getByLabel('Wachtwoord').fill(password);
			await page.getByRole('button', { name: 'Inloggen' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Mijn overzicht' })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: 'Mijn account' }).click();
			await expect(page.getByText(`Je e-mailadres: ${email}`)).toBeVisible();
			await expectNoAxeViolations(page);

			await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
			await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();
			// The account page is closed now.
			await page.goto('/nl/account');
			await expect(page).toHaveURL(/\/nl\/account\/inloggen\?terug=%2Faccount$/);
			await expect(page.getByText('Log eerst in om deze pagina te zien.')).toBeVisible();

			// A wrong password gets the same words as an unknown address.
			await page.getByLabel('E-mailadres').fill(email);
			await page.getByLabel('Wachtwoord').fill('niet mijn wachtwoord');
			await submit(page, 'Inloggen');
			await expect(page.getByText('Het e-mailadres of het wachtwoord klopt niet. Probeer het nog eens.')).toBeVisible();
			await page.getByLabel('E-mailadres').fill(uniqueAddress('niemand'));
			await page.getByLabel('Wachtwoord').fill(password);
			// The same words as before: wait for this answer, not the previous one.
			await submit(page, 'Inloggen');
			await expect(page.getByText('Het e-mailadres of het wachtwoord klopt niet. Probeer het nog eens.')).toBeVisible();

			await page.getByLabel('E-mailadres').fill(email);
			await page.getByLabel('Wachtwoord').fill(password);
			await page.getByRole('button', { name: 'Inloggen' }).click();
			// Back where the person wanted to go.
			await expect(page).toHaveURL(/\/nl\/account$/);
			await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
		});

		test('forgot password: a mailed link to choose a new one, in English', async ({ page }) => {
			const email = uniqueAddress('ben');
			await page.goto('/en/account/sign-up');
			await page.getByLabel('E-mail address').fill(email);
			await page.getByLabel('Password', { exact: true }).fill(password);
			await page.getByRole('button', { name: 'Create account' }).click();
			await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
			const welcome = await nthMailTo(email);
			expect(welcome.language).toBe('en');
			await page.goto(welcome.link);
			await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
			await expect(page.getByText(/Your e-mail address is confirmed/)).toBeVisible();
			await page.getByLabel('E-mail address').fill(email);
			await page.getByLabel('Password').fill(password);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'My overview' })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: 'My account' }).click();
			await page.getByRole('button', { name: 'Sign out on all devices' }).click();
			await expect(page.getByText('You have signed out.')).toBeVisible();

			await page.getByRole('link', { name: 'Forgot your password?' }).click();
			await expectNoAxeViolations(page);
			await page.getByLabel('E-mail address').fill(email);
			await page.getByRole('button', { name: 'Send me a link' }).click();
			await expect(page.getByText(/If we know this e-mail address/)).toBeVisible();
			const reset = await nthMailTo(email, 2);
			expect(reset.subject).toBe('Choose a new password');
			expect(reset.link).toMatch(/\/en\/account\/new-password\?token=/);

			await page.goto(reset.link);
			await expectNoAxeViolations(page);
			await page.getByLabel('New password', { exact: true }).fill('a brand new password');
			await page.getByLabel('Repeat the new password').fill('a different password');
			await page.getByRole('button', { name: 'Save my new password' }).click();
			await expect(page.getByText('The two passwords are not the same. Please type them again.')).toBeVisible();
			await page.getByLabel('New password', { exact: true }).fill('a brand new password');
			await page.getByLabel('Repeat the new password').fill('a brand new password');
			await page.getByRole('button', { name: 'Save my new password' }).click();
			await expect(page.getByText('Your password has been changed. Sign in with your new password.')).toBeVisible();

			await page.getByLabel('E-mail address').fill(email);
			await page.getByLabel('Password').fill('a brand new password');
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'My overview' })).toBeVisible();
		});
	});
}

test('signing up with a known address looks the same, and mails the owner instead', async ({ page }) => {
	const email = uniqueAddress('cor');
	for (let round = 1; round <= 2; round++) {
		await page.goto('/nl/account/registreren');
		await page.getByLabel('E-mailadres').fill(email);
		await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
		await page.getByRole('button', { name: 'Account maken' }).click();
		await expect(page.getByRole('heading', { name: 'Kijk in je mail' })).toBeVisible();
	}
	const second = await nthMailTo(email, 2);
	expect(second.subject).toBe('Je hebt al een account bij brug');
	expect(second.link).toMatch(/\/nl\/account\/wachtwoord-vergeten$/);
	expect(await mailCountTo(email)).toBe(2);
});

test('guessing a password is stopped after ten tries, with a clear message and Retry-After', async ({ page, request }) => {
	const email = uniqueAddress('dirk');
	const attempt = () =>
		request.post('/nl/account/inloggen', {
			headers: { 'sec-fetch-site': 'same-origin', accept: 'text/html' },
			form: { email, password: 'geraden wachtwoord' }
		});
	for (let i = 1; i <= 10; i++) expect((await attempt()).status(), `attempt ${i}`).toBe(400);
	const refused = await attempt();
	expect(refused.status()).toBe(429);
	expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);

	// A person sees it in words, in the form: the minutes left in the 15-minute window.
	await page.goto('/nl/account/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill('nog een gok');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByText(/Dit is te vaak geprobeerd\. Wacht (een minuut|(1[0-5]|[2-9]) minuten) en/)).toBeVisible();
	await expectNoAxeViolations(page);
});
