/**
 * The client page starts with what matters: a client shares results, the health web and the programme; the
 * professional asks for a DJG-11, starts the programme, rates self-sufficiency and writes a note (the day left empty
 * means today, and the field says so). The client fills in the DJG-11 and the web and opens week 0. The professional
 * then sees the summary (latest result and its change in words, the programme week) and one timeline with every kind,
 * and filters it to the notes. JavaScript on and off, axe on each page. A group's attendance in the timeline is covered
 * by tests/integration/client-page.test.ts: setting up a group session through the pages would double this journey.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';
import { inviteProfessional, setUpOrganisation } from './organisations';

const password = 'een lang wachtwoord';

async function newPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
	return context.newPage();
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`the client page, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
		test.setTimeout(180_000);

		test('summary first, one timeline of every kind, filtered by kind', async ({ page: professional, browser }) => {
			const admin = await newPage(browser, javaScriptEnabled);
			const person = await newPage(browser, javaScriptEnabled);
			await setUpOrganisation(admin, { organisation: `Wijkteam ${Date.now()}`, name: 'Ina Beheer', email: uniqueAddress('ina'), password });
			await inviteProfessional(admin, professional, { name: 'Joris Smit', email: uniqueAddress('joris'), password });
			await professional.getByRole('link', { name: 'Iemand uitnodigen' }).click();
			await professional.getByRole('button', { name: 'Code maken' }).click();
			const code = (await professional.locator('.code').textContent())!.trim();

			await signUpAndConfirm(person, uniqueAddress('lotte'), password);
			await person.goto(`/nl/account/koppelen?code=${code}`);
			await waitForPage(person);
			for (const scope of [/^Mijn uitslagen/, /^Mijn gezondheidsweb/, /^Mijn programma en oefeningen/]) await person.getByRole('checkbox', { name: scope }).check();
			await person.getByLabel(/Hoe mag deze persoon je noemen/).fill('Lotte');
			await person.getByRole('button', { name: 'Ja, koppelen en dit delen' }).click();
			await expect(person.getByText('Je bent gekoppeld. Hieronder zie je wat je deelt.')).toBeVisible();

			// The professional asks for a DJG-11 and starts the programme.
			await professional.goto('/nl/werk/clienten');
			await professional.getByRole('link', { name: 'Lotte' }).click();
			await expect(professional.getByRole('heading', { level: 1, name: 'Lotte' })).toBeVisible();
			const clientPage = professional.url();
			await professional.getByText('Een vragenlijst vragen').click();
			await waitForPage(professional);
			await professional.getByRole('button', { name: 'Vragen', exact: true }).click();
			await expect(professional.getByText('Gevraagd. Je cliënt ziet het op het overzicht.')).toBeVisible();
			await professional.getByRole('main').getByRole('link', { name: 'Programma', exact: true }).click();
			await waitForPage(professional);
			await professional.getByRole('button', { name: 'Programma starten' }).click();
			await expect(professional.getByText('Het programma staat klaar. Lotte ziet het bij de volgende keer in brug.')).toBeVisible();

			// The client fills in the DJG-11 ("ja" everywhere: 6 points) and the web, and opens week 0.
			await person.goto('/nl/overzicht');
			await person.getByRole('link', { name: /De Jong Gierveld/ }).click();
			await waitForPage(person);
			for (let item = 1; item <= 11; item++) {
				await person.getByRole('group', { name: new RegExp(`^Uitspraak ${item} van 11\\b`) }).getByRole('radio', { name: 'ja', exact: true }).check();
			}
			await person.getByRole('button', { name: 'Klaar, bewaar mijn antwoorden' }).click();
			await expect(person.getByText('Bewaard. Hier is je uitslag.')).toBeVisible();
			await person.goto('/nl/gezondheidsweb');
			await waitForPage(person);
			for (const area of ['Lichaamsfuncties', 'Mentaal welbevinden', 'Zingeving', 'Kwaliteit van leven', 'Meedoen', 'Dagelijks functioneren']) {
				await person.getByRole('group', { name: new RegExp(`^${area}`) }).getByRole('radio', { name: '6', exact: true }).check();
			}
			await person.getByRole('button', { name: 'Bewaar mijn web' }).click();
			await expect(person.getByText(/Je web is bewaard/)).toBeVisible();
			await person.goto('/nl/programma');
			await person.getByRole('link', { name: 'Ga naar Week 0' }).click();
			await expect(person.getByRole('heading', { level: 1, name: 'Welkom: zo gaan de komende weken' })).toBeVisible();

			// A rating and a note; the note's day is left empty, and the field says that means today.
			await professional.goto(clientPage);
			await professional.getByRole('link', { name: 'Zelfredzaamheid' }).click();
			await waitForPage(professional);
			await professional.getByRole('group', { name: /^Sociaal netwerk/ }).getByRole('radio', { name: /^4:/ }).check();
			await professional.getByRole('button', { name: 'Bewaar inschatting' }).click();
			await expect(professional.getByText('Je inschatting is bewaard.')).toBeVisible();
			await professional.goto(clientPage);
			await professional.getByRole('link', { name: 'Gespreksnotities' }).click();
			await waitForPage(professional);
			const day = professional.getByLabel('Dag van het gesprek');
			await expect(day).toHaveAccessibleDescription('Leeg laten? Dan wordt het vandaag.');
			await expectNoAxeViolations(professional);
			await day.fill('');
			await professional.getByLabel('Notitie', { exact: true }).fill('Lotte wil naar de buurtkamer.');
			await professional.getByRole('button', { name: 'Notitie bewaren' }).click();
			await expect(professional.getByText('De notitie is bewaard.')).toBeVisible();

			// The client page: the summary first, then one timeline with every kind.
			await professional.goto(clientPage);
			const summary = professional.getByRole('region', { name: 'In het kort' });
			await expect(summary.getByText(/^Laatste uitslag: De Jong Gierveld.*, 6 \/ 11 op /)).toBeVisible();
			await expect(summary.getByText('De eerste uitslag op deze vragenlijst')).toBeVisible();
			await expect(summary.getByText('Programma: week 0')).toBeVisible();
			await expect(summary.getByText('Niets gekozen om te bespreken.')).toBeVisible();
			const timeline = professional.getByRole('region', { name: 'Tijdlijn' });
			for (const entry of [/^De Jong Gierveld.*: 6 \/ 11/, 'Gezondheidsweb ingevuld', /^Zelfredzaamheid ingeschat door Joris Smit: 1 van de 13 domeinen/, /^Gespreksnotitie door Joris Smit: Lotte wil naar de buurtkamer\./, /^Programma: week 0 open:/]) {
				await expect(timeline.getByText(entry)).toBeVisible();
			}
			await expectNoAxeViolations(professional);

			// Only the notes.
			await timeline.getByRole('checkbox', { name: 'Gespreksnotities' }).check();
			await timeline.getByRole('button', { name: 'Toon' }).click();
			await expect(timeline.getByText('Je ziet nu: Gespreksnotities.')).toBeVisible();
			await expect(professional).toHaveURL(/\?soort=notitie#tijdlijn$/);
			await expect(timeline.getByText(/^Gespreksnotitie door Joris Smit/)).toBeVisible();
			await expect(timeline.getByText('Gezondheidsweb ingevuld')).toHaveCount(0);
			await expect(timeline.getByText(/^De Jong Gierveld/)).toHaveCount(0);
			await expectNoAxeViolations(professional);
			await timeline.getByRole('link', { name: 'Alles tonen' }).click();
			await expect(timeline.getByText('Gezondheidsweb ingevuld')).toBeVisible();
		});
	});
}
