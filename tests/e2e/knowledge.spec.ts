/**
 * The knowledge base, with JavaScript on and off, axe on every page: a professional (two-step sign-in on)
 * finds it from the clients page, narrows the list to one topic, reads two Dutch articles with their sources, switches
 * to the English twin of one, and meets a 404 for an article that does not exist. Without an account the pages ask to
 * sign in first.
 */
import { expect, expectNoAxeViolations, openMenu, test, waitForPage } from './support';
import { uniqueAddress } from './mailbox';
import { seedWorld, signedInPage } from './seed';

for (const javaScriptEnabled of [true, false]) {
	test.describe(`knowledge base, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(120_000);

		test('a professional finds, filters and reads articles in Dutch and English', async ({ browser }) => {
			// A professional with two-step sign-in on, signed in (seeded: joining is the team journey's part).
			const world = await seedWorld({
				organisation: `Welzijn Kennis ${Date.now()}`,
				admin: { name: 'Anna Beheer', email: uniqueAddress('anna') },
				professionals: [{ name: 'Joost de Vries', email: uniqueAddress('joost') }],
				people: [],
				links: [],
				groups: []
			});
			const professional = await signedInPage(browser, javaScriptEnabled, world.professionals[0]!);
			await professional.goto('/nl/werk/clienten');
			await waitForPage(professional);

			// From the clients page to the list of all articles.
			await professional.getByRole('link', { name: /^Kennisbank/ }).click();
			await expect(professional.getByRole('heading', { level: 1, name: 'Kennisbank' })).toBeVisible();
			await expect(professional).toHaveURL(/\/nl\/werk\/kennis$/);
			const articles = professional.getByRole('list').filter({ has: professional.getByRole('heading', { level: 2 }) });
			await expect(articles.getByRole('heading', { level: 2 })).toHaveCount(10);
			await expectNoAxeViolations(professional);

			// One topic: only the articles about measuring.
			const topics = professional.getByRole('navigation', { name: 'Kies een onderwerp' });
			await topics.getByRole('link', { name: 'Meten en resultaten' }).click();
			await expect(professional).toHaveURL(/\/nl\/werk\/kennis\?onderwerp=measuring$/);
			await expect(topics.getByRole('link', { name: 'Meten en resultaten' })).toHaveAttribute('aria-current', 'page');
			await expect(articles.getByRole('heading', { level: 2 })).toHaveText(['Eenzaamheid meten', 'Resultaten laten zien']);
			await expectNoAxeViolations(professional);
			await topics.getByRole('link', { name: 'Alle onderwerpen' }).click();
			await expect(articles.getByRole('heading', { level: 2 })).toHaveCount(10);

			// The first article, with its sources at the end.
			await professional.getByRole('link', { name: 'Het eenzame brein' }).click();
			await expect(professional.getByRole('heading', { level: 1, name: 'Het eenzame brein' })).toBeVisible();
			await expect(professional.getByRole('heading', { level: 2, name: 'Bronnen' })).toBeVisible();
			await expect(professional.getByText(/Eisenberger, N\. I\./)).toBeVisible();
			await expect(professional.getByText('3 min. lezen')).toBeVisible();
			await expectNoAxeViolations(professional);

			// The next one in reading order.
			await professional.getByRole('link', { name: 'Volgend artikel: Waarom een koffieochtend vaak niet werkt' }).click();
			await expect(professional.getByRole('heading', { level: 1, name: 'Waarom een koffieochtend vaak niet werkt' })).toBeVisible();
			await expect(professional.getByRole('heading', { level: 2, name: 'Bronnen' })).toBeVisible();
			await expectNoAxeViolations(professional);

			// The same article in English, through the language switch.
			await openMenu(professional);
			await professional.getByRole('link', { name: /English/ }).click();
			await expect(professional).toHaveURL(/\/en\/work\/knowledge\/why-activities-fail$/);
			await expect(professional.getByRole('heading', { level: 1, name: 'Why coffee mornings often fail' })).toBeVisible();
			await expect(professional.getByRole('heading', { level: 2, name: 'References' })).toBeVisible();
			await expectNoAxeViolations(professional);

			// An article that does not exist.
			const missing = await professional.goto('/nl/werk/kennis/bestaat-niet');
			expect(missing?.status()).toBe(404);
		});

		test('without an account the knowledge base asks to sign in first', async ({ page }) => {
			await page.goto('/nl/werk/kennis/lonely-brain');
			await expect(page).toHaveURL(/\/nl\/account\/inloggen\?terug=%2Fwerk%2Fkennis%2Flonely-brain$/);
			await expectNoAxeViolations(page);
		});
	});
}
