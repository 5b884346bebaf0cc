/**
 * Outcome reports through the real pages. An organisation's admin invites a report reader; a municipality (a funder
 * organisation) is set up beside it. Ten people who chose to count finished the programme with a before and an after
 * measurement: nine are written straight into the database (their months of weekly steps cannot be lived through in a
 * test), the tenth is a real account. The report reader makes a programme report and sees its figures, chart and
 * table, and a second report that is never shared; the admin shares the first with the municipality, which sees it and
 * not the other. Then the tenth person stops counting on her sharing page, and the report made afterwards shows counts
 * only (nine complete pairs). JavaScript on and off; axe on every page.
 */
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { nthMailTo, uniqueAddress } from './mailbox';
import { setUpOrganisation, turnOnTwoStep } from './organisations';
import { signUpAndConfirm } from './people';
import { seeder, type Scores } from '../integration/report-data-seed';
import type { Database } from '../../src/lib/server/db/schema';

const password = 'een lang wachtwoord';
const countsOnly = 'Minder dan 10 mensen hebben een voor- en nameting. Daarom tonen we alleen aantallen.';
const changeHeading = 'Verandering in eenzaamheid';

/** Before and after (emotional, social) of the nine people written into the database. */
const seededScores: [Scores, Scores][] = [
	[[4, 3], [2, 2]], [[5, 3], [3, 2]], [[3, 2], [2, 1]], [[6, 4], [4, 3]], [[4, 4], [3, 3]],
	[[2, 3], [1, 2]], [[5, 5], [4, 3]], [[3, 3], [3, 2]], [[4, 2], [2, 2]]
];

async function newPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
	const { viewport, isMobile, hasTouch, userAgent, deviceScaleFactor } = test.info().project.use;
	const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport, isMobile, hasTouch, userAgent, deviceScaleFactor });
	return context.newPage();
}

async function open(page: Page, address: string, heading: string | RegExp): Promise<void> {
	await page.goto(address);
	await waitForPage(page);
	await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
	await expectNoAxeViolations(page);
}

/** The e2e server's own SQLite database (playwright.config.ts makes a data dir per run). */
function e2eDatabase() {
	const file = path.join(process.env.BRUG_E2E_DATA_DIR!, 'brug.sqlite');
	return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(file, { timeout: 10_000 }) }) }), kind: 'sqlite' as const };
}

/** The admin invites a report reader by mail; the reader makes an account from the link and turns on two-step. */
async function inviteReportReader(admin: Page, reader: Page, input: { name: string; email: string }): Promise<void> {
	await admin.getByLabel('E-mailadres').fill(input.email);
	await admin.getByRole('radio', { name: /^lezer van de rapporten/ }).check();
	await admin.getByRole('button', { name: 'Uitnodiging mailen' }).click();
	await expect(admin.getByText('De uitnodiging is gemaild.')).toBeVisible();
	await reader.goto((await nthMailTo(input.email)).link);
	await waitForPage(reader);
	await reader.getByLabel('Je naam').fill(input.name);
	await reader.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await reader.getByLabel('Herhaal het nieuwe wachtwoord').fill(password);
	await reader.getByRole('button', { name: 'Account maken en meedoen' }).click();
	await expect(reader.getByText(/Zet daarom eerst inloggen in twee stappen aan/)).toBeVisible();
	await turnOnTwoStep(reader, password);
	await reader.getByRole('link', { name: 'Naar de rapporten' }).click();
	await expect(reader.getByRole('heading', { level: 1, name: 'Rapporten' })).toBeVisible();
}

/** On the list: "Nieuw rapport", the form, and the report it makes; returns the report's address. */
async function makeReport(reader: Page, input: { title: string; kind: RegExp; from?: string; to?: string }, axe: boolean): Promise<string> {
	await reader.getByRole('link', { name: 'Nieuw rapport' }).click();
	await expect(reader.getByRole('heading', { level: 1, name: 'Nieuw rapport' })).toBeVisible();
	if (axe) await expectNoAxeViolations(reader);
	await reader.getByLabel('Naam van het rapport').fill(input.title);
	await reader.getByRole('radio', { name: input.kind }).check();
	if (input.from) await reader.getByLabel('Eerste kwartaal').fill(input.from);
	if (input.to) await reader.getByLabel('Laatste kwartaal').fill(input.to);
	await reader.getByRole('button', { name: 'Rapport maken' }).click();
	await expect(reader.getByRole('heading', { level: 1, name: input.title })).toBeVisible();
	return new URL(reader.url()).pathname;
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`outcome reports, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(180_000);

		test('a reader sees the figures, a municipality only what was shared, and a person who stops counting is gone', async ({ browser, page: admin }) => {
			const reader = await newPage(browser, javaScriptEnabled);
			const municipality = await newPage(browser, javaScriptEnabled);
			const anna = await newPage(browser, javaScriptEnabled);
			const tag = `${Date.now()}-${test.info().project.name}-${javaScriptEnabled ? 'js' : 'nojs'}`;
			const organisation = `Welzijn ${tag}`;
			const funder = `Gemeente ${tag}`;

			await setUpOrganisation(admin, { organisation, name: 'Ina Beheer', email: uniqueAddress('ina'), password });
			const organisationId = /\/organisatie\/([^/?#]+)/.exec(admin.url())![1]!;
			await inviteReportReader(admin, reader, { name: 'Rik Rapport', email: uniqueAddress('rik') });
			await setUpOrganisation(municipality, { organisation: funder, name: 'Gea Gemeente', email: uniqueAddress('gea'), password, kind: 'Gemeente die rapporten ontvangt' });
			const annaEmail = uniqueAddress('anna');
			await signUpAndConfirm(anna, annaEmail, password);

			// Nine people and Anna finished the programme in this organisation and chose to count.
			const handle = e2eDatabase();
			try {
				const seed = seeder(handle, `${tag}-`);
				for (const [pre, post] of seededScores) await seed.programmeUnit(organisationId, { pre, post });
				const annaRow = await handle.db.selectFrom('account').select('id').where('email', '=', annaEmail).executeTakeFirstOrThrow();
				await seed.programmeUnit(organisationId, { person: annaRow.id, pre: [5, 4], post: [3, 3] });
			} finally {
				await handle.db.destroy();
			}

			// The report reader: an empty list first, then a programme report with its figures, chart and table.
			await open(reader, `/nl/organisatie/${organisationId}/rapporten`, 'Rapporten');
			const programmeReport = await makeReport(reader, { title: 'Acht weken samen', kind: /^Een programma/ }, true);
			await expect(reader.getByRole('heading', { name: changeHeading }).first()).toBeVisible();
			await expect(reader.getByText(countsOnly)).toHaveCount(0);
			await expect(reader.locator('svg[role="img"]').first()).toBeVisible();
			await expect(reader.getByRole('table').first()).toBeVisible();
			await expect(reader.getByText(/er is geen vergelijkingsgroep/)).toBeVisible();
			await expectNoAxeViolations(reader);
			await open(reader, `/nl/organisatie/${organisationId}/rapporten`, 'Rapporten');
			const unsharedReport = await makeReport(reader, { title: 'Heel 2025', kind: /^Een periode/, from: '2025 K1', to: '2025 K4' }, false);
			await expect(reader.getByRole('heading', { name: changeHeading }).first()).toBeVisible();

			// The admin shares the programme report with the municipality, and only that one.
			await open(admin, programmeReport, 'Acht weken samen');
			await admin.getByLabel('Gemeente', { exact: true }).selectOption({ label: funder });
			await admin.getByRole('button', { name: 'Delen', exact: true }).click();
			await expect(admin.getByText('Het rapport is gedeeld.')).toBeVisible();
			await expectNoAxeViolations(admin);

			await open(municipality, '/nl/financier', 'Rapporten voor de gemeente');
			await expect(municipality.getByText('Heel 2025')).toHaveCount(0);
			await municipality.getByRole('link', { name: 'Acht weken samen' }).click();
			await expect(municipality.getByRole('heading', { level: 1, name: 'Acht weken samen' })).toBeVisible();
			await expect(municipality.getByRole('heading', { name: changeHeading }).first()).toBeVisible();
			await expectNoAxeViolations(municipality);
			const funderId = /\/financier\/([^/?#]+)\//.exec(municipality.url())![1]!;
			const unsharedId = unsharedReport.split('/').at(-1)!;
			const refused = await municipality.goto(`/nl/financier/${funderId}/${unsharedId}`);
			expect(refused?.status()).toBe(404);
			expect(await municipality.content()).not.toContain('Heel 2025');

			// Anna stops counting; the report made afterwards rests on nine pairs and shows counts only.
			await open(anna, '/nl/account/delen', /./);
			await expect(anna.getByRole('heading', { name: 'Meetellen in de cijfers' })).toBeVisible();
			await anna.getByRole('button', { name: 'Niet meer meetellen' }).click();
			await expect(anna.getByText(/Je telt niet meer mee/).first()).toBeVisible();
			await expectNoAxeViolations(anna);

			await open(reader, programmeReport, 'Acht weken samen');
			await expect(reader.getByText(countsOnly)).toBeVisible();
			await expect(reader.getByRole('heading', { name: changeHeading })).toHaveCount(0);
			await municipality.goto(`/nl/financier/${funderId}/${programmeReport.split('/').at(-1)}`);
			await expect(municipality.getByText(countsOnly)).toBeVisible();
		});
	});
}
