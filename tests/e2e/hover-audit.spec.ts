/**
 * Pointing at a link is not reading. A professional hovers over every link on the caseload, the client page, the
 * self-sufficiency ratings, the notes, the conversation view and the programme; the client's access log and the
 * caseload's "Om te bespreken" signal stay exactly as they were just before. (Preloading a page's data on hover would run its
 * audited load, and opening the client record marks "bespreek dit" entries as read.) axe on every page.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { professionalWithClient, seedWorld, signedInPage, signIn } from './seed';

/** The person writes a short journal entry and marks it "bespreek dit", so the caseload has one more unread. */
async function markNewEntryToDiscuss(person: Page): Promise<void> {
	await person.goto('/nl/oefeningen/dagboek');
	await waitForPage(person);
	await person.getByRole('radio', { name: 'Gewoon', exact: true }).check();
	await person.getByRole('button', { name: 'Bewaren' }).click();
	await expect(person.getByText('Bewaard in je dagboek.')).toBeVisible();
	await person.getByRole('button', { name: 'Bespreek dit', exact: true }).first().click();
	await expect(person.getByText(/Dit stukje kan nu besproken worden/)).toBeVisible();
	await expect(person.getByRole('button', { name: 'Bespreek dit', exact: true })).toHaveCount(0);
}

/** Everything the person's access log holds on its first page (newest first, so any new event changes it). */
async function accessLog(person: Page): Promise<string> {
	await person.goto('/nl/account/inzage');
	await expect(person.getByRole('heading', { level: 1, name: 'Wie heeft mijn gegevens bekeken' })).toBeVisible();
	// The text content, folded details included: a new read inside a visit changes it too.
	return (await person.getByRole('main').textContent()) ?? '';
}

/** The client's row on the caseload, read in a tab of its own so the page under test stays where it is. */
async function caseloadRow(professional: Page, client: string): Promise<string> {
	const tab = await professional.context().newPage();
	try {
		await tab.goto('/nl/werk/clienten');
		const row = tab.getByRole('row', { name: new RegExp(`^${client}`) });
		// A signal's badge is short; its whole sentence (what is unread) is in its title.
		const titles = await row.locator('[title]').evaluateAll((badges) => badges.map((badge) => badge.getAttribute('title')));
		return [await row.innerText(), ...titles].join('\n');
	} finally {
		await tab.close();
	}
}

/** Runs in the page: whether any part of the element lies inside the viewport. */
function isInViewport(element: Element): boolean {
	const box = element.getBoundingClientRect();
	return box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth;
}

/**
 * Hovers over every visible link, scrolled into view first (so it works at phone width), and waits for any preload.
 * Returns how many links it hovered over, and the page data (SvelteKit's `__data.json`) that the hovering fetched.
 */
async function hoverEveryLink(page: Page): Promise<{ hovered: number; dataFetched: string[] }> {
	const pending = new Set<string>();
	const dataFetched: string[] = [];
	const started = (request: { url(): string }) => {
		pending.add(request.url());
		if (new URL(request.url()).pathname.endsWith('/__data.json')) dataFetched.push(request.url());
	};
	const ended = (request: { url(): string }) => pending.delete(request.url());
	page.on('request', started);
	page.on('requestfinished', ended);
	page.on('requestfailed', ended);
	const startUrl = page.url();
	let hovered = 0;
	try {
		for (const link of await page.locator('a[href]').all()) {
			if (!(await link.isVisible())) continue;
			await link.scrollIntoViewIfNeeded();
			// A link kept off screen until it has focus (the skip link) is not one a pointer can reach.
			if (!(await link.evaluate(isInViewport))) continue;
			await link.hover();
			// SvelteKit starts a hover preload after a short delay; give it the chance.
			await page.waitForTimeout(150);
			hovered++;
		}
		await expect.poll(() => pending.size, { message: 'requests still running after the hovering' }).toBe(0);
	} finally {
		page.off('request', started);
		page.off('requestfinished', ended);
		page.off('requestfailed', ended);
	}
	expect(page.url(), 'hovering must not navigate').toBe(startUrl);
	return { hovered, dataFetched };
}

test.describe('hovering is not reading', () => {
	test.setTimeout(180_000);

	test('hovering over every link on the client pages leaves the access log and "bespreek dit" unread', async ({ page, browser }) => {
		// The client shares everything there is to share (seeded: connecting is the consent journey's part).
		const world = await seedWorld(professionalWithClient({ scopes: 'all' }));
		await signIn(page.context(), world.people[0]!);
		const professional = await signedInPage(browser, true, world.professionals[0]!);

		// The client page's address gives the others.
		await professional.goto('/nl/werk/clienten');
		await professional.getByRole('link', { name: 'Lotte', exact: true }).click();
		await expect(professional.getByRole('heading', { level: 1, name: 'Lotte' })).toBeVisible();
		const clientPage = new URL(professional.url()).pathname;
		const pages = [
			{ path: '/nl/werk/clienten', heading: 'Mijn cliënten' },
			{ path: clientPage, heading: 'Lotte' },
			{ path: `${clientPage}/zelfredzaamheid`, heading: /^Zelfredzaamheid/ },
			{ path: `${clientPage}/notities`, heading: /^Gespreksnotities/ },
			{ path: `${clientPage}/gesprek`, heading: /^Gesprek/ },
			{ path: `${clientPage}/programma`, heading: /^Programma/ }
		];

		for (const { path, heading } of pages) {
			await professional.goto(path);
			await expect(professional.getByRole('heading', { level: 1, name: heading })).toBeVisible();
			await waitForPage(professional);
			await expectNoAxeViolations(professional);
			// Opening a client page reads what is marked; mark a fresh one after it, so there is an unread one to lose.
			await markNewEntryToDiscuss(page);
			const rowBefore = await caseloadRow(professional, 'Lotte');
			expect(rowBefore).toContain('Nog niet gelezen om te bespreken');
			const logBefore = await accessLog(page);

			const { hovered, dataFetched } = await hoverEveryLink(professional);
			expect(hovered, `links on ${path}`).toBeGreaterThan(3);

			expect(await accessLog(page), `the access log after hovering on ${path}`).toBe(logBefore);
			expect(await caseloadRow(professional, 'Lotte'), `the caseload row after hovering on ${path}`).toBe(rowBefore);
			// Code may preload on hover; data may not, audited or not.
			expect(dataFetched, `page data loaded by hovering on ${path}`).toEqual([]);
		}
		await expectNoAxeViolations(page);

		await professional.context().close();
	});
});
