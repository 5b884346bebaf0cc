/** The pages around the test: navigation, language, help, privacy, about; headers; no third-party requests. */
import { expect, expectNoAxeViolations, openMenu, test } from './support';

test.describe('locale', () => {
	test('"/" goes to Dutch by default', async ({ page }) => {
		await page.goto('/');
		await expect(page).toHaveURL(/\/nl$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expectNoAxeViolations(page);
	});

	test('"/" follows Accept-Language, then the saved choice', async ({ browser, baseURL }) => {
		const context = await browser.newContext({ baseURL, locale: 'en-GB', extraHTTPHeaders: { 'accept-language': 'en-GB,en;q=0.9' } });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page).toHaveURL(/\/en$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		// Choosing Dutch is remembered, even though the browser prefers English.
		await openMenu(page);
		await page.getByRole('link', { name: /Nederlands/ }).click();
		await expect(page).toHaveURL(/\/nl$/);
		await page.goto('/');
		await expect(page).toHaveURL(/\/nl$/);
		await context.close();
	});

	test('the language switch keeps the page', async ({ page }) => {
		await page.goto('/nl/hulp');
		await openMenu(page);
		await page.getByRole('link', { name: /English/ }).click();
		await expect(page).toHaveURL(/\/en\/help$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Need help?' })).toBeVisible();
		await openMenu(page);
		await page.getByRole('link', { name: /Nederlands/ }).click();
		await expect(page).toHaveURL(/\/nl\/hulp$/);
	});

	test('an unknown page says so kindly, in the page language', async ({ page }) => {
		const response = await page.goto('/en/does-not-exist');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
		await expectNoAxeViolations(page);
	});
});

for (const [locale, path, heading] of [
	['nl', '/nl', 'Je bent niet de enige'],
	['en', '/en', 'You are not the only one'],
	['nl', '/nl/over', 'Over brug'],
	['en', '/en/about', 'About brug'],
	['nl', '/nl/privacy', 'Privacy'],
	['en', '/en/privacy', 'Privacy'],
	['nl', '/nl/hulp', 'Hulp nodig?'],
	['en', '/en/help', 'Need help?']
] as const) {
	test(`${path} is accessible and shows the way to help`, async ({ page }) => {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		const footer = page.getByRole('contentinfo');
		await expect(footer.getByRole('link', { name: locale === 'nl' ? 'Hulp nodig?' : 'Need help?' })).toBeVisible();
		await expectNoAxeViolations(page);
	});
}

test('the help page lists the Dutch and Flemish lines with when they were checked', async ({ page }) => {
	await page.goto('/nl/hulp');
	for (const name of ['113 Zelfmoordpreventie', 'De Luisterlijn', 'Huisarts', 'Zelfmoordlijn 1813', 'Tele-Onthaal']) {
		await expect(page.getByRole('heading', { name })).toBeVisible();
	}
	await expect(page.getByText(/voor het laatst nagekeken op/).first()).toBeVisible();
	// The emergency line at the top is one tap as well.
	await expect(page.locator('main .notice').getByRole('link', { name: 'Bel 112' })).toHaveAttribute('href', 'tel:112');
});

test('the about page cites the instruments', async ({ page }) => {
	await page.goto('/nl/over');
	await expect(page.getByText(/De Jong Gierveld/).first()).toBeVisible();
	await expect(page.getByText(/Hughes/).first()).toBeVisible();
});

test('pages send strict security headers', async ({ request }) => {
	// A page rendered per request. It ships no script, so its CSP names no nonce either: only brug's own files run.
	const response = await request.get('/nl/patronen');
	const headers = response.headers();
	const csp = headers['content-security-policy'] ?? '';
	expect(csp).toMatch(/script-src 'self'(;|$)/);
	expect(csp).not.toContain('unsafe-inline');
	expect(csp).not.toContain('unsafe-eval');
	expect(csp).toContain("frame-ancestors 'none'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('no-referrer');
	expect(headers['permissions-policy']).toContain('geolocation=()');
});

test('the skip link moves focus to the content', async ({ page }) => {
	await page.goto('/nl');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Ga naar de inhoud' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});

test('a form post from another site is refused and stores nothing', async ({ request }) => {
	const response = await request.post('/nl/test/uitslag?/save', {
		headers: { 'sec-fetch-site': 'cross-site', origin: 'https://elsewhere.example' },
		form: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`q${i + 1}`, 'no']))
	});
	expect(response.status()).toBe(403);
	expect(response.headers()['location']).toBeUndefined();
});

test('an old browser without Sec-Fetch-Site needs the site cookie to post a form', async ({ playwright, baseURL }) => {
	// Safari before 16.4 sends no Sec-Fetch-Site; with no-referrer its own posts say "Origin: null".
	const bare = await playwright.request.newContext({ baseURL });
	const form = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`q${i + 1}`, 'no']));
	const refused = await bare.post('/nl/test/uitslag?/score', { headers: { origin: 'null' }, form, maxRedirects: 0 });
	expect(refused.status()).toBe(403);
	// After a page visit the SameSite=Strict cookie is there, and the same post works.
	const page = await bare.get('/nl/test/uitslag');
	expect(page.headers()['set-cookie']).toMatch(/brug_site=1;.*SameSite=Strict/i);
	const allowed = await bare.post('/nl/test/uitslag?/score', { headers: { origin: 'null', accept: 'text/html' }, form, maxRedirects: 0 });
	expect(allowed.status()).toBe(303);
	await bare.dispose();
});

test('a form post with an unreadable body gets a clear 400, not a 500', async ({ request }) => {
	const response = await request.post('/nl/test/uitslag?/score', {
		headers: { 'content-type': 'multipart/form-data', 'sec-fetch-site': 'same-origin' },
		data: Buffer.from('not really multipart')
	});
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('Dit formulier kwam niet goed aan. Probeer het nog eens.');
});
