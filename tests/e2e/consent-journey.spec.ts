/**
 * The consent journey, with JavaScript on and off, axe on every page:
 * an organisation is set up, its admin invites a professional (two-step sign-in required), the professional invites
 * a person, the person signs up, verifies by mail, accepts with chosen scopes; the professional sees only those;
 * the person sees who looked, withdraws, and the professional is refused at once; the person exports and deletes.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support';
import { nthMailTo, uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';
import { inviteProfessional, setUpOrganisation } from './organisations';

const password = 'een lang wachtwoord';

async function newPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
	return context.newPage();
}

/** The person takes the test, saves the result and keeps it in their account. */
async function keepAResult(page: Page) {
	await page.goto('/nl/test');
	for (let item = 1; item <= 11; item++) {
		await page.getByRole('group', { name: new RegExp(`^Uitspraak ${item} van 11\\b`) }).getByRole('radio', { name: 'min of meer', exact: true }).check();
	}
	await page.getByRole('button', { name: 'Bekijk mijn uitslag' }).click();
	await page.getByRole('button', { name: 'Bewaar mijn uitslag' }).click();
	await page.getByRole('button', { name: 'Bewaar in mijn account' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`consent journey, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(120_000);

		test('invite, share chosen scopes, see who looked, withdraw, export and delete', async ({ page, browser }) => {
			const admin = page;
			const professional = await newPage(browser, javaScriptEnabled);
			const person = await newPage(browser, javaScriptEnabled);
			const organisation = `Welzijn Noord ${Date.now()}`;
			const personEmail = uniqueAddress('ria');

			await setUpOrganisation(admin, { organisation, name: 'Anna Beheer', email: uniqueAddress('anna'), password });
			await inviteProfessional(admin, professional, { name: 'Joost de Vries', email: uniqueAddress('joost'), password });
			// The admin sees the new member with two-step sign-in on.
			await admin.reload();
			await expect(admin.getByRole('table', { name: 'Medewerkers' }).getByRole('row', { name: /Joost de Vries/ })).toContainText('ja');

			// The person signs up and confirms by mail, and keeps a test result in the account.
			await signUpAndConfirm(person, personEmail, password);
			await keepAResult(person);

			// The professional makes a code and has brug mail it.
			await professional.getByRole('link', { name: 'Iemand uitnodigen' }).click();
			await expectNoAxeViolations(professional);
			await professional.getByLabel(/E-mailadres/).fill(personEmail);
			await professional.getByRole('button', { name: 'Code maken' }).click();
			const code = (await professional.locator('.code').textContent())!.trim();
			expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
			await expectNoAxeViolations(professional);

			// The invitation mail arrives, and the person opens it.
			const invitation = await nthMailTo(personEmail, 2);
			expect(invitation.subject).toBe('Joost de Vries wil graag met je samenwerken op brug');
			expect(invitation.text).toContain(code);
			// Signed out, the link first asks to sign in, and then shows the invitation.
			await person.goto('/nl/account');
			await person.getByRole('button', { name: 'Uitloggen', exact: true }).click();
			await person.goto(invitation.link);
			await expect(person).toHaveURL(/\/nl\/account\/inloggen\?terug=/);
			await person.getByLabel('E-mailadres').fill(personEmail);
			await person.getByLabel('Wachtwoord').fill(password);
			await person.getByRole('button', { name: 'Inloggen' }).click();
			await expect(person.getByText(`Joost de Vries van ${organisation} wil graag met je samenwerken.`)).toBeVisible();
			await expectNoAxeViolations(person);
			// Nothing chosen: a kind, specific message, and nothing is shared.
			await person.getByRole('button', { name: 'Ja, koppelen en dit delen' }).click();
			await expect(person.getByText(/Kies minstens één ding om te delen/)).toBeVisible();
			await expectNoAxeViolations(person);
			await person.getByRole('checkbox', { name: /^Mijn uitslagen/ }).check();
			await person.getByLabel(/Hoe mag deze persoon je noemen/).fill('Ria');
			await person.getByRole('button', { name: 'Ja, koppelen en dit delen' }).click();
			await expect(person.getByText('Je bent gekoppeld. Hieronder zie je wat je deelt.')).toBeVisible();
			await expectNoAxeViolations(person);

			// The professional sees Ria, her results, and that nothing else is shared.
			await professional.goto('/nl/werk/clienten');
			await professional.getByRole('link', { name: 'Ria' }).click();
			await expect(professional.getByRole('heading', { level: 1, name: 'Ria' })).toBeVisible();
			await expect(professional.getByRole('heading', { level: 2, name: 'Uitslagen' })).toBeVisible();
			await expect(professional.getByRole('cell', { name: '11 / 11' })).toBeVisible();
			await professional.getByText('Wat deze persoon met je deelt').click();
			await expect(professional.getByText(/^Niet gedeeld: .*Gezondheidsweb/)).toBeVisible();
			await expect(professional.getByRole('heading', { name: 'Gezondheidsweb van de cliënt' })).toHaveCount(0);
			await expectNoAxeViolations(professional);
			const clientPage = professional.url();

			// Ria sees who looked.
			await person.goto('/nl/account/inzage');
			// One line for the sitting: who, from where, when, and what; each read with its time one fold away.
			const visit = person.locator('details').filter({
				has: person.locator('summary', { hasText: new RegExp(`^Joost de Vries \\(${organisation}\\) bekeek op .* om \\d\\d:\\d\\d: .*je pagina, je uitslagen`) })
			});
			await expect(visit).toHaveCount(1);
			await expect(visit.getByText('Heeft je pagina geopend')).toBeHidden();
			await visit.locator('summary').click();
			await expect(visit.getByRole('listitem').filter({ hasText: /^\d\d:\d\d Heeft je pagina geopend$/ })).toHaveCount(1);
			await expect(visit.getByRole('listitem').filter({ hasText: /^\d\d:\d\d Heeft bekeken: Mijn uitslagen$/ })).toHaveCount(1);
			// Nothing cut off or wider than the screen, on a phone too.
			for (const element of [person.getByRole('main'), person.locator('html')]) {
				const { scrollWidth, clientWidth } = await element.evaluate((node) => ({ scrollWidth: node.scrollWidth, clientWidth: node.clientWidth }));
				expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
			}
			await expectNoAxeViolations(person);

			// She stops sharing, after a question; "no" keeps it.
			await person.goto('/nl/account/delen');
			await person.getByRole('link', { name: 'Stop met delen' }).click();
			await expect(person.getByRole('heading', { name: 'Wil je stoppen met delen met Joost de Vries?' })).toBeVisible();
			await expectNoAxeViolations(person);
			await person.getByRole('link', { name: 'Nee, blijf delen' }).click();
			await person.getByRole('link', { name: 'Stop met delen' }).click();
			await person.getByRole('button', { name: 'Ja, stop met delen' }).click();
			await expect(person.getByText('Je deelt niets meer met deze persoon. Dat geldt meteen.')).toBeVisible();
			await expect(person.getByRole('row', { name: /Gestopt door jou/ })).toHaveCount(1);
			await expectNoAxeViolations(person);

			// Access ends at once.
			const refused = await professional.goto(clientPage);
			expect(refused?.status()).toBe(403);
			await expect(professional.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
			await expectNoAxeViolations(professional);
			await professional.goto('/nl/werk/clienten');
			await expect(professional.getByRole('link', { name: 'Ria' })).toHaveCount(0);

			// Ria downloads her data: the sharing history and the access log are in it.
			await person.goto('/nl/account/gegevens');
			await expectNoAxeViolations(person);
			const download = await person.request.get('/nl/account/gegevens/download');
			const exported = await download.json();
			expect(exported.consents).toEqual([expect.objectContaining({ professional: 'Joost de Vries', scopes: ['measurements'], endReason: 'withdrawn' })]);
			expect(exported.accessLog.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['client.record.read', 'client.scope.read']));

			// And deletes her account, after a page that names what goes.
			await person.goto('/nl/account/verwijderen');
			await expect(person.getByText('1 testuitslag met je antwoorden')).toBeVisible();
			await expectNoAxeViolations(person);
			await person.getByRole('button', { name: 'Ja, verwijder mijn account' }).click();
			await expect(person).toHaveURL(/\/nl\?account-verwijderd$/);
			await person.goto('/nl/account');
			await expect(person).toHaveURL(/\/nl\/account\/inloggen\?terug=/);

			await professional.context().close();
			await person.context().close();
		});
	});
}
