/**
 * A person keeps a result in their account, looks at and downloads all their data, and deletes the account —
 * with JavaScript on and off, axe on every page.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';

const password = 'mijn lange wachtwoord';

async function saveAnonymousResult(page: Page): Promise<string> {
	await page.goto('/nl/test');
	for (let item = 1; item <= 11; item++) {
		await page
			.getByRole('group', { name: new RegExp(`^Uitspraak ${item} van 11\\b`) })
			.getByRole('radio', { name: 'min of meer', exact: true })
			.check();
	}
	await page.getByRole('button', { name: 'Bekijk mijn uitslag' }).click();
	await page.getByRole('button', { name: 'Bewaar mijn uitslag' }).click();
	await expect(page).toHaveURL(/\/nl\/uitslag\/[A-Za-z0-9_-]{22}\?bewaard$/);
	return page.url().replace(/\?bewaard$/, '');
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`personal data, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('keep a result in the account, see and download the data, delete the account', async ({ page }) => {
			const email = uniqueAddress('eva');
			const link = await saveAnonymousResult(page);
			await signUpAndConfirm(page, email, password);
			await expect(page.getByText('Je hebt nog geen uitslagen in je account.')).toBeVisible();

			await page.goto(link);
			await expectNoAxeViolations(page);
			await page.getByRole('button', { name: 'Bewaar in mijn account' }).click();
			await expect(page.getByText('De uitslag staat nu in je account.')).toBeVisible();
			const results = page.getByRole('table', { name: 'Mijn uitslagen' });
			await expect(results.getByRole('cell', { name: '11 / 11' })).toBeVisible();
			await expect(results.getByRole('cell', { name: 'zeer sterk eenzaam' })).toBeVisible();
			await expectNoAxeViolations(page);
			// The separate link no longer shows it.
			expect((await page.request.get(link)).status()).toBe(404);

			await page.getByRole('link', { name: 'Je gegevens bekijken en downloaden' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Je gegevens' })).toBeVisible();
			await expect(page.getByRole('definition').filter({ hasText: email })).toBeVisible();
			await expectNoAxeViolations(page);
			const download = await page.request.get('/nl/account/gegevens/download');
			expect(download.headers()['content-disposition']).toMatch(/attachment; filename="brug-gegevens-\d{4}-\d{2}-\d{2}\.json"/);
			const data = await download.json();
			expect(data.account.email).toBe(email);
			expect(data.measurements).toHaveLength(1);
			expect(data.measurements[0]).toMatchObject({ instrument: 'djg-11', total: 11, band: 'very_severely_lonely' });

			await page.goto('/nl/account');
			await page.getByRole('link', { name: 'Account verwijderen' }).click();
			await expect(page.getByText('1 testuitslag met je antwoorden')).toBeVisible();
			await expect(page.getByText('je inlog op 1 apparaat', { exact: true })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: 'Nee, terug naar mijn account' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
			await page.getByRole('link', { name: 'Account verwijderen' }).click();
			await page.getByRole('button', { name: 'Ja, verwijder mijn account' }).click();
			await expect(page.getByText('Je account en al je gegevens zijn verwijderd.')).toBeVisible();
			// Signed out: "Mijn brug" asks to sign in.
			await page.goto('/nl/overzicht');
			await expect(page).toHaveURL(/\/nl\/account\/inloggen\?terug=%2Foverzicht$/);

			// Gone for good: the download is refused and signing in fails like for any unknown address.
			const gone = await page.request.get('/nl/account/gegevens/download', { maxRedirects: 0 });
			expect(gone.status()).toBe(303);
			expect(gone.headers()['location']).toMatch(/^\/nl\/account\/inloggen\?terug=/);
			await page.goto('/nl/account/inloggen');
			await page.getByLabel('E-mailadres').fill(email);
			await page.getByLabel('Wachtwoord').fill(password);
			await page.getByRole('button', { name: 'Inloggen' }).click();
			await expect(page.getByText('Het e-mailadres of het wachtwoord klopt niet. Probeer het nog eens.')).toBeVisible();
		});
	});
}
