/**
 * The self-help toolkit, with JavaScript on and off, axe on every page: the anonymous pattern check, an
 * account, the saved outcome, each tool once, the overview showing them; one entry marked "bespreek dit" that a
 * linked professional reads (and nothing else), which the person sees in the access log.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support';
import { expectFitsAtDoubleText } from './text-size';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';
import { seedWorld, signedInPage } from './seed';

const password = 'een lang wachtwoord';
const vulnerability = new Set([2, 10, 22]);

async function openTool(page: Page, title: string) {
	await page.goto('/nl/oefeningen');
	await page.getByRole('link', { name: title, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expectNoAxeViolations(page);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`toolkit journey, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(150_000);

		test('check, keep, practise, see it all, share one entry with a professional', async ({ page, browser }) => {
			const email = uniqueAddress('wim');

			// The pattern check, anonymously, and "keep": first an account.
			await page.goto('/nl/patronen');
			for (let n = 1; n <= 27; n++) {
				await page
					.getByRole('group', { name: new RegExp(`^Uitspraak ${n} van 27\\b`) })
					.getByRole('radio', { name: vulnerability.has(n) ? 'helemaal mee eens' : 'neutraal', exact: true })
					.check();
			}
			await page.getByRole('button', { name: 'Bekijk wat bij mij past' }).click();
			await page.getByRole('button', { name: 'Bewaar mijn uitkomst' }).click();
			await expect(page.getByText(/Log in om je uitkomst te bewaren/)).toBeVisible();
			await expectNoAxeViolations(page);
			await signUpAndConfirm(page, email, password);
			await page.goto('/nl/overzicht');
			await expect(page.getByRole('heading', { level: 2, name: 'Je uitkomst van de check' })).toBeVisible();
			await expectNoAxeViolations(page);
			await expectFitsAtDoubleText(page);
			await page.getByRole('button', { name: 'Ja, bewaar in mijn account' }).click();
			await expect(page.getByText('De uitkomst van de check staat nu in je account.')).toBeVisible();
			await expect(page.getByText('Je check liet zien: Bang om je kwetsbaar te tonen.')).toBeVisible();

			// The journal: a mood is needed; a hard sentence shows the way to help, and is kept anyway.
			await openTool(page, 'Hoe voelde ik me vandaag?');
			await page.getByRole('button', { name: 'Bewaren' }).click();
			await expect(page.locator('.field-error', { hasText: 'Kies hoe je je voelde.' })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('radio', { name: 'Niet zo goed' }).check();
			await page.getByLabel(/Wat wil je over vandaag opschrijven/).fill('Een lange dag. Soms wil ik niet meer leven.');
			await page.getByLabel('Wat ging er goed vandaag?').fill('De buurvrouw zwaaide.');
			await page.getByRole('button', { name: 'Bewaren' }).click();
			await expect(page.getByText('Bewaard in je dagboek.')).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Je hoeft dit niet alleen te dragen' })).toBeVisible();
			await expectNoAxeViolations(page);

			// A thought check, in four steps; each step is kept, so going back or reloading loses nothing.
			await openTool(page, 'Gedachtencheck');
			await expect(page).toHaveURL(/\/nl\/oefeningen\/gedachtencheck$/);
			await expect(page.getByText('Stap 1 van 4')).toBeVisible();
			await page.getByLabel('Wat gebeurde er?').fill('Mijn zus belde niet terug.');
			await page.getByLabel('Welke gedachte kwam er op?').fill('Ze heeft geen zin in mij.');
			await page.getByLabel(/Hoe sterk geloof je die gedachte/).fill('80');
			await page.getByRole('button', { name: 'Volgende stap' }).click();
			await expect(page.getByText('Stap 2 van 4')).toBeVisible();
			await page.getByLabel('Welke feiten passen er niet bij?').fill('Ze stuurde gisteren nog een foto.');
			await page.getByRole('button', { name: 'Volgende stap' }).click();
			await expect(page.getByText('Stap 3 van 4')).toBeVisible();
			await page.getByRole('button', { name: 'Vorige stap' }).click();
			await expect(page.getByText('Stap 2 van 4')).toBeVisible();
			await page.reload();
			await expect(page.getByLabel('Welke feiten passen er niet bij?')).toHaveValue('Ze stuurde gisteren nog een foto.');
			await expectNoAxeViolations(page);
			await page.getByRole('button', { name: 'Volgende stap' }).click();
			await page.getByLabel('Hoe kun je het ook zien?').fill('Ze heeft het druk met de kinderen.');
			await page.getByLabel(/Hoe sterk geloof je de eerste gedachte nu/).fill('40');
			await page.getByRole('button', { name: 'Volgende stap' }).click();
			await expect(page.getByText('Stap 4 van 4')).toBeVisible();
			await page.getByLabel(/Wat is één kleine stap/).fill('Morgen stuur ik haar een berichtje.');
			await page.getByRole('button', { name: 'Bewaren' }).click();
			await expect(page.getByText('Je gedachte-check is bewaard.')).toBeVisible();
			// The overview's card shows the kinder thought, not the painful one.
			const checked = page.getByRole('article', { name: /^Gedachte-check/ });
			await expect(checked.getByText('Ze heeft het druk met de kinderen.')).toBeVisible();
			await expect(checked.getByText('Ze heeft geen zin in mij.')).toHaveCount(0);

			// A kind moment, two minutes of breathing, and one small step.
			await openTool(page, 'Vriendelijke momenten');
			await page.getByLabel(/Welk klein vriendelijk moment/).fill('De bakker vroeg hoe het met me ging.');
			await page.getByRole('button', { name: 'Bewaren' }).click();
			await expect(page.getByText('Mooi dat je dit zag. Het is bewaard.')).toBeVisible();
			await openTool(page, 'Twee minuten ademen');
			await expect(page.getByText('Adem in door je neus en tel rustig tot vier.')).toHaveCount(1);
			if (javaScriptEnabled) {
				// Nothing moves before Start; then a timer runs and a cue says in or out.
				await expect(page.getByRole('timer')).toHaveText('0:00');
				await page.getByRole('button', { name: 'Start' }).click();
				await expect(page.getByText(/^Adem (in|uit)$/)).toBeVisible();
				await expect(page.getByRole('timer')).not.toHaveText('0:00');
				await page.getByRole('button', { name: 'Pauze' }).click();
			} else {
				await expect(page.getByRole('button', { name: 'Start' })).toHaveCount(0);
			}
			await page.getByRole('button', { name: 'Ik heb het gedaan' }).click();
			await expect(page.getByText('Fijn dat je tijd voor jezelf nam.')).toBeVisible();
			// A step planned from its card, for tomorrow.
			await page.goto('/nl/stappen');
			const card = page.locator('.card', { has: page.getByRole('heading', { level: 2, name: 'Vraag een vriend hoe iets afliep waar die over vertelde' }) });
			await card.getByRole('radio', { name: 'Morgen' }).check();
			await card.getByRole('button', { name: 'Zet in mijn plan' }).click();
			await expect(page.getByText('Je stap staat gepland.')).toBeVisible();

			// The overview shows them all; the step is done and how it went is kept.
			await expect(page.getByRole('img', { name: /Mijn stemming in de afgelopen vier weken/ })).toBeVisible();
			await expect(page.getByText(/De bakker vroeg hoe het met me ging\./)).toBeVisible();
			const step = page.locator('.card', { has: page.getByText('Gepland voor') });
			await step.getByRole('radio', { name: 'Goed', exact: true }).check();
			await step.getByRole('button', { name: 'Gedaan' }).click();
			await expect(page.getByText('Goed gedaan. Bewaard hoe het ging.')).toBeVisible();
			await expectNoAxeViolations(page);

			// Share only the thought check.
			const thought = page.getByRole('article', { name: /^Gedachte-check/ });
			await thought.getByRole('button', { name: 'Bespreek dit' }).click();
			await expect(page.getByText(/Dit stukje kan nu besproken worden/)).toBeVisible();
			await expect(page.getByRole('article', { name: /^Gedachte-check/ }).getByText('Gedeeld om te bespreken')).toBeVisible();

			// A professional the person is linked with reads just that entry.
			// (Seeded: the professional, and Wim sharing his results and programme with her; connecting is the consent
			// journey's part.)
			const world = await seedWorld({
				organisation: `Buurtteam ${Date.now()}`,
				admin: { name: 'Els Beheer', email: uniqueAddress('els') },
				professionals: [{ name: 'Sanne Bos', email: uniqueAddress('sanne') }],
				people: [{ name: 'Wim', email, existing: true }],
				links: [{ person: 0, professional: 0, scopes: ['measurements', 'programme'], personName: 'Wim' }],
				groups: []
			});
			const professional = await signedInPage(browser, javaScriptEnabled, world.professionals[0]!);
			await professional.goto('/nl/werk/clienten');
			await professional.getByRole('link', { name: 'Wim' }).click();
			const shared = professional.getByRole('region', { name: 'Om te bespreken' });
			await expect(shared.getByText('Ze heeft geen zin in mij. (80/100)')).toBeVisible();
			await expect(shared.getByText('Morgen stuur ik haar een berichtje.')).toBeVisible();
			await expect(professional.getByText('De buurvrouw zwaaide.')).toHaveCount(0);
			await expect(professional.getByText(/niet meer leven/)).toHaveCount(0);
			// With the programme scope: how often, never what. This week has the thought check.
			const activity = professional.getByRole('region', { name: 'Oefeningen van de cliënt' });
			await expect(activity.getByText(/^Laatst actief in brug:/)).toBeVisible();
			const thisWeek = activity.getByRole('table', { name: 'Oefeningen en hulpmiddelen per week' }).getByRole('row').last();
			await expect(thisWeek.getByRole('cell').nth(2)).not.toHaveText('0');
			await expectNoAxeViolations(professional);

			await page.goto('/nl/account/inzage');
			await expect(page.locator('summary', { hasText: /^Sanne Bos .* bekeek op .*1 stukje dat jij wilde bespreken/ })).toHaveCount(1);
			await expectNoAxeViolations(page);

			// Unmarked, it is private again at once.
			await page.goto('/nl/overzicht');
			await page.getByRole('article', { name: /^Gedachte-check/ }).getByRole('button', { name: 'Niet meer bespreken' }).click();
			await expect(page.getByText('Dit stukje is weer alleen van jou.')).toBeVisible();
			await professional.reload();
			await expect(professional.getByText(/Deze persoon heeft geen stukjes gekozen/)).toBeVisible();

			await professional.context().close();
		});
	});
}
