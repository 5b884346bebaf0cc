/**
 * A group training from start to end, through the real pages. The organisation, its admin, three professionals and
 * three people with an account are seeded, signed in (making them is other journeys' part). An admin makes a group of eight weekly sessions (the
 * first two weeks ago) with two leaders; a leader makes a printable code; three people type it and join; on a phone a
 * leader records two absences in a row for Anna, and the drop-out signal shows for the leaders only; the group meets
 * today, three people say how it was and the leader sees the totals, and one person's answers where she shared them;
 * Cor sends "ik kan er niet bij zijn" for next week and the leader sees it; a moved session is mailed; Anna leaves
 * and her leaders lose her at once. JavaScript on and off (then the code is typed where a professional's code goes,
 * and Anna leaves where she sees what she shares); axe on every page.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { nthMailTo, uniqueAddress } from './mailbox';
import { seedWorld, signIn } from './seed';
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const daysFromToday = (days: number) => dayFormat.format(new Date(Date.now() + days * 86_400_000));
const absentTwice = 'Twee keer niet geweest';

/** A page of its own (another person), at the project's width, or at phone size. */
async function newPage(browser: Browser, javaScriptEnabled: boolean, phone = false): Promise<Page> {
	const { viewport, isMobile, hasTouch, userAgent, deviceScaleFactor } = test.info().project.use;
	const size = phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport, isMobile, hasTouch, userAgent, deviceScaleFactor };
	const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', ...size });
	return context.newPage();
}

/** Opens a page and checks it with axe; `axe = false` for a page this journey checked before in the same state. */
async function open(page: Page, path: string, heading: string | RegExp, axe = true): Promise<void> {
	await page.goto(path);
	await waitForPage(page);
	await checked(page, heading, axe);
}

async function checked(page: Page, heading: string | RegExp, axe = true): Promise<void> {
	await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
	if (axe) await expectNoAxeViolations(page);
}

/** To the next session's page; waits for it, so a tap never lands on the page being left. */
async function nextSession(page: Page): Promise<void> {
	const before = page.url();
	await page.getByRole('link', { name: 'Volgende →' }).click();
	await expect.poll(() => page.url()).not.toBe(before);
	await checked(page, /^Bijeenkomst van /, false);
}

/** Types the code and joins under `name`; returns the address of the person's group page. With `axe`, the join pages
 * are checked (the first person). */
async function join(page: Page, input: { code: string; name: string; group: string; share?: boolean; viaAccount?: boolean; axe?: boolean }): Promise<string> {
	const axe = input.axe ?? false;
	if (input.viaAccount) {
		// Where a professional's code goes: it is sent on to the group, with a line saying so.
		await open(page, '/nl/account/koppelen', /./);
		await page.getByLabel('Code', { exact: true }).fill(input.code);
		await page.getByRole('button', { name: 'Verder' }).click();
		await expect(page.getByText('Dit is een code voor een groep. Hieronder zie je de groep. Je kunt hier meedoen.')).toBeVisible();
	} else {
		await open(page, '/nl/groep', 'Meedoen met een groep', axe);
		await page.getByLabel('Code van de groep').fill(input.code);
		await page.getByRole('button', { name: 'Bekijk de groep' }).click();
	}
	await expect(page.getByRole('heading', { level: 1, name: input.group })).toBeVisible();
	await expect(page.getByText(/^Begeleiding: /)).toContainText('Lotte Leider');
	await expect(page.getByText(/^Begeleiding: /)).toContainText('Lars Leider');
	await expect(page.getByRole('heading', { name: 'Wat de begeleiders van je zien' })).toBeVisible();
	const share = page.getByLabel('De begeleiders mogen mijn antwoorden na een bijeenkomst zien');
	await expect(share).not.toBeChecked();
	if (axe) await expectNoAxeViolations(page);
	await page.getByLabel('Hoe mogen de begeleiders je noemen?').fill(input.name);
	if (input.share) await share.check();
	await page.getByRole('button', { name: 'Ja, ik doe mee' }).click();
	await expect(page.getByText('Welkom in de groep! Fijn dat je meedoet.')).toBeVisible();
	if (axe) await expectNoAxeViolations(page);
	return new URL(page.url()).pathname;
}

/** From the overview's group card: "hoe was het?" for today's session, all "heel erg", and a line; the first one also
 * sends the form empty once and checks the pages with axe. */
async function checkIn(page: Page, group: string, line: string, first = false): Promise<void> {
	await open(page, '/nl/overzicht', 'Mijn overzicht', first);
	await page.getByRole('region', { name: `Je groep: ${group}` }).getByRole('link', { name: 'Hoe was het?' }).click();
	await checked(page, 'Hoe was het?', first);
	if (first) {
		await page.getByRole('button', { name: 'Verstuur' }).click();
		await expect(page.getByText('Kies hoe het ging, van 1 tot en met 5.').first()).toBeVisible();
		await expectNoAxeViolations(page);
	}
	for (const item of ['Ik voelde me welkom', 'Ik deed iets wat ik fijn vond', 'Ik wil graag weer komen']) {
		await page.getByRole('group', { name: item }).getByLabel('Heel erg').check();
	}
	await page.getByLabel('Wil je nog iets zeggen tegen de begeleiders?').fill(line);
	await page.getByRole('button', { name: 'Verstuur' }).click();
	await expect(page.getByText('Dank je! Je antwoorden zijn bewaard.')).toBeVisible();
	await expect(page.getByText('Je hebt verteld hoe het was. Dank je!')).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`a group training from start to end, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(300_000);

		test('made, joined, attended, checked in, signalled to its leaders only, and left', async ({ browser, page: anna }) => {
			const admin = await newPage(browser, javaScriptEnabled);
			const lotte = await newPage(browser, javaScriptEnabled, true);
			const lars = await newPage(browser, javaScriptEnabled);
			const piet = await newPage(browser, javaScriptEnabled);
			const ben = await newPage(browser, javaScriptEnabled);
			const cor = await newPage(browser, javaScriptEnabled);
			// The organisation, its admin, three professionals and three people with an account, all signed in (seeded:
			// setting up, inviting and signing up are the accounts and team journeys' part).
			const organisation = `Buurtteam ${Date.now()}`;
			const benAddress = uniqueAddress('ben');
			const world = await seedWorld({
				organisation,
				admin: { name: 'Ina Beheer', email: uniqueAddress('ina'), signIn: true },
				professionals: [
					{ name: 'Lotte Leider', email: uniqueAddress('lotte') },
					{ name: 'Lars Leider', email: uniqueAddress('lars') },
					{ name: 'Piet Collega', email: uniqueAddress('piet') }
				],
				people: [
					{ name: 'Anna de Wit', email: uniqueAddress('anna') },
					{ name: 'Ben Bakker', email: benAddress },
					{ name: 'Cor Claassen', email: uniqueAddress('cor') }
				],
				links: [],
				groups: []
			});
			for (const [page, account] of [
				[admin, world.admin],
				...[lotte, lars, piet].map((page, i) => [page, world.professionals[i]!] as const),
				...[anna, ben, cor].map((page, i) => [page, world.people[i]!] as const)
			] as const) {
				await signIn(page.context(), account);
			}
			await open(admin, `/nl/organisatie/${world.organisationId}`, organisation, false);

			// The admin makes the group: eight weekly sessions, the first two weeks ago, led by Lotte and Lars.
			const name = `Samen sterker ${Date.now()}`;
			await admin.locator('summary', { hasText: 'Nieuwe groep' }).click();
			await admin.getByRole('button', { name: 'Groep maken' }).click();
			await expect(admin.getByText('Vul een naam in.')).toBeVisible();
			await expectNoAxeViolations(admin);
			await admin.getByLabel('Naam van de groep').fill(name);
			await admin.getByRole('checkbox', { name: 'Lotte Leider' }).check();
			await admin.getByRole('checkbox', { name: 'Lars Leider' }).check();
			await expect(admin.getByLabel('Aantal bijeenkomsten')).toHaveValue('8');
			await admin.getByLabel('Eerste bijeenkomst').fill(daysFromToday(-14));
			await admin.getByLabel('Begint om').fill('10:00');
			await admin.getByLabel('Eindigt om').fill('11:30');
			await admin.getByLabel('Plek', { exact: true }).fill('Buurthuis De Brug');
			await admin.getByRole('button', { name: 'Groep maken' }).click();
			await expect(admin.getByText('De groep is gemaakt. De begeleiders zien hem bij Groepen.')).toBeVisible();
			await expect(admin.getByRole('heading', { level: 3, name })).toBeVisible();
			await expectNoAxeViolations(admin);

			// Lotte finds it under "Groepen" on her overview, sees its eight sessions, and prints a code.
			await open(lotte, '/nl/overzicht', 'Mijn overzicht');
			await lotte.getByRole('link', { name: 'Groepen', exact: true }).click();
			await checked(lotte, 'Groepen');
			await lotte.getByRole('link', { name }).click();
			await checked(lotte, name);
			const groupPath = new URL(lotte.url()).pathname;
			await lotte.getByRole('link', { name: 'Bijeenkomsten' }).first().click();
			await checked(lotte, 'Bijeenkomsten');
			await expect(lotte.getByRole('link', { name: /^Open de bijeenkomst/ })).toHaveCount(8);
			await open(lotte, groupPath, name, false);
			await lotte.getByRole('button', { name: 'Maak een code' }).click();
			await checked(lotte, `Doe mee met ${name}`);
			await expect(lotte.getByText('Je begeleiders: ')).toContainText('Lars Leider');
			const code = (await lotte.locator('.group-code-big').textContent())!.trim();
			expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

			// Three people type it; one as from paper, lower case with a space; Ben lets the leaders see his answers.
			const annaGroup = await join(anna, { code, name: 'Anna', group: name, axe: true });
			const benGroup = await join(ben, { code: code.toLowerCase().replace('-', ' '), name: 'Ben', group: name, share: true });
			await join(cor, { code, name: 'Cor', group: name, viaAccount: !javaScriptEnabled });

			// Lotte, in the room with her phone: the first session, everyone there but Anna.
			await open(lotte, `${groupPath}/bijeenkomsten`, 'Bijeenkomsten', false);
			await lotte.getByRole('link', { name: /^Open de bijeenkomst/ }).first().click();
			await checked(lotte, /^Bijeenkomst van /);
			await lotte.getByRole('group', { name: 'Anna' }).getByRole('button', { name: 'Afwezig' }).click();
			await expect(lotte.getByRole('status')).toHaveText('Bewaard.');
			await expect(lotte.getByRole('group', { name: 'Anna' }).getByRole('button', { name: 'Afwezig' })).toHaveAttribute('aria-pressed', 'true');
			await lotte.getByRole('button', { name: 'Iedereen aanwezig' }).click();
			await expect(lotte.getByRole('group', { name: 'Ben' }).getByRole('button', { name: 'Aanwezig' })).toHaveAttribute('aria-pressed', 'true');
			const box = await lotte.getByRole('group', { name: 'Cor' }).getByRole('button', { name: 'Te laat' }).boundingBox();
			expect(box!.height).toBeGreaterThanOrEqual(44);
			await expectNoAxeViolations(lotte);

			// The second session: Anna absent again, and the signal is there.
			await nextSession(lotte);
			await lotte.getByRole('group', { name: 'Anna' }).getByRole('button', { name: 'Afwezig' }).click();
			await expect(lotte.getByRole('group', { name: 'Anna' }).getByRole('button', { name: 'Afwezig' })).toHaveAttribute('aria-pressed', 'true');
			await expect(lotte.getByText(absentTwice)).toBeVisible();

			// For the leaders: on the group page with a kind next step, and in Lars's caseload.
			await open(lotte, groupPath, name);
			const annaCard = lotte.getByRole('listitem').filter({ has: lotte.getByRole('heading', { name: 'Anna' }) });
			await expect(annaCard.getByText(absentTwice)).toBeVisible();
			await expect(annaCard.getByText('Bel even om te vragen hoe het gaat.')).toBeVisible();
			await expect(lotte.getByText(absentTwice)).toHaveCount(1);
			await open(lars, '/nl/werk/clienten', 'Mijn cliënten');
			const annaRow = lars.getByRole('row').filter({ has: lars.getByRole('link', { name: 'Anna' }) });
			await expect(annaRow.getByText(absentTwice)).toBeVisible();
			await expect(lars.getByText(absentTwice)).toHaveCount(1);
			const annaFile = (await annaRow.getByRole('link', { name: 'Anna' }).getAttribute('href'))!;

			// Nowhere else: not on Anna's own pages, not for Ben, not for Piet, and the admin sees counts only.
			for (const [person, path, heading] of [
				[anna, '/nl/overzicht', 'Mijn overzicht'],
				[anna, annaGroup, name],
				[ben, benGroup, name]
			] as const) {
				await open(person, path, heading, person !== ben);
				await expect(person.getByText(absentTwice)).toHaveCount(0);
				await expect(person.getByText('gemist')).toHaveCount(0);
			}
			await expect(ben.getByText('Anna')).toHaveCount(0);
			await open(piet, '/nl/werk/clienten', 'Mijn cliënten', false);
			await expect(piet.getByText('Anna')).toHaveCount(0);
			expect((await piet.goto(groupPath))?.status()).toBe(403);
			await expect(piet.getByText(absentTwice)).toHaveCount(0);
			await admin.reload();
			await checked(admin, organisation, false);
			await expect(admin.getByText('3 van 12 plaatsen bezet')).toBeVisible();
			await expect(admin.getByText('Anna')).toHaveCount(0);
			await expect(admin.getByText(absentTwice)).toHaveCount(0);
			// The admin manages the group (settings, sessions, codes) from its page, still without a name or signal.
			await admin.getByRole('link', { name }).click();
			await checked(admin, name, false);
			await expect(admin.getByRole('link', { name: 'Bijeenkomsten' })).toBeVisible();
			await expect(admin.getByText('Anna')).toHaveCount(0);
			await expect(admin.getByText(absentTwice)).toHaveCount(0);

			// Today the group meets, all three are there, and Lotte marks it held.
			await open(lotte, `${groupPath}/bijeenkomsten`, 'Bijeenkomsten', false);
			await lotte.getByRole('link', { name: /^Open de bijeenkomst/ }).nth(2).click();
			await checked(lotte, /^Bijeenkomst van /, false);
			await lotte.getByRole('button', { name: 'Iedereen aanwezig' }).click();
			await expect(lotte.getByRole('group', { name: 'Anna' }).getByRole('button', { name: 'Aanwezig' })).toHaveAttribute('aria-pressed', 'true');
			await lotte.getByRole('button', { name: 'Deze bijeenkomst is gehouden' }).click();
			await expect(lotte.getByRole('status')).toHaveText('De bijeenkomst staat op gehouden.');
			const todayPath = new URL(lotte.url()).pathname;

			// How was it: two answers are too few to show; the third shows the totals.
			await checkIn(anna, name, 'Ik was blij dat ik er weer was.', true);
			await checkIn(ben, name, 'Fijne ochtend.');
			await open(lotte, todayPath, /^Bijeenkomst van /, false);
			await expect(lotte.getByText('Te weinig antwoorden om te tonen.', { exact: false })).toBeVisible();
			await checkIn(cor, name, 'Goed gesprek.');
			await open(lotte, todayPath, /^Bijeenkomst van /, false);
			await expect(lotte.getByText('3 mensen gaven antwoord.')).toBeVisible();
			await expect(lotte.getByText('Welkom gevoeld: gemiddeld 5 van 5')).toBeVisible();

			// Only Ben's answers show by name, as he chose.
			await open(lotte, groupPath, name, false);
			const benCard = lotte.getByRole('listitem').filter({ has: lotte.getByRole('heading', { name: 'Ben' }) });
			await benCard.getByText('Terugblik (gedeeld)').click();
			await expect(benCard.getByText('“Fijne ochtend.”')).toBeVisible();
			await expect(lotte.getByText('Ik was blij dat ik er weer was.')).toHaveCount(0);
			await expect(lotte.getByText('Goed gesprek.')).toHaveCount(0);
			await expectNoAxeViolations(lotte);

			// Cor cannot come next week: one tap on the overview, and Lotte sees it on that session's page.
			await open(cor, '/nl/overzicht', 'Mijn overzicht', false);
			const card = cor.getByRole('region', { name: `Je groep: ${name}` });
			await expect(card.getByText(/^Volgende keer: .+, 10:00 tot 11:30$/)).toBeVisible();
			await expect(card.getByText('Waar: Buurthuis De Brug')).toBeVisible();
			await card.getByRole('button', { name: 'Ik kan er niet bij zijn' }).click();
			await expect(cor.getByText('Je hebt je afgemeld. Fijn dat je het laat weten.')).toBeVisible();
			await expect(card.getByText('Je hebt je afgemeld. De begeleiders weten het.')).toBeVisible();
			await expectNoAxeViolations(cor);
			await open(lotte, todayPath, /^Bijeenkomst van /, false);
			await nextSession(lotte);
			await expect(lotte.getByRole('group', { name: 'Cor' }).getByRole('button', { name: 'Afgemeld' })).toHaveAttribute('aria-pressed', 'true');

			// The last session moves to the afternoon: it shows as moved, and the participants get a mail.
			await open(lotte, `${groupPath}/bijeenkomsten`, 'Bijeenkomsten', false);
			await lotte.getByRole('link', { name: /^Verplaatsen/ }).last().click();
			await expect(lotte.getByRole('heading', { name: /^Verplaats de bijeenkomst van / })).toBeVisible();
			await expectNoAxeViolations(lotte);
			await lotte.getByLabel('Begint om').fill('13:00');
			await lotte.getByLabel('Eindigt om').fill('14:30');
			await lotte.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
			await expect(lotte.getByRole('status')).toHaveText('Verplaatst. De deelnemers krijgen een mail.');
			await expect(lotte.getByRole('listitem').filter({ hasText: 'Verplaatst' }).filter({ hasText: '13:00 tot 14:30' })).toHaveCount(1);
			// Ben's first mail: his account was seeded, so no sign-up mail came before it.
			expect((await nthMailTo(benAddress)).subject).toBe(`Nieuwe tijd voor ${name}`);

			// Anna leaves (asked first), on her group page or where she sees what she shares.
			if (javaScriptEnabled) {
				await open(anna, annaGroup, name, false);
			} else {
				await open(anna, '/nl/account/delen', /./);
				const shared = anna.getByRole('region', { name: new RegExp(`^Groep ${name}, `) });
				await expect(shared.getByText(/^Begeleiding: /)).toContainText('Lotte Leider');
			}
			await anna.getByRole('link', { name: 'Stoppen met deze groep' }).click();
			await expect(anna.getByRole('heading', { name: `Wil je stoppen met ${name}?` })).toBeVisible();
			await expectNoAxeViolations(anna);
			await anna.getByRole('button', { name: 'Ja, ik stop' }).click();
			await expect(anna.getByText('Je doet niet meer mee met de groep. Fijn dat je er was.')).toBeVisible();
			await expect(anna.getByRole('region', { name: `Je groep: ${name}` })).toHaveCount(0);

			// At once, the leaders lose her: gone from the group page and the caseload, her file refused.
			await open(lotte, groupPath, name, false);
			await expect(lotte.getByRole('heading', { name: 'Anna' })).toHaveCount(0);
			await expect(lotte.getByRole('heading', { name: 'Ben' })).toBeVisible();
			await open(lars, '/nl/werk/clienten', 'Mijn cliënten', false);
			await expect(lars.getByRole('link', { name: 'Anna' })).toHaveCount(0);
			expect([403, 404]).toContain((await lars.goto(annaFile))?.status());
			await expectNoAxeViolations(lars);

			for (const page of [admin, lotte, lars, piet, ben, cor]) await page.context().close();
		});
	});
}
