/**
 * Help in one tap and "Groter en rustiger", with JavaScript on and off, at both widths (the projects), axe on every
 * page: crisis numbers are tel: links on a signed-in page and on a severe result, the menu works without script, and
 * text at 200% leaves nothing wider than a phone's screen.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, openMenu, test, waitForPage } from './support';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';

/** Answers all 11 statements of the test as a very lonely person would (positive items 1, 4, 7, 8, 11: "nee"). */
async function severeTestResult(page: Page) {
	await page.goto('/nl/test');
	await waitForPage(page);
	for (let item = 1; item <= 11; item++) {
		await page
			.getByRole('group', { name: new RegExp(`^Uitspraak ${item} van 11\\b`) })
			.getByRole('radio', { name: [1, 4, 7, 8, 11].includes(item) ? 'nee' : 'ja', exact: true })
			.check();
	}
	await page.getByRole('button', { name: 'Bekijk mijn uitslag' }).click();
	await expect(page.getByText('Je voelt je op dit moment zeer sterk eenzaam.')).toBeVisible();
}

/** Where the always-visible "Hulp nodig?" link sits in the header. */
async function helpLinkBox(page: Page) {
	const link = page.getByRole('banner').getByRole('link', { name: 'Hulp nodig?' });
	await expect(link).toBeVisible();
	const box = (await link.boundingBox())!;
	return { x: Math.round(box.x), y: Math.round(box.y) };
}

/**
 * The page is no wider than the screen. Compared with the viewport the test asked for: on a phone Chromium widens
 * `innerWidth` to fit a page that is too wide, so `scrollWidth <= innerWidth` alone would always hold there.
 */
async function expectNoSidewaysScroll(page: Page, path: string) {
	const width = page.viewportSize()!.width;
	const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
	expect(sizes.scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(Math.min(sizes.inner, width));
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`help and display, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('a crisis number is one tap away on a severe result and on a signed-in page', async ({ page }) => {
			await severeTestResult(page);
			const help = page.getByRole('region', { name: 'Je hoeft dit niet alleen te dragen' });
			await expect(help.getByRole('link', { name: 'Bel 113', exact: true })).toHaveAttribute('href', 'tel:113');
			await expect(help.getByRole('link', { name: 'Bel 0800-0113' })).toHaveAttribute('href', 'tel:08000113');
			await expect(help.getByRole('link', { name: 'Bel 088 0767 000' })).toHaveAttribute('href', 'tel:0880767000');
			await expect(help.getByRole('link', { name: 'Chat op 113.nl' })).toHaveAttribute('href', 'https://www.113.nl');
			await expectNoAxeViolations(page);
			const publicPlace = await helpLinkBox(page);

			await signUpAndConfirm(page, uniqueAddress('hulp'), 'mijn lange wachtwoord');
			await page.goto('/nl/overzicht');
			const footer = page.getByRole('contentinfo');
			await expect(footer.getByRole('link', { name: 'Bel 113', exact: true })).toHaveAttribute('href', 'tel:113');
			await expect(footer.getByRole('link', { name: 'Bel 088 0767 000' })).toHaveAttribute('href', 'tel:0880767000');
			// Signed in or not, "Hulp nodig?" is at the same place.
			expect(await helpLinkBox(page)).toEqual(publicPlace);
			await expectNoAxeViolations(page);
		});

		test('the menu opens without JavaScript, and its links and the language switch work', async ({ page }, testInfo) => {
			await page.goto('/nl/hulp');
			const header = page.getByRole('banner');
			const summary = header.locator('summary');
			const button = (await summary.boundingBox())!;
			expect(button.width).toBeGreaterThanOrEqual(44);
			expect(button.height).toBeGreaterThanOrEqual(44);
			// On a phone the header is one low row, so the page itself starts high on the screen.
			if (testInfo.project.name === 'phone') expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
			await expect(header.getByRole('link', { name: 'Mijn brug' })).toBeHidden();

			await openMenu(page);
			await expect(header.getByRole('link', { name: 'Mijn brug' })).toHaveAttribute('href', '/nl/overzicht');
			await expectNoAxeViolations(page);
			await header.getByRole('link', { name: 'Groter en rustiger' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Groter en rustiger' })).toBeVisible();
			await expect(header.getByRole('link', { name: 'Mijn brug' })).toBeHidden();
			await openMenu(page);
			await header.getByRole('link', { name: /English/ }).click();
			await expect(page).toHaveURL(/\/en\/display$/);
			await expect(page.getByRole('heading', { level: 1, name: 'Larger and calmer' })).toBeVisible();
		});

		test('text twice as large, still, with more contrast: applied everywhere, nothing wider than the screen', async ({ page }) => {
			await page.goto('/nl/weergave');
			await waitForPage(page);
			const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
			await page.getByRole('radio', { name: 'Twee keer zo groot (200%)' }).check();
			await page.getByRole('checkbox', { name: 'Meer ruimte tussen de regels' }).check();
			await page.getByRole('checkbox', { name: 'Niets laten bewegen' }).check();
			await page.getByRole('checkbox', { name: /Meer contrast/ }).check();
			await page.getByRole('button', { name: 'Bewaar mijn keuze' }).click();
			await expect(page.getByText('Je keuze is bewaard.')).toBeVisible();
			await expect(page.getByRole('radio', { name: 'Twee keer zo groot (200%)' })).toBeChecked();
			await expectNoAxeViolations(page);

			for (const path of ['/nl/test', '/nl/hulp']) {
				await page.goto(path);
				const view = await page.evaluate(() => {
					const root = getComputedStyle(document.documentElement);
					return { fontSize: parseFloat(root.fontSize), still: root.getPropertyValue('--view-still').trim(), ink: getComputedStyle(document.body).color };
				});
				expect(view.fontSize, path).toBe(before * 2);
				expect(view.still, path).toBe('1');
				expect(view.ink, path).toBe('rgb(0, 0, 0)');
				await expectNoSidewaysScroll(page, path);
				await expectNoAxeViolations(page);
			}

			// The stylesheet is per browser: never shared from a cache, and a cookie it does not know changes nothing.
			const css = await page.request.get('/weergave.css');
			expect(css.headers()['cache-control']).toBe('private, no-cache');
			expect(css.headers()['vary']).toMatch(/Cookie/);
			expect(await css.text()).toContain('font-size: 225%');
			await page.context().clearCookies();
			await page.context().addCookies([{ name: 'brug_view', value: 'text-900.blink', url: page.url() }]);
			expect(await (await page.request.get('/weergave.css')).text()).toBe('');
		});
	});
}
