/**
 * The self-help part everyone can use without an account: the pattern check "Wat houdt mij eenzaam?", the exercises,
 * the small steps and the glossary — JavaScript on and off, axe on every page.
 */
import { expect, expectNoAxeViolations, openMenu, test } from './support';
import { expectFitsAtDoubleText } from './text-size';

/** Statements 2, 10 and 22 belong to "afraid to show your vulnerable side". */
const vulnerability = new Set([2, 10, 22]);

for (const javaScriptEnabled of [true, false]) {
	test.describe(`self-help, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('the pattern check names what stands out and leads to an exercise', async ({ page }) => {
			await page.goto('/nl');
			await page.getByRole('link', { name: 'Wat houdt mij eenzaam?' }).first().click();
			await expect(page.getByRole('heading', { level: 1, name: 'Wat houdt mij eenzaam?' })).toBeVisible();
			await expect(page.getByText(/Het is geen diagnose/)).toBeVisible();
			await expectNoAxeViolations(page);

			// Two answers are too few for a picture: a kind message, and the answers stay.
			const statement = (n: number) => page.getByRole('group', { name: new RegExp(`^Uitspraak ${n} van 27\\b`) });
			await statement(1).getByRole('radio', { name: 'neutraal', exact: true }).check();
			await statement(2).getByRole('radio', { name: 'helemaal mee eens', exact: true }).check();
			await page.getByRole('button', { name: 'Bekijk wat bij mij past' }).click();
			await expect(page.getByText('Je hebt 2 uitspraken beantwoord. Voor een goed beeld zijn er minstens 18 nodig.', { exact: false })).toBeVisible();
			await expect(statement(2).getByRole('radio', { name: 'helemaal mee eens', exact: true })).toBeChecked();
			await expectNoAxeViolations(page);

			for (let n = 3; n <= 27; n++) {
				const option = vulnerability.has(n) ? 'helemaal mee eens' : 'neutraal';
				await statement(n).getByRole('radio', { name: option, exact: true }).check();
			}
			await page.getByRole('button', { name: 'Bekijk wat bij mij past' }).click();
			// Post, then redirect: the outcome has its own address, read with a GET.
			await expect(page).toHaveURL(/\/nl\/patronen\/uitslag$/);
			const outcome = async () => {
				await expect(page.getByRole('heading', { level: 2, name: 'Wat je misschien herkent' })).toBeVisible();
				// One pattern stands out; then the cards to keep the outcome and to clear the answers.
				await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Bang om je kwetsbaar te tonen', 'Bewaren en later vergelijken', 'Gebruik je een gedeeld apparaat?']);
			};
			await outcome();
			await expect(page.getByText(/^Dit is geen diagnose/)).toBeVisible();
			await expectNoAxeViolations(page);
			await expectFitsAtDoubleText(page);

			await page.getByRole('link', { name: 'Eén eerlijke zin' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Eén eerlijke zin' })).toBeVisible();
			await expect(page.getByText(/Helpt bij: .*Bang om je kwetsbaar te tonen/)).toBeVisible();
			await expectNoAxeViolations(page);

			// Back from the exercise, and a reload: the outcome is still there, and nothing is posted again.
			await page.goBack();
			await outcome();
			const reload = page.waitForRequest((request) => request.isNavigationRequest());
			await page.reload();
			expect((await reload).method()).toBe('GET');
			await outcome();

			// Changing an answer starts from the answers given.
			await page.getByRole('link', { name: 'Pas je antwoorden aan' }).click();
			await expect(statement(2).getByRole('radio', { name: 'helemaal mee eens', exact: true })).toBeChecked();
			await expect(statement(27).getByRole('radio', { name: 'neutraal', exact: true })).toBeChecked();
			await expectFitsAtDoubleText(page);
		});

		test('small steps can be filtered by circle and by how hard they feel', async ({ page }) => {
			await page.goto('/nl/stappen');
			await expect(page.getByRole('status')).toHaveText('48 stappen');
			await expectNoAxeViolations(page);
			await page.getByLabel('Met wie').selectOption({ label: 'Vrienden' });
			await page.getByLabel('Hoe moeilijk voelt het').selectOption({ label: 'Voelt makkelijk' });
			await page.getByRole('button', { name: 'Laat zien' }).click();
			await expect(page).toHaveURL(/\/nl\/stappen\?kring=friends&moeite=1$/);
			const shown = Number((await page.getByRole('status').textContent())!.split(' ')[0]);
			expect(shown).toBeGreaterThan(0);
			expect(shown).toBeLessThan(48);
			await expect(page.locator('.card-list .citation').first()).toHaveText('Vrienden · Voelt makkelijk');
			await expectNoAxeViolations(page);
		});
	});
}

test('exercises and the glossary, in Dutch and English', async ({ page }) => {
	await page.goto('/nl/oefeningen');
	await expect(page.getByRole('heading', { level: 1, name: 'Oefeningen' })).toBeVisible();
	await expect(page.locator('.card-list > li')).toHaveCount(16);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Woordenlijst' }).click();
	await page.getByRole('link', { name: 'Mindfulness' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mindfulness' })).toBeVisible();
	await expectNoAxeViolations(page);
	await openMenu(page);
	await page.getByRole('link', { name: /English/ }).click();
	await expect(page).toHaveURL(/\/en\/glossary\/mindfulness$/);
	await expectNoAxeViolations(page);
	await page.goto('/en/patterns');
	await expect(page.getByRole('heading', { level: 1, name: 'What keeps me lonely?' })).toBeVisible();
	await expectNoAxeViolations(page);
	const missing = await page.goto('/nl/oefeningen/bestaat-niet');
	expect(missing?.status()).toBe(404);

	// Addresses are in the page's own words; an old address moves for good (308).
	const old = await page.request.get('/nl/oefeningen/journal', { maxRedirects: 0 });
	expect(old.status()).toBe(308);
	expect(old.headers()['location']).toBe('/nl/oefeningen/dagboek');
	expect((await page.request.get('/en/overzicht?x=1', { maxRedirects: 0 })).headers()['location']).toBe('/en/overview?x=1');
	await page.goto('/en/oefeningen/journal');
	await expect(page).toHaveURL(/\/en\/exercises\/journal$/);
	// The longer instructions are folded, so the form starts on the first screen.
	await expect(page.getByText('How to do it')).toBeHidden();
	await page.getByText('More explanation').click();
	await expect(page.getByText('How to do it')).toBeVisible();
	await expectNoAxeViolations(page);
});
