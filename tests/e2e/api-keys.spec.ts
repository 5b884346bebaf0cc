/** A person makes a personal API key, uses it, and revokes it after a question — JavaScript on and off, axe on every page. */
import { expect, expectNoAxeViolations, test } from './support';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';

for (const javaScriptEnabled of [true, false]) {
	test.describe(`API keys, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('make a key, call the API with it, revoke it', async ({ page, playwright, baseURL }) => {
			await signUpAndConfirm(page, uniqueAddress('kees'), 'een lang wachtwoord');
			await page.getByRole('link', { name: 'Koppelen met een ander programma' }).click();
			await expect(page.getByText('Je hebt geen sleutels.')).toBeVisible();
			await expectNoAxeViolations(page);

			// No name: a specific message, and no key.
			await page.getByRole('button', { name: 'Sleutel maken' }).click();
			await expect(page.getByText('Geef de sleutel een naam, zodat je hem later herkent.')).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByLabel('Naam van de sleutel').fill('Mijn script');
			// A key needs the password too, not only a session.
			await page.getByLabel('Wachtwoord').fill('niet mijn wachtwoord');
			await page.getByRole('button', { name: 'Sleutel maken' }).click();
			await expect(page.getByText('Dit wachtwoord klopt niet. Probeer het nog eens.')).toBeVisible();
			await expect(page.locator('.token-link')).toHaveCount(0);
			await page.getByLabel('Wachtwoord').fill('een lang wachtwoord');
			await page.getByRole('button', { name: 'Sleutel maken' }).click();
			const token = (await page.locator('.token-link').textContent())!.trim();
			expect(token).toMatch(/^brug_[A-Za-z0-9_-]{43}$/);
			await expectNoAxeViolations(page);

			const api = await playwright.request.newContext({ baseURL });
			const withKey = { headers: { authorization: `Bearer ${token}` } };
			const exported = await api.get('/api/v1/me/export', withKey);
			expect(exported.status()).toBe(200);
			expect((await exported.json()).apiTokens).toEqual([expect.objectContaining({ label: 'Mijn script' })]);

			// Revoking asks first; "no" keeps the key.
			await page.goto('/nl/account/api-sleutels');
			await page.getByRole('link', { name: /^Intrekken\s*: Mijn script$/ }).click();
			await expect(page.getByRole('heading', { name: 'Sleutel "Mijn script" intrekken?' })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: 'Nee, houden' }).click();
			expect((await api.get('/api/v1/me/export', withKey)).status()).toBe(200);
			await page.getByRole('link', { name: /^Intrekken\s*: Mijn script$/ }).click();
			await page.getByRole('button', { name: 'Ja, intrekken' }).click();
			await expect(page.getByText('De sleutel is ingetrokken. Hij werkt niet meer.')).toBeVisible();
			const refused = await api.get('/api/v1/me/export', withKey);
			expect(refused.status()).toBe(401);
			expect(refused.headers()['content-type']).toContain('application/problem+json');
			await api.dispose();
		});
	});
}

test('the sharing pages have English addresses and words', async ({ page }) => {
	await signUpAndConfirm(page, uniqueAddress('kim'), 'een lang wachtwoord');
	await page.goto('/en/account/sharing');
	await expect(page.getByRole('heading', { level: 1, name: 'Sharing with professionals' })).toBeVisible();
	await expect(page.getByText('You are not sharing anything with anyone now.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto('/en/account/access-log');
	await expect(page.getByRole('heading', { level: 1, name: 'Who looked at my data' })).toBeVisible();
	await expect(page.getByText('Nobody has looked at anything of yours yet.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto('/en/account/connect?code=ABCD-EFG0');
	await expect(page.getByText(/This code is not right/)).toBeVisible();
	await expectNoAxeViolations(page);
	// A person is not a professional: the work pages say so kindly.
	const refused = await page.goto('/en/work/clients');
	expect(refused?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1, name: 'No access' })).toBeVisible();
	await expectNoAxeViolations(page);
});
