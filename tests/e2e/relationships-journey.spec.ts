/**
 * The relationship map, with JavaScript on and off, axe on every page: add people in all three circles,
 * log contacts in two taps, plan a moment and say how it went, subscribe to the calendar feed (fetched and parsed
 * with ical.js), see the map and the insights change, a linked professional's summary without names, and deleting
 * a person.
 */
import ICAL from 'ical.js';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';
import { seedWorld, signedInPage } from './seed';

const password = 'een lang wachtwoord';

function localDay(offset = 0): string {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
	const date = new Date(`${day}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + offset);
	return date.toISOString().slice(0, 10);
}

async function addPerson(page: Page, input: { name: string; circle: RegExp; brings?: string[]; rhythm?: string }) {
	await page.goto('/nl/mensen');
	await page.getByRole('link', { name: 'Iemand toevoegen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Iemand toevoegen' })).toBeVisible();
	await waitForPage(page);
	await page.getByLabel('Voornaam of bijnaam').fill(input.name);
	await page.getByRole('radio', { name: input.circle }).check();
	for (const need of input.brings ?? []) await page.getByRole('checkbox', { name: need, exact: true }).check();
	if (input.rhythm) await page.getByRole('radio', { name: input.rhythm, exact: true }).check();
	await page.getByRole('button', { name: 'Op mijn kaart zetten' }).click();
	await expect(page.getByRole('heading', { level: 1, name: input.name })).toBeVisible();
	await expect(page.getByText('Staat op je kaart.')).toBeVisible();
}

/** The two taps: how it felt, then the kind of contact. */
async function logContact(page: Page, feeling: string, kind: string) {
	await waitForPage(page);
	await page.getByRole('radio', { name: feeling, exact: true }).check();
	await page.getByRole('button', { name: kind, exact: true }).click();
	await expect(page.getByText('Bewaard. Fijn dat jullie contact hadden.')).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`relationship map journey, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(150_000);

		test('people in three circles, contacts, a planned moment, the calendar feed, insights, sharing counts, deleting', async ({ page, browser }) => {
			const email = uniqueAddress('relaties');
			await signUpAndConfirm(page, email, password);

			// An empty map says how to begin, and every circle is named as empty.
			await page.goto('/nl/mensen');
			await expect(page.getByRole('heading', { level: 1, name: 'Mensen in mijn leven' })).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Je kaart is nog leeg' })).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Nog niemand bij Dichtbij' })).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Nog niemand bij Omgeving' })).toBeVisible();
			await expectNoAxeViolations(page);

			// A name is needed, and the form keeps what was typed.
			await page.getByRole('link', { name: 'Iemand toevoegen' }).click();
			await waitForPage(page);
			await page.getByRole('radio', { name: /^Vrienden/ }).check();
			await page.getByRole('button', { name: 'Op mijn kaart zetten' }).click();
			await expect(page.locator('.field-error', { hasText: 'Vul een naam in.' })).toBeVisible();
			await expect(page.getByRole('radio', { name: /^Vrienden/ })).toBeChecked();
			await expectNoAxeViolations(page);

			await addPerson(page, { name: 'Marja', circle: /^Dichtbij/, brings: ['steun', 'goede gesprekken'], rhythm: 'Elke week' });
			await expectNoAxeViolations(page);
			// Two taps: a call that felt very nice, today.
			await logContact(page, 'Heel fijn', 'Gebeld');
			await expect(page.getByText(/Het contact loopt/)).toBeVisible();
			await expect(page.getByRole('listitem').filter({ hasText: /Gebeld, heel fijn/ })).toBeVisible();

			// A moment today at midnight has started, so brug asks how it went.
			await page.getByLabel('Dag', { exact: true }).fill(localDay());
			await page.getByLabel('Tijd').fill('00:00');
			await page.getByLabel('Waar of hoe').fill('Bij de markt');
			await page.getByRole('button', { name: 'Plannen' }).click();
			await expect(page.getByText('Gepland. Je ziet het ook op je overzicht.')).toBeVisible();
			await expectNoAxeViolations(page);

			await addPerson(page, { name: 'Joost', circle: /^Vrienden/, brings: ['plezier'], rhythm: 'Elke maand' });
			// A contact on another day: a day in the future is refused, kindly.
			await waitForPage(page);
			await page.getByText('Was het op een andere dag?').click();
			await page.getByLabel('Dag van het contact').fill(localDay(2));
			await page.getByRole('radio', { name: 'Fijn', exact: true }).check();
			await page.getByRole('button', { name: 'Bericht', exact: true }).click();
			await expect(page.locator('.field-error', { hasText: 'Deze dag moet nog komen.' })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByLabel('Dag van het contact').fill(localDay(-3));
			await page.getByRole('radio', { name: 'Fijn', exact: true }).check();
			await page.getByRole('button', { name: 'Bericht', exact: true }).click();
			await expect(page.getByText('Bewaard. Fijn dat jullie contact hadden.')).toBeVisible();
			// A moment next week, for the calendar.
			await page.getByRole('radio', { name: 'Bellen', exact: true }).check();
			await page.getByLabel('Dag', { exact: true }).fill(localDay(7));
			await page.getByLabel('Tijd').fill('19:30');
			await page.getByRole('button', { name: 'Plannen' }).click();
			await expect(page.getByText('Gepland. Je ziet het ook op je overzicht.')).toBeVisible();
			const ics = await page.request.get(await page.getByRole('link', { name: /^Zet in agenda/ }).getAttribute('href') ?? '');
			expect(ics.headers()['content-type']).toContain('text/calendar');
			const single = new ICAL.Component(ICAL.parse(await ics.text()));
			expect(single.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'))).toEqual(['Joost bellen']);
			// Moving it: the form comes with what was planned, and only one moment form shows at a time.
			await page.getByRole('link', { name: /^Verzetten/ }).click();
			await expect(page.getByRole('heading', { name: 'Afspraak verzetten' })).toBeVisible();
			await expect(page.getByLabel('Tijd')).toHaveValue('19:30');
			await expectNoAxeViolations(page);
			await waitForPage(page);
			await page.getByLabel('Tijd').fill('20:00');
			await page.getByRole('button', { name: 'Bewaren' }).click();
			await expect(page.getByText('De afspraak is verzet.')).toBeVisible();

			await addPerson(page, { name: 'Bakker Ahmed', circle: /^Omgeving/, brings: ['je thuis voelen'] });
			await logContact(page, 'Gewoon', 'Even gepraat');
			// Changing the details keeps the contacts; a rhythm now gives a due day.
			await page.getByRole('link', { name: 'Gegevens aanpassen' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Bakker Ahmed aanpassen' })).toBeVisible();
			await expect(page.getByRole('checkbox', { name: 'je thuis voelen', exact: true })).toBeChecked();
			await expectNoAxeViolations(page);
			await waitForPage(page);
			await page.getByRole('radio', { name: 'Elke maand', exact: true }).check();
			await page.getByRole('button', { name: 'Bewaren' }).click();
			await expect(page.getByText('Je wijziging is bewaard.')).toBeVisible();
			await expect(page.getByText(/Volgende keer rond/)).toBeVisible();
			await expect(page.getByRole('listitem').filter({ hasText: /Even gepraat, gewoon/ })).toBeVisible();

			// The map: three circles, a labelled link per person, status in words; the list says it too.
			await page.goto('/nl/mensen');
			const map = page.getByRole('img', { name: /Mijn kaart/ }).or(page.locator('svg').filter({ has: page.getByRole('link', { name: /Marja/ }) }));
			await expect(map.first()).toBeVisible();
			for (const name of ['Marja', 'Joost', 'Bakker Ahmed']) await expect(page.getByRole('link', { name: new RegExp(`^${name}`) }).first()).toBeVisible();
			await expect(page.getByRole('listitem').filter({ hasText: /^Marja: Het contact loopt/ })).toBeVisible();
			// No circle is empty any more; what went well is named.
			await expect(page.getByRole('heading', { name: /^Nog niemand bij/ })).toHaveCount(0);
			await expect(page.getByRole('heading', { name: 'Dit ging goed' })).toHaveCount(1);
			await expect(page.getByText(/Gebeld met Marja op .*: heel fijn/)).toBeVisible();
			await expectNoAxeViolations(page);

			// Sharing: a linked professional sees counts per circle and contacts per week, never a name.
			// (Seeded: the professional, and Ria sharing the summary of her contacts with him; connecting is the consent
			// journey's part.)
			const world = await seedWorld({
				organisation: `Welzijn ${Date.now()}`,
				admin: { name: 'Ans Beheer', email: uniqueAddress('ans') },
				professionals: [{ name: 'Karim Dekker', email: uniqueAddress('karim') }],
				people: [{ name: 'Ria', email, existing: true }],
				links: [{ person: 0, professional: 0, scopes: ['relationship_summary'], personName: 'Ria' }],
				groups: []
			});
			const professional = await signedInPage(browser, javaScriptEnabled, world.professionals[0]!);
			await professional.goto('/nl/werk/clienten');
			await professional.getByRole('link', { name: 'Ria' }).click();
			const summary = professional.getByRole('region', { name: 'Contacten van de cliënt (alleen aantallen)' });
			for (const circle of ['Dichtbij', 'Vrienden', 'Omgeving']) await expect(summary.getByRole('row', { name: `${circle} 1` })).toBeVisible();
			await expect(summary.getByRole('table', { name: /Contactmomenten per week \(gemiddeld 0,8\)/ })).toBeVisible();
			for (const name of ['Marja', 'Joost', 'Ahmed', 'markt']) await expect(professional.getByText(name)).toHaveCount(0);
			await expectNoAxeViolations(professional);
			await page.goto('/nl/account/inzage');
			await expect(page.locator('summary', { hasText: /^Karim Dekker .* bekeek op .*de samenvatting van je contacten/ })).toHaveCount(1);
			await professional.context().close();

			// The overview asks how the moment with Marja went; it becomes a contact.
			await page.goto('/nl/overzicht');
			await expect(page.getByRole('heading', { level: 2, name: 'Momenten met anderen' })).toBeVisible();
			await expectNoAxeViolations(page);
			const outcome = page.getByRole('group', { name: /Hoe ging het\? Afspreken — Marja/ });
			await outcome.getByRole('radio', { name: 'Fijn', exact: true }).check();
			await page.getByRole('button', { name: 'Het is gelukt' }).click();
			await expect(page.getByText('Bewaard. Fijn dat het gelukt is.')).toBeVisible();
			await expect(page.getByRole('group', { name: /Hoe ging het\?/ })).toHaveCount(0);
			await expect(page.getByRole('link', { name: /Bellen — Joost/ })).toBeVisible();

			// The calendar feed: made once, fetched and parsed like a calendar app does.
			await page.goto('/nl/mensen/agenda');
			await expectNoAxeViolations(page);
			await page.getByRole('button', { name: 'Maak mijn agenda-link' }).click();
			const address = (await page.getByTestId('feed-address').textContent())!.trim();
			expect(address).toMatch(/\/agenda\/[A-Za-z0-9_-]{43}\.ics$/);
			await expectNoAxeViolations(page);
			const feed = await page.request.get(address);
			expect(feed.status()).toBe(200);
			const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
			const events = calendar.getAllSubcomponents('vevent');
			expect(events.map((e) => e.getFirstPropertyValue('summary')).sort()).toEqual(['Afspreken met Marja', 'Joost bellen']);
			const call = events.find((e) => e.getFirstPropertyValue('summary') === 'Joost bellen')!;
			const start = call.getFirstPropertyValue('dtstart') as unknown as { toJSDate(): Date };
			expect(new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(start.toJSDate())).toBe('20:00');
			expect(call.getFirstSubcomponent('valarm')).not.toBeNull();

			// Renewing stops the old address.
			await page.goto('/nl/mensen/agenda');
			await page.getByRole('link', { name: 'Nieuwe link maken' }).click();
			await page.getByRole('button', { name: 'Ja, nieuwe link' }).click();
			const renewed = (await page.getByTestId('feed-address').textContent())!.trim();
			expect(renewed).not.toBe(address);
			expect((await page.request.get(address)).status()).toBe(404);
			expect((await page.request.get(renewed)).status()).toBe(200);

			// Deleting a person asks first, and takes their moments along.
			await page.goto('/nl/mensen');
			await page.getByRole('listitem').getByRole('link', { name: 'Joost', exact: true }).first().click();
			await page.getByRole('link', { name: 'Joost weghalen' }).click();
			await expect(page.getByText(/Weet je het zeker\? Joost gaat van je kaart/)).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Mensen in mijn leven' })).toBeVisible();
			await expect(page.getByText('Verwijderd.')).toBeVisible();
			await expect(page.getByRole('link', { name: /^Joost/ })).toHaveCount(0);
			// Friends is empty again, with two tips and small steps for friends.
			await expect(page.getByRole('heading', { name: 'Nog niemand bij Vrienden' })).toBeVisible();
			await expect(page.getByRole('link', { name: 'Kleine stappen voor Vrienden' })).toHaveAttribute('href', '/nl/stappen?kring=friends');
			const after = new ICAL.Component(ICAL.parse(await (await page.request.get(renewed)).text()));
			expect(after.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'))).toEqual(['Afspreken met Marja']);

			// Stopping the feed.
			await page.goto('/nl/mensen/agenda?stoppen');
			await page.getByRole('button', { name: 'Ja, stoppen' }).click();
			await expect(page.getByText(/De link is gestopt/)).toBeVisible();
			expect((await page.request.get(renewed)).status()).toBe(404);

			// The English pages exist too.
			await page.goto('/en/people');
			await expect(page.getByRole('heading', { level: 1, name: 'People in my life' })).toBeVisible();
			await expectNoAxeViolations(page);
		});
	});
}
