/** Save a result, open it by its personal link, delete it after a confirmation — with JavaScript on and off. */
import { expect, expectNoAxeViolations, openMenu, test } from './support';

const positiveItems = new Set([1, 4, 7, 8, 11]);

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
	test.use({ javaScriptEnabled });
	test('save, open and delete a result', async ({ page }) => {
		await page.goto('/nl/test');
		for (let item = 1; item <= 11; item++) {
			// "min of meer" on items 1–4 counts 4 points; the rest answered "not lonely": moderately lonely.
			const option = item <= 4 ? 'min of meer' : positiveItems.has(item) ? 'ja' : 'nee';
			await page.getByRole('group', { name: new RegExp(`^Uitspraak ${item} van 11\\b`) }).getByRole('radio', { name: option, exact: true }).check();
		}
		await page.getByRole('button', { name: 'Bekijk mijn uitslag' }).click();
		await expect(page.getByText('Je voelt je op dit moment matig eenzaam.')).toBeVisible();

		await page.getByRole('button', { name: 'Bewaar mijn uitslag' }).click();
		await expect(page).toHaveURL(/\/nl\/uitslag\/[A-Za-z0-9_-]{22}\?bewaard$/);
		await expect(page.getByRole('heading', { name: 'Je uitslag is bewaard' })).toBeVisible();
		const link = await page.locator('.token-link a').getAttribute('href');
		expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/nl\/uitslag\/[A-Za-z0-9_-]{22}$/);
		await expectNoAxeViolations(page);

		// The link works on its own, also in English.
		await page.goto(link!);
		await expect(page.getByRole('heading', { level: 1, name: 'Je bewaarde uitslag' })).toBeVisible();
		await expect(page.getByText('Je voelt je op dit moment matig eenzaam.')).toBeVisible();
		await openMenu(page);
		await page.getByRole('link', { name: /English/ }).click();
		await expect(page).toHaveURL(/\/en\/result\/[A-Za-z0-9_-]{22}$/);
		await expect(page.getByText('You are feeling moderately lonely at the moment.')).toBeVisible();
		await openMenu(page);
		await page.getByRole('link', { name: /Nederlands/ }).click();

		// Delete asks first; "no" keeps it.
		await page.getByRole('link', { name: 'Verwijder mijn uitslag' }).click();
		await expect(page.getByRole('heading', { name: 'Weet je het zeker?' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Nee, niet verwijderen' }).click();
		await expect(page.getByRole('heading', { name: 'Uitslag verwijderen' })).toBeVisible();

		await page.getByRole('link', { name: 'Verwijder mijn uitslag' }).click();
		await page.getByRole('button', { name: 'Ja, verwijder mijn uitslag' }).click();
		await expect(page).toHaveURL(/\/nl\/test\/uitslag\?verwijderd$/);
		await expect(page.getByText('Je uitslag is verwijderd.')).toBeVisible();

		// The old link now says kindly that the result is gone.
		const gone = await page.goto(link!);
		expect(gone?.status()).toBe(404);
		await expect(page.getByRole('heading', { name: 'Deze uitslag bestaat niet (meer)' })).toBeVisible();
		await expectNoAxeViolations(page);
	});
	});
}
