/**
 * Charts and forms of the person's pages on a phone, with JavaScript on and off, axe on every page: the health web's
 * scores fit as rows of 44 px targets, its words and the relationship map's show at least 12 px, and neither page
 * scrolls sideways at the project's width, at 320 px or with 200% text. (Both projects run it: at desktop width the same holds.)
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';

const password = 'een lang wachtwoord';
const areas = ['Lichaamsfuncties', 'Mentaal welbevinden', 'Zingeving', 'Kwaliteit van leven', 'Meedoen', 'Dagelijks functioneren'];

/** The drawn size in CSS px of every shown text in the SVGs matched: its font size times the SVG's scale. */
async function chartTextSizes(page: Page, svgSelector: string): Promise<number[]> {
	return page.locator(svgSelector).evaluateAll((svgs) =>
		svgs.flatMap((svg) => {
			const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
			return [...svg.querySelectorAll('text')]
				.filter((text) => getComputedStyle(text).display !== 'none')
				.map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
		})
	);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
	const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
		const { scrollWidth, clientWidth } = document.documentElement;
		// The elements that stick out, to say what to fix.
		const range = document.createRange();
		const widest = [...document.body.querySelectorAll('*')]
			.filter((element) => {
				range.selectNodeContents(element);
				return Math.max(element.getBoundingClientRect().right, range.getBoundingClientRect().right) > clientWidth + 0.5;
			})
			.slice(-3)
			.map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${element.textContent?.trim().slice(0, 30)}"`);
		return { scrollWidth, clientWidth, widest };
	});
	expect(scrollWidth, `${page.url()} scrolls sideways: ${widest.join(', ')}`).toBeLessThanOrEqual(clientWidth);
}

/** Also at the narrowest width WCAG asks for (320 CSS px), and with the text at 200%; then back. */
async function expectFitsAt320AndLargeText(page: Page): Promise<void> {
	const size = page.viewportSize()!;
	await page.setViewportSize({ width: 320, height: size.height });
	await expectNoSidewaysScroll(page);
	await page.setViewportSize(size);
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	await expectNoSidewaysScroll(page);
	await page.evaluate(() => (document.documentElement.style.fontSize = ''));
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`charts and the health web on a phone, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(90_000);

		test('the health web fits and reads, and the map’s words are readable', async ({ page }) => {
			await signUpAndConfirm(page, uniqueAddress('telefoon'), password);

			// The health web: per area two even rows of scores (0–5, 6–10), each a target of at least 44 × 44 px.
			await page.goto('/nl/gezondheidsweb');
			await expect(page.getByRole('heading', { level: 1, name: 'Mijn gezondheidsweb' })).toBeVisible();
			for (const area of areas) {
				const boxes = await page
					.getByRole('group', { name: new RegExp(`^${area}`) })
					.locator('.score-option')
					.evaluateAll((labels) => labels.map((label) => label.getBoundingClientRect()).map(({ top, width, height }) => ({ top, width, height })));
				expect(boxes).toHaveLength(11);
				for (const box of boxes) expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
				const rows = [...new Set(boxes.map((box) => Math.round(box.top)))];
				expect(rows.length).toBeLessThanOrEqual(2);
				// "10" never alone on its row.
				expect(boxes.filter((box) => Math.round(box.top) === rows.at(-1)).length).toBeGreaterThan(1);
			}
			await expectNoSidewaysScroll(page);
			await expectFitsAt320AndLargeText(page);
			await expectNoAxeViolations(page);

			await waitForPage(page);
			for (const [index, area] of areas.entries()) {
				await page.getByRole('group', { name: new RegExp(`^${area}`) }).getByRole('radio', { name: String(index + 4), exact: true }).check();
			}
			await page.getByRole('button', { name: 'Bewaar mijn web' }).click();
			// The first web has nothing to sit beside.
			await expect(page.getByText('Je web is bewaard. Hieronder zie je het.', { exact: true })).toBeVisible();
			await expect(page.getByText(/naast je vorige/)).toHaveCount(0);
			const webText = await chartTextSizes(page, 'svg.health-web-svg');
			expect(webText.length).toBeGreaterThanOrEqual(11);
			for (const size of webText) expect(size, 'health web text in CSS px').toBeGreaterThanOrEqual(12);
			await expectNoSidewaysScroll(page);
			await expectFitsAt320AndLargeText(page);
			await expectNoAxeViolations(page);

			// The map: three people; whatever words the drawing shows are at least 12 px, and the list names everyone.
			for (const [name, circle] of [['Marja', /^Dichtbij/], ['Joost', /^Vrienden/], ['Bakker Ahmed', /^Omgeving/]] as const) {
				await page.goto('/nl/mensen/nieuw');
				await waitForPage(page);
				await page.getByLabel('Voornaam of bijnaam').fill(name);
				await page.getByRole('radio', { name: circle }).check();
				await page.getByRole('button', { name: 'Op mijn kaart zetten' }).click();
				await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
			}
			await page.goto('/nl/mensen');
			const mapText = await chartTextSizes(page, 'svg.map-svg');
			// At least the three circles' names and "Ik".
			expect(mapText.length).toBeGreaterThanOrEqual(4);
			for (const size of mapText) expect(size, 'map text in CSS px').toBeGreaterThanOrEqual(12);
			for (const name of ['Marja', 'Joost', 'Bakker Ahmed']) await expect(page.getByRole('listitem').filter({ hasText: new RegExp(`^${name}:`) })).toBeVisible();
			await expectNoSidewaysScroll(page);
			await expectFitsAt320AndLargeText(page);
			await expectNoAxeViolations(page);
		});
	});
}
