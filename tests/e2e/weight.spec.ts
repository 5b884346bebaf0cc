/**
 * How much JavaScript the person's pages ship, measured as Chromium loads them: none on the pages that work fully
 * without it, and at most 40 KB gzipped (the sum over the page's script files, each compressed on its own, plus any
 * inline script) on every other page. See docs/performance.md.
 */
import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';
import { expect, test } from './support';
import { signUpAndConfirm } from './people';

const budgetBytes = 40 * 1024;

/** Pages that work fully without JavaScript and so ship none. */
const scriptFree = ['/nl/test', '/nl/hulp', '/nl/oefeningen', '/nl/stappen', '/nl/account/inloggen'];

/** The person's other pages without an account. */
const publicPages = ['/nl', '/nl/patronen', '/nl/over', '/nl/privacy', '/nl/woordenlijst', '/nl/account/registreren', '/nl/oefeningen/dagboek', '/nl/oefeningen/ademen'];

/** The person's pages once signed in. */
const signedInPages = [
	'/nl/overzicht',
	'/nl/mensen',
	'/nl/mensen/nieuw',
	'/nl/mensen/agenda',
	'/nl/gezondheidsweb',
	'/nl/gesprekken',
	'/nl/programma',
	'/nl/account',
	'/nl/account/gegevens',
	'/nl/account/inzage',
	'/nl/account/delen',
	'/nl/account/koppelen',
	'/nl/account/tweestaps',
	'/nl/account/api-sleutels',
	'/nl/account/verwijderen'
];

type Weight = { path: string; files: number; gzipBytes: number };

/** Opens `path` and adds up every script it loads (lazy chunks included, until the network is quiet). */
async function scriptWeight(page: Page, path: string): Promise<Weight> {
	// A blank page first, so no script still loading for the previous page is counted (or read after it is gone).
	await page.goto('about:blank');
	const bodies: Promise<Buffer>[] = [];
	const onResponse = (response: Response) => {
		if (response.request().resourceType() === 'script') bodies.push(response.body());
	};
	page.on('response', onResponse);
	try {
		const response = await page.goto(path, { waitUntil: 'networkidle' });
		expect(response?.status(), `${path} answers`).toBe(200);
	} finally {
		page.off('response', onResponse);
	}
	const inline = await page.evaluate(() => [...document.scripts].filter((script) => !script.src).map((script) => script.textContent ?? ''));
	const scripts = [...(await Promise.all(bodies)), ...inline.map((text) => Buffer.from(text))];
	return { path, files: scripts.length, gzipBytes: scripts.reduce((sum, body) => sum + gzipSync(body).length, 0) };
}

/** Fills the anonymous test and saves the result: its personal link is a result page. */
async function savedResultPath(page: Page): Promise<string> {
	await page.goto('/nl/test');
	for (let item = 1; item <= 11; item++) {
		await page.getByRole('group', { name: new RegExp(`^Uitspraak ${item} van 11\\b`) }).getByRole('radio', { name: 'nee', exact: true }).check();
	}
	await page.getByRole('button', { name: 'Bekijk mijn uitslag' }).click();
	await page.getByRole('button', { name: 'Bewaar mijn uitslag' }).click();
	await expect(page).toHaveURL(/\/nl\/uitslag\/[A-Za-z0-9_-]{22}/);
	return new URL(page.url()).pathname;
}

test('pages ship only the JavaScript they need', async ({ page }) => {
	test.slow();
	const resultPath = await savedResultPath(page);
	const weights: Weight[] = [];
	for (const path of [...scriptFree, resultPath, ...publicPages]) weights.push(await scriptWeight(page, path));
	await signUpAndConfirm(page, `weight-${test.info().project.name}-${Date.now()}@example.org`, 'een lang en sterk wachtwoord 42');
	for (const path of signedInPages) weights.push(await scriptWeight(page, path));

	test.info().annotations.push({ type: 'script weight', description: weights.map((w) => `${w.path} ${w.files} files ${(w.gzipBytes / 1024).toFixed(1)} KB`).join('; ') });
	const zeroPaths = new Set([...scriptFree, resultPath]);
	expect.soft(weights.filter((weight) => zeroPaths.has(weight.path) && weight.files > 0), 'pages that work without JavaScript ship none').toEqual([]);
	expect(weights.filter((weight) => weight.gzipBytes > budgetBytes), `pages over ${budgetBytes / 1024} KB of gzipped JavaScript`).toEqual([]);
});
