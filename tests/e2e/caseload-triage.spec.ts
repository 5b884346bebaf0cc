/**
 * The caseload triages, JavaScript on and off, axe on each view: a professional with two clients sees how many have
 * each signal, filters by one count (a plain link), and sorts by a column header (a plain link with aria-sort);
 * paging keeps both. Lotte marked a journal entry "bespreek dit" (a signal); Bram shares his results but has none.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { uniqueAddress } from './mailbox';
import { professionalWithClient, seedWorld, signedInPage, signIn } from './seed';

/** The names in the caseload's rows, top to bottom. */
const names = (page: Page) => page.getByRole('table', { name: 'Mijn cliënten' }).getByRole('rowheader').allInnerTexts();

for (const javaScriptEnabled of [true, false]) {
	test.describe(`caseload triage, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(120_000);

		test('counts per signal filter the list; a column header sorts it', async ({ page: lotte, browser }) => {
			// Lotte shares her results and her programme with Joris, Bram only his results (seeded: connecting is the
			// consent journey's part).
			const plan = professionalWithClient({ scopes: ['measurements', 'programme'] });
			const world = await seedWorld({
				...plan,
				people: [...plan.people, { name: 'Bram Bos', email: uniqueAddress('bram') }],
				links: [...plan.links, { person: 1, professional: 0, scopes: ['measurements'], personName: 'Bram' }]
			});
			await signIn(lotte.context(), world.people[0]!);
			const professional = await signedInPage(browser, javaScriptEnabled, world.professionals[0]!);

			await lotte.goto('/nl/oefeningen/dagboek');
			await waitForPage(lotte);
			await lotte.getByRole('radio', { name: 'Gewoon', exact: true }).check();
			await lotte.getByRole('button', { name: 'Bewaren' }).click();
			await lotte.getByRole('button', { name: 'Bespreek dit', exact: true }).first().click();
			await expect(lotte.getByText(/Dit stukje kan nu besproken worden/)).toBeVisible();

			// Signals first: Lotte, with a badge in words; the count at the top says one client has it.
			await professional.goto('/nl/werk/clienten');
			await expect(professional.getByRole('status')).toContainText('2 cliënten.');
			expect(await names(professional)).toEqual(['Lotte', 'Bram']);
			await expect(professional.getByRole('row', { name: /^Lotte/ }).getByText('Om te bespreken')).toBeVisible();
			const counts = professional.getByRole('navigation', { name: 'Signalen in je lijst' });
			await expect(counts.getByRole('link', { name: 'Iedereen' })).toHaveAttribute('aria-current', 'true');
			await expectNoAxeViolations(professional);

			// The count is a link: it shows the clients it counted.
			await counts.getByRole('link', { name: '1 Om te bespreken' }).click();
			await expect(professional.getByRole('status')).toContainText('1 van 2 cliënten.');
			expect(await names(professional)).toEqual(['Lotte']);
			await expect(counts.getByRole('link', { name: '1 Om te bespreken' })).toHaveAttribute('aria-current', 'true');
			await expect(professional.getByLabel('Signaal')).toHaveValue('discuss_unread');
			await counts.getByRole('link', { name: 'Iedereen' }).click();
			await expect(professional.getByRole('status')).toContainText('2 cliënten.');

			// A column header sorts, then sorts the other way; the header says how.
			const nameHeader = professional.getByRole('columnheader', { name: /^Naam/ });
			await expect(nameHeader).not.toHaveAttribute('aria-sort');
			await expect(professional.getByRole('columnheader', { name: /^Signalen/ })).toHaveAttribute('aria-sort', 'descending');
			await nameHeader.getByRole('link').click();
			await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
			expect(await names(professional)).toEqual(['Bram', 'Lotte']);
			await expectNoAxeViolations(professional);
			// The keyboard reaches the header's link, and Enter follows it.
			await nameHeader.getByRole('link').focus();
			await professional.keyboard.press('Enter');
			await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
			expect(await names(professional)).toEqual(['Lotte', 'Bram']);
			expect(new URL(professional.url()).search).toBe('?sorteer=naam&richting=af');

			// Filtering keeps the sort.
			await professional.getByLabel('Naam', { exact: true }).fill('br');
			await professional.getByRole('button', { name: 'Toon' }).click();
			await expect(professional.getByRole('status')).toContainText('1 van 2 cliënten.');
			expect(new URL(professional.url()).searchParams.get('sorteer')).toBe('naam');
			expect(await names(professional)).toEqual(['Bram']);
		});
	});
}
