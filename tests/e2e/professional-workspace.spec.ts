/**
 * The professional workspace, JavaScript on and off, axe on every page: a professional asks a
 * linked client to fill in the DJG-11 every four weeks; the client sees it on the overview, fills it in signed in,
 * sees their own result first; the professional sees the result as a chart and the request waiting for its next turn,
 * and withdraws it. The client fills in the health web twice and marks what to talk about; the professional sees the
 * marked dimensions first, beside the previous web. A second questionnaire shows the change in the caseload; the
 * professional rates self-sufficiency, opens the conversation view, writes a note and shares its summary, which the
 * client then reads; withdrawing consent takes the client off the caseload at once.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { professionalWithClient, seedWorld, signedInPage, signIn } from './seed';

/** "ja" everywhere: lonely on the six emotional items, not on the five social ones (6 points); "nee": the other way round (5). */
async function answerDjg11(page: Page, answer: 'ja' | 'nee' = 'ja') {
	for (let item = 1; item <= 11; item++) {
		await page
			.getByRole('group', { name: new RegExp(`^Uitspraak ${item} van 11\\b`) })
			.getByRole('radio', { name: answer, exact: true })
			.check();
	}
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`professional workspace, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(120_000);

		test('request DJG-11, the client fills it in, the caseload and chart, health web, self-sufficiency, the conversation view, withdrawal', async ({ page, browser }) => {
			// Lotte shares her results and her health web with Joris (seeded: connecting is the consent journey's part).
			const world = await seedWorld(professionalWithClient({ scopes: ['measurements', 'health_web'] }));
			await signIn(page.context(), world.people[0]!);
			const professional = await signedInPage(browser, javaScriptEnabled, world.professionals[0]!);

			// The professional asks: DJG-11, from today, every four weeks. A wrong repeat is refused first.
			await professional.goto('/nl/werk/clienten');
			await professional.getByRole('link', { name: 'Lotte' }).click();
			await expect(professional.getByRole('heading', { level: 2, name: 'Vragenlijsten' })).toBeVisible();
			await expect(professional.getByText('Er staat nu geen vragenlijst open.')).toBeVisible();
			await expectNoAxeViolations(professional);
			await professional.getByText('Een vragenlijst vragen').click();
			await waitForPage(professional);
			await professional.getByLabel('Hoe vaak?').selectOption({ label: 'Elke 4 weken' });
			await professional.getByRole('button', { name: 'Vragen', exact: true }).click();
			await expect(professional.getByText('Gevraagd. Je cliënt ziet het op het overzicht.')).toBeVisible();
			await expect(professional.getByRole('listitem').filter({ hasText: /staat klaar, elke 4 weken/ })).toBeVisible();
			await expectNoAxeViolations(professional);

			// The client sees it on the overview and fills it in; unanswered items are named.
			await page.goto('/nl/overzicht');
			await expect(page.getByRole('heading', { name: 'Gevraagd door je begeleider' })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: /De Jong Gierveld/ }).click();
			await expect(page.getByText(/Joris Smit vraagt je deze vragen in te vullen/)).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('button', { name: 'Klaar, bewaar mijn antwoorden' }).click();
			await expect(page.getByText('Kies een antwoord bij deze uitspraak.').first()).toBeVisible();
			await answerDjg11(page);
			await page.getByRole('button', { name: 'Klaar, bewaar mijn antwoorden' }).click();
			await expect(page.getByText('Bewaard. Hier is je uitslag.')).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Jouw uitslag' })).toBeVisible();
			await expectNoAxeViolations(page);
			// Done for now: the next one comes in four weeks.
			await page.goto('/nl/overzicht');
			await expect(page.getByRole('heading', { name: 'Gevraagd door je begeleider' })).toHaveCount(0);

			// The professional sees the result, and the request waiting for its next turn; then withdraws it.
			await professional.reload();
			const results = professional.getByRole('region', { name: 'Uitslagen', exact: true });
			await expect(results.getByRole('img', { name: /De Jong Gierveld.* door de tijd/ })).toBeVisible();
			await results.getByText('Toon als tabel').click();
			await expect(results.getByRole('table', { name: /door de tijd/ }).getByRole('row')).toHaveCount(2);
			await expectNoAxeViolations(professional);
			// The history downloads as CSV and as a FHIR R4 Bundle.
			const csv = await professional.request.get((await results.getByRole('link', { name: /^CSV/ }).getAttribute('href'))!);
			expect(csv.headers()['content-type']).toContain('text/csv');
			expect((await csv.text()).split('\r\n')[1]).toContain('djg-11');
			const fhir = await professional.request.get((await results.getByRole('link', { name: /^FHIR/ }).getAttribute('href'))!);
			const bundle = (await fhir.json()) as { resourceType: string; entry: { fullUrl: string; resource: { resourceType: string; subject?: unknown; author?: unknown } }[] };
			expect(bundle.resourceType).toBe('Bundle');
			expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Patient', 'Practitioner', 'Organization', 'PractitionerRole', 'Questionnaire', 'QuestionnaireResponse']);
			// The answers name whose they are and who sent them; the file is named after Lotte and the day.
			expect(bundle.entry[5]!.resource).toMatchObject({ subject: { reference: bundle.entry[0]!.fullUrl }, author: { reference: bundle.entry[3]!.fullUrl } });
			expect(fhir.headers()['content-disposition']).toMatch(/^attachment; filename="brug-metingen-lotte-\d{4}-\d\d-\d\d\.fhir\.json"/);
			expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="brug-metingen-lotte-\d{4}-\d\d-\d\d\.csv"/);
			await expect(professional.getByRole('listitem').filter({ hasText: /vanaf .*, elke 4 weken/ })).toBeVisible();
			await professional.getByRole('button', { name: /^Intrekken/ }).click();
			await expect(professional.getByText('De vraag is ingetrokken.')).toBeVisible();
			await expect(professional.getByText('Er staat nu geen vragenlijst open.')).toBeVisible();

			// A second one, once: the client answers "nee" everywhere (5 points), so the caseload shows the change.
			const ask = professional.getByRole('button', { name: 'Vragen', exact: true });
			// The form folds open; with JavaScript it may still be open from the first request.
			if (!(await ask.isVisible())) await professional.getByText('Een vragenlijst vragen').click();
			await waitForPage(professional);
			await ask.click();
			await expect(professional.getByText('Gevraagd. Je cliënt ziet het op het overzicht.')).toBeVisible();
			await page.goto('/nl/overzicht');
			await page.getByRole('link', { name: /De Jong Gierveld/ }).click();
			await answerDjg11(page, 'nee');
			await page.getByRole('button', { name: 'Klaar, bewaar mijn antwoorden' }).click();
			await expect(page.getByText('Bewaard. Hier is je uitslag.')).toBeVisible();
			await professional.goto('/nl/werk/clienten');
			const lotte = professional.getByRole('row', { name: /^Lotte/ });
			await expect(lotte).toContainText('5 / 11');
			await expect(lotte.getByRole('cell', { name: '1 lager: minder eenzaam', exact: true })).toBeVisible();
			await expectNoAxeViolations(professional);
			await lotte.getByRole('link', { name: 'Lotte' }).click();

			// The health web: every area needs a score; twice, so the second sits beside the first.
			await page.goto('/nl/gezondheidsweb');
			await expect(page.getByRole('heading', { level: 1, name: 'Mijn gezondheidsweb' })).toBeVisible();
			await expectNoAxeViolations(page);
			await waitForPage(page);
			await page.getByRole('group', { name: /^Meedoen/ }).getByRole('radio', { name: '3', exact: true }).check();
			await page.getByRole('button', { name: 'Bewaar mijn web' }).click();
			await expect(page.getByText('Kies een cijfer van 0 tot 10.').first()).toBeVisible();
			await expectNoAxeViolations(page);
			for (const [web, scores] of [[1, [6, 5, 6, 6, 5, 7]], [2, [6, 5, 6, 6, 3, 7]]] as const) {
				await waitForPage(page);
				const areas = ['Lichaamsfuncties', 'Mentaal welbevinden', 'Zingeving', 'Kwaliteit van leven', 'Meedoen', 'Dagelijks functioneren'];
				for (const [i, area] of areas.entries()) {
					await page.getByRole('group', { name: new RegExp(`^${area}`) }).getByRole('radio', { name: String(scores[i]), exact: true }).check();
				}
				if (web === 2) await page.getByRole('group', { name: /^Meedoen/ }).getByRole('checkbox', { name: 'Hier wil ik over praten' }).check();
				await page.getByRole('button', { name: 'Bewaar mijn web' }).click();
				await expect(page.getByText(/Je web is bewaard/)).toBeVisible();
			}
			await expect(page.getByRole('img', { name: /Gezondheidsweb van/ })).toBeVisible();
			await expectNoAxeViolations(page);

			await professional.reload();
			const web = professional.getByRole('region', { name: 'Gezondheidsweb van de cliënt' });
			await expect(web.getByText('Hierover wil je cliënt praten:')).toBeVisible();
			await expect(web.getByRole('listitem').filter({ hasText: 'Meedoen: 3' })).toBeVisible();
			await expect(web.getByRole('img', { name: /Meedoen 3 \(was 5\)/ })).toBeVisible();
			await expectNoAxeViolations(professional);

			// The professional rates self-sufficiency; the conversation view puts it beside the client's own web.
			await professional.getByRole('link', { name: 'Zelfredzaamheid' }).click();
			await expect(professional.getByRole('heading', { level: 1, name: /^Zelfredzaamheid/ })).toBeVisible();
			await expectNoAxeViolations(professional);
			await professional.getByRole('button', { name: 'Bewaar inschatting' }).click();
			await expect(professional.getByText('Geef minstens één domein een niveau.')).toBeVisible();
			await waitForPage(professional);
			const socialNetwork = professional.getByRole('group', { name: /^Sociaal netwerk/ });
			await socialNetwork.getByRole('radio', { name: /^4:/ }).check();
			// Where the strength comes from is folded away per row.
			await socialNetwork.locator('summary').click();
			await socialNetwork.getByLabel('Waar komt de kracht vandaan?').selectOption({ index: 2 });
			await professional.getByRole('button', { name: 'Bewaar inschatting' }).click();
			await expect(professional.getByText('Je inschatting is bewaard.')).toBeVisible();
			await expect(professional.getByRole('row', { name: /Sociaal netwerk 4/ })).toBeVisible();
			await expectNoAxeViolations(professional);
			await professional.getByRole('link', { name: /^← Lotte/ }).click();
			await professional.getByRole('link', { name: 'Gesprek', exact: true }).click();
			await expect(professional.getByRole('heading', { level: 1, name: /^Gesprek/ })).toBeVisible();
			const picture = professional.getByRole('img', { name: /^Het web van Lotte naast jouw inschatting/ });
			await expect(picture.getByText('Sociaal netwerk: lukt goed')).toBeVisible();
			await expect(picture.getByText('≠ Hier zien jullie het anders: cliënt ziet het slechter')).toBeVisible();
			// What the client marked comes first.
			await expect(picture.locator('text.heading').first()).toHaveText('Meedoen');
			await expectNoAxeViolations(professional);

			// A conversation note: the note stays with the professional, the summary is shared and the client sees it.
			await professional.getByRole('link', { name: 'Gespreksnotities' }).click();
			await expect(professional.getByRole('heading', { level: 1, name: /^Gespreksnotities/ })).toBeVisible();
			await expect(professional.getByText('Er zijn nog geen notities over Lotte.')).toBeVisible();
			await expectNoAxeViolations(professional);
			await waitForPage(professional);
			await professional.getByRole('checkbox', { name: 'Deel de samenvatting met Lotte' }).check();
			await professional.getByRole('button', { name: 'Notitie bewaren' }).click();
			await expect(professional.getByText('Schrijf hier een paar woorden over het gesprek.', { exact: true })).toBeVisible();
			await expect(professional.getByText('Schrijf eerst een samenvatting. Of zet het vinkje voor delen uit.', { exact: true })).toBeVisible();
			await expectNoAxeViolations(professional);
			await waitForPage(professional);
			await professional.getByLabel('Notitie', { exact: true }).fill('Lotte twijfelt over de buurtkamer; broer belt weinig.');
			await professional.getByLabel(/^Samenvatting voor Lotte/).fill('We spraken over meedoen. Jij kiest één kleine stap: dinsdag koffie in de buurtkamer.');
			const share = professional.getByRole('checkbox', { name: 'Deel de samenvatting met Lotte' });
			if (!(await share.isChecked())) await share.check();
			await professional.getByRole('button', { name: 'Notitie bewaren' }).click();
			await expect(professional.getByText('De notitie is bewaard.')).toBeVisible();
			await expect(professional.getByText(/^Gedeeld met cliënt op/)).toBeVisible();
			await expect(professional.getByText('Nog niet gezien.')).toBeVisible();
			await expectNoAxeViolations(professional);

			await page.goto('/nl/overzicht');
			await expect(page.getByText('Je begeleider heeft een samenvatting met je gedeeld.')).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: 'Lees wat je begeleider schreef' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Van je begeleider' })).toBeVisible();
			await expect(page.getByText('dinsdag koffie in de buurtkamer')).toBeVisible();
			// The professional's own note never reaches the client.
			await expect(page.getByText('broer belt weinig')).toHaveCount(0);
			await expectNoAxeViolations(page);
			await professional.reload();
			await expect(professional.getByText(/Gedeeld met cliënt op .*\. Gezien door cliënt op/)).toBeVisible();
			// The client sees the reads of the notes in their access log.
			await page.goto('/nl/account/inzage');
			await expect(page.locator('summary', { hasText: /bekeek op .*de gespreksnotities/ }).first()).toBeVisible();

			// The caseload shows Lotte with her latest score; withdrawing consent takes her off it at once.
			await professional.goto('/nl/werk/clienten');
			await expect(professional.getByRole('row', { name: /^Lotte/ })).toContainText('5 / 11');
			await expectNoAxeViolations(professional);
			await page.goto('/nl/account/delen');
			await page.getByRole('link', { name: 'Stop met delen' }).click();
			await page.getByRole('button', { name: 'Ja, stop met delen' }).click();
			await professional.reload();
			await expect(professional.getByRole('row', { name: /^Lotte/ })).toHaveCount(0);

			await professional.context().close();
		});
	});
}
