/**
 * The client page starts with what matters: Lotte shares results, the health web and the programme with Joris, and
 * is in the group he leads, where she was at last week's session (seeded: how people connect and join is the
 * consent and group journeys' part). The professional asks for a DJG-11, starts the programme, rates
 * self-sufficiency and writes a note (the day left empty means today, and the field says so). The client fills in
 * the DJG-11 and the web and opens week 0. The professional then sees the summary (latest result and its change in
 * words, the programme week) and one timeline with every kind, the group session with her attendance among them, and
 * filters it to the notes, then to the group. JavaScript on and off, axe on each page.
 */
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { professionalWithClient, seedWorld, signedInPage, signIn } from './seed';

const group = 'Samen op dinsdag';

for (const javaScriptEnabled of [true, false]) {
	test.describe(`the client page, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
		test.setTimeout(180_000);

		test('summary first, one timeline of every kind, filtered by kind', async ({ page: professional, browser }) => {
			const world = await seedWorld({
				...professionalWithClient({ scopes: ['measurements', 'health_web', 'programme'] }),
				// One session, last week, held, with Lotte there.
				groups: [{ name: group, leaders: [0], firstDayFromToday: -7, count: 1, members: [{ person: 0, personName: 'Lotte', present: [0] }] }]
			});
			await signIn(professional.context(), world.professionals[0]!);
			const person = await signedInPage(browser, javaScriptEnabled, world.people[0]!);

			// The professional asks for a DJG-11 and starts the programme.
			await professional.goto('/nl/werk/clienten');
			// Started, so the next pages open as a professional moves through them: in the page, not loaded anew.
			await waitForPage(professional);
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
			for (const entry of [/^De Jong Gierveld.*: 6 \/ 11/, 'Gezondheidsweb ingevuld', /^Zelfredzaamheid ingeschat door Joris Smit: 1 van de 13 domeinen/, /^Gespreksnotitie door Joris Smit: Lotte wil naar de buurtkamer\./, /^Programma: week 0 open:/, `Bijeenkomst ${group}: Aanwezig`]) {
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

			// Only the group: the session she was at, and nothing else.
			await timeline.getByRole('checkbox', { name: 'Gespreksnotities' }).uncheck();
			await timeline.getByRole('checkbox', { name: 'Groep' }).check();
			await timeline.getByRole('button', { name: 'Toon' }).click();
			await expect(timeline.getByText('Je ziet nu: Groep.')).toBeVisible();
			await expect(professional).toHaveURL(/\?soort=groep#tijdlijn$/);
			await expect(timeline.getByText(`Bijeenkomst ${group}: Aanwezig`)).toBeVisible();
			await expect(timeline.getByRole('listitem')).toHaveCount(1);
			await expect(timeline.getByText(/^Gespreksnotitie/)).toHaveCount(0);
			await expect(timeline.getByText('Gezondheidsweb ingevuld')).toHaveCount(0);
			await expectNoAxeViolations(professional);
			await timeline.getByRole('link', { name: 'Alles tonen' }).click();
			await expect(timeline.getByText('Gezondheidsweb ingevuld')).toBeVisible();
		});
	});
}
