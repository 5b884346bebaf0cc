/**
 * A professional makes a group of eight weekly sessions with a colleague as second leader, makes an invitation code
 * and opens its printable page; with people in the group, the leader records attendance on a phone-sized screen, one
 * tap per person, and after two absences in a row the group page shows the drop-out signal with a kind next step.
 * A moved session shows as moved, and the participants get a mail. JavaScript on and off; axe on every page.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { nthMailTo, uniqueAddress } from './mailbox';
import { inviteProfessional, setUpOrganisation } from './organisations';
import { seedParticipants } from './groups';

const password = 'een lang wachtwoord';
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const daysFromToday = (days: number) => dayFormat.format(new Date(Date.now() + days * 86_400_000));

async function phonePage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	return context.newPage();
}

async function checked(page: Page, heading: string | RegExp): Promise<void> {
	await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
	await expectNoAxeViolations(page);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`a leader runs a group, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(180_000);

		test('create with two leaders, print a code, record attendance, see "absent twice", move a session', async ({ browser }) => {
			const admin = await phonePage(browser, javaScriptEnabled);
			const lotte = await phonePage(browser, javaScriptEnabled);
			const lars = await phonePage(browser, javaScriptEnabled);
			await setUpOrganisation(admin, { organisation: `Buurtteam ${Date.now()}`, name: 'Ina Beheer', email: uniqueAddress('ina'), password });
			await inviteProfessional(admin, lars, { name: 'Lars Leider', email: uniqueAddress('lars'), password });
			await inviteProfessional(admin, lotte, { name: 'Lotte Leider', email: uniqueAddress('lotte'), password });

			// From the overview's "Je werk" card to a new group; the first session was two weeks ago.
			await lotte.goto('/nl/overzicht');
			await waitForPage(lotte);
			await lotte.getByRole('link', { name: 'Groepen', exact: true }).click();
			await checked(lotte, 'Groepen');
			await lotte.getByRole('link', { name: 'Nieuwe groep' }).click();
			await checked(lotte, 'Nieuwe groep');
			const name = `Samen sterker ${Date.now()}`;
			await lotte.getByRole('button', { name: 'Groep maken' }).click();
			await expect(lotte.getByText('Vul een naam in.')).toBeVisible();
			await expectNoAxeViolations(lotte);
			await lotte.getByLabel('Naam van de groep').fill(name);
			await lotte.getByRole('checkbox', { name: 'Lars Leider' }).check();
			await lotte.getByLabel('Eerste bijeenkomst').fill(daysFromToday(-14));
			await lotte.getByLabel('Begint om').fill('10:00');
			await lotte.getByLabel('Eindigt om').fill('11:30');
			await lotte.getByLabel('Plek', { exact: true }).fill('Buurthuis De Brug');
			await lotte.getByRole('button', { name: 'Groep maken' }).click();
			await checked(lotte, name);
			const groupId = new URL(lotte.url()).pathname.split('/').at(-1)!;

			// A code, on its printable page.
			await lotte.getByRole('button', { name: 'Maak een code' }).click();
			await checked(lotte, `Doe mee met ${name}`);
			await expect(lotte.locator('.group-code-big')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
			await expect(lotte.getByText('Je begeleiders: ')).toContainText('Lars Leider');

			// Three people joined (the join pages are another journey's).
			const anna = uniqueAddress('anna');
			seedParticipants(groupId, [
				{ name: 'Anna', email: anna },
				{ name: 'Ben', email: uniqueAddress('ben') },
				{ name: 'Cor', email: uniqueAddress('cor') }
			]);

			// The first session, in the room: everyone present but Anna, who is absent.
			await lotte.goto(`/nl/werk/groepen/${groupId}/bijeenkomsten`);
			await checked(lotte, 'Bijeenkomsten');
			await lotte.getByRole('link', { name: /^Open de bijeenkomst/ }).first().click();
			await checked(lotte, /^Bijeenkomst van /);
			const annaRow = lotte.getByRole('group', { name: 'Anna' });
			await annaRow.getByRole('button', { name: 'Afwezig' }).click();
			await expect(lotte.getByRole('status')).toHaveText('Bewaard.');
			await expect(lotte.getByRole('group', { name: 'Anna' }).getByRole('button', { name: 'Afwezig' })).toHaveAttribute('aria-pressed', 'true');
			await lotte.getByRole('button', { name: 'Iedereen aanwezig' }).click();
			await expect(lotte.getByRole('group', { name: 'Ben' }).getByRole('button', { name: 'Aanwezig' })).toHaveAttribute('aria-pressed', 'true');
			const box = await lotte.getByRole('group', { name: 'Cor' }).getByRole('button', { name: 'Te laat' }).boundingBox();
			expect(box!.height).toBeGreaterThanOrEqual(44);
			await expectNoAxeViolations(lotte);

			// The second session: Anna absent again.
			await lotte.getByRole('link', { name: 'Volgende →' }).click();
			await lotte.getByRole('group', { name: 'Anna' }).getByRole('button', { name: 'Afwezig' }).click();
			await expect(lotte.getByRole('group', { name: 'Anna' }).getByRole('button', { name: 'Afwezig' })).toHaveAttribute('aria-pressed', 'true');
			await expect(lotte.getByText('Twee keer niet geweest')).toBeVisible();

			// The group page: the signal with a kind suggestion, for Anna only.
			await lotte.getByRole('link', { name: `← ${name}` }).click();
			await checked(lotte, name);
			const annaCard = lotte.getByRole('listitem').filter({ has: lotte.getByRole('heading', { name: 'Anna' }) });
			await expect(annaCard.getByText('Twee keer niet geweest')).toBeVisible();
			await expect(annaCard.getByText('Bel even om te vragen hoe het gaat.')).toBeVisible();
			await expect(lotte.getByText('Twee keer niet geweest')).toHaveCount(1);

			// The last session moves to the afternoon: it shows as moved, and Anna gets a mail.
			await lotte.getByRole('link', { name: 'Bijeenkomsten' }).first().click();
			await lotte.getByRole('link', { name: /^Verplaatsen/ }).last().click();
			await expect(lotte.getByRole('heading', { name: /^Verplaats de bijeenkomst van / })).toBeVisible();
			await expectNoAxeViolations(lotte);
			await lotte.getByLabel('Begint om').fill('13:00');
			await lotte.getByLabel('Eindigt om').fill('14:30');
			await lotte.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
			await expect(lotte.getByRole('status')).toHaveText('Verplaatst. De deelnemers krijgen een mail.');
			await expect(lotte.getByRole('listitem').filter({ hasText: 'Verplaatst' }).filter({ hasText: '13:00 tot 14:30' })).toHaveCount(1);
			await expectNoAxeViolations(lotte);
			expect((await nthMailTo(anna)).subject).toBe(`Nieuwe tijd voor ${name}`);

			// The second leader sees the group too; the admin sees it with counts, no names.
			await lars.goto('/nl/werk/groepen');
			await expect(lars.getByRole('link', { name })).toBeVisible();
			await admin.reload();
			await expect(admin.getByRole('heading', { level: 3, name })).toBeVisible();
			await expect(admin.getByText('3 van 12 plaatsen bezet')).toBeVisible();
			await expect(admin.getByText('Anna')).toHaveCount(0);
			await expectNoAxeViolations(admin);

			for (const page of [admin, lotte, lars]) await page.context().close();
		});
	});
}
