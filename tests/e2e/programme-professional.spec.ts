/**
 * A professional starts the eight-week programme for a client who shares "programma": with a personal welcome line,
 * which the client sees with week 0; the professional then sees the client's week, sends a short message (which the
 * client reads on the overview), holds week 1 for a conversation and marks it held, and finds a suggested kind
 * message ready to send. The caseload offers the two programme signals as filters; the person's pages never show
 * them. Once in Dutch with JavaScript on and once in English with JavaScript off; axe on every page, at both widths.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { professionalWithClient, seedWorld, signedInPage, signIn } from './seed';

const copy = {
	nl: {
		clients: '/nl/werk/clienten',
		programme: '/nl/programma',
		overview: '/nl/overzicht',
		link: 'Programma',
		title: 'Programma: Lotte',
		start: 'Programma starten',
		welcomeLabel: /^Persoonlijke welkomstzin/,
		started: 'Het programma staat klaar. Lotte ziet het bij de volgende keer in brug.',
		notBegun: 'Nog niet: Lotte heeft week 0 nog niet geopend.',
		nowIn: 'Week 0 · welkom',
		weekOpen: /^Week 0 · welkom.*Open/s,
		week1Row: /^Week 1 · binnen/,
		goToWeek0: 'Ga naar Week 0',
		week0: 'Welkom: zo gaan de komende weken',
		messageLabel: 'Bericht aan Lotte',
		send: 'Bericht sturen',
		sent: 'Je bericht is verstuurd.',
		discussOn: 'Bespreek eerst aanzetten voor Week 1',
		changed: 'De week is aangepast.',
		held: 'Gesprek gehouden voor Week 1',
		heldDone: 'Het gesprek is genoteerd. De week is nu open.',
		suggestion: 'Ik dacht aan je. Zullen we samen naar week 1 kijken?',
		signalFilter: 'Signaal',
		signals: ['Week 1 niet geopend', 'Geen stap in programma'],
		signalWords: ['Week 1 niet geopend', 'dagen geen stap in het programma', 'Geen stap in programma', 'Stuur een vriendelijk bericht'],
		texts: { welcome: 'Fijn dat je meedoet, Lotte. Ik kijk met je mee.', message: 'Goed dat je begonnen bent. Tot dinsdag!' }
	},
	en: {
		clients: '/en/work/clients',
		programme: '/en/programme',
		overview: '/en/overview',
		link: 'Programme',
		title: 'Programme: Lotte',
		start: 'Start the programme',
		welcomeLabel: /^Personal welcome line/,
		started: 'The programme is ready. Lotte will see it the next time in brug.',
		notBegun: 'Not yet: Lotte has not opened week 0.',
		nowIn: 'Week 0 · welcome',
		weekOpen: /^Week 0 · welcome.*Open/s,
		week1Row: /^Week 1 · inside/,
		goToWeek0: 'Go to Week 0',
		week0: 'Welcome: what the coming weeks look like',
		messageLabel: 'Message to Lotte',
		send: 'Send message',
		sent: 'Your message was sent.',
		discussOn: 'Turn on discuss first for Week 1',
		changed: 'The week was changed.',
		held: 'Conversation held for Week 1',
		heldDone: 'The conversation was noted. The week is open now.',
		suggestion: 'I was thinking of you. Shall we look at week 1 together?',
		signalFilter: 'Signal',
		signals: ['Week 1 not opened', 'No step in programme'],
		signalWords: ['Week 1 not opened', 'without a step in the programme', 'No step in programme', 'Send a kind message'],
		texts: { welcome: 'Good to have you, Lotte. I am here to help.', message: 'Well done for starting. See you Tuesday!' }
	}
} as const;

type Copy = (typeof copy)[keyof typeof copy];

async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await waitForPage(page);
}

/** The person's pages say nothing of the professional's signals. */
async function expectNoSignalWords(page: Page, t: Copy): Promise<void> {
	const text = await page.getByRole('main').innerText();
	for (const words of t.signalWords) expect(text, `${page.url()} must not show "${words}"`).not.toContain(words);
}

for (const [locale, javaScriptEnabled] of [
	['nl', true],
	['en', false]
] as const) {
	const t: Copy = copy[locale];
	test.describe(`a professional starts the programme, ${locale}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.setTimeout(180_000);

		test('start with a welcome line; the client sees it and week 0; the professional follows the week', async ({ page, browser }) => {
			// The client shares the programme and nothing else (seeded: connecting is the consent journey's part).
			const world = await seedWorld(professionalWithClient({ scopes: ['programme'] }));
			await signIn(page.context(), world.people[0]!);
			const professional = await signedInPage(browser, javaScriptEnabled, world.professionals[0]!);

			// The caseload offers the programme's two signals as a filter.
			await open(professional, t.clients);
			const signalFilter = professional.getByLabel(t.signalFilter, { exact: true });
			for (const signal of t.signals) await expect(signalFilter.getByRole('option', { name: signal })).toHaveCount(1);
			await expectNoAxeViolations(professional);

			// From the client page to the programme page: nothing runs yet, so it offers the start.
			await professional.getByRole('link', { name: 'Lotte', exact: true }).click();
			await professional.getByRole('main').getByRole('link', { name: t.link, exact: true }).click();
			await expect(professional.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
			await expectNoAxeViolations(professional);
			const programmePage = professional.url();
			await waitForPage(professional);
			await professional.getByLabel(t.welcomeLabel).fill(t.texts.welcome);
			await professional.getByRole('button', { name: t.start }).click();
			await expect(professional.getByText(t.started)).toBeVisible();
			await expect(professional.getByText(t.notBegun)).toBeVisible();
			await expect(professional.getByRole('button', { name: t.start })).toHaveCount(0);
			await expectNoAxeViolations(professional);

			// The client sees the welcome line, then opens week 0; no signal words on the person's pages.
			await open(page, t.programme);
			await expect(page.getByText(t.texts.welcome)).toBeVisible();
			await expectNoSignalWords(page, t);
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: t.goToWeek0 }).click();
			await expect(page.getByRole('heading', { level: 1, name: t.week0 })).toBeVisible();
			await expectNoAxeViolations(page);

			// The professional sees the client's week: week 0 opened today, and the week is open.
			await open(professional, programmePage);
			await expect(professional.getByText(t.notBegun)).toHaveCount(0);
			await expect(professional.getByRole('definition').filter({ hasText: t.nowIn })).toBeVisible();
			await expect(professional.getByRole('row', { name: /^Week 0/ })).toContainText(t.weekOpen);
			await expectNoAxeViolations(professional);

			// A short message, which reaches the client's overview.
			await professional.getByLabel(t.messageLabel).fill(t.texts.message);
			await professional.getByRole('button', { name: t.send }).click();
			await expect(professional.getByText(t.sent)).toBeVisible();
			await expect(professional.getByRole('listitem').filter({ hasText: t.texts.message })).toBeVisible();
			await expect(professional.getByLabel(t.messageLabel)).toHaveValue('');
			await expectNoAxeViolations(professional);

			// "Bespreek eerst" for week 1, then the conversation held.
			await waitForPage(professional);
			await professional.getByRole('button', { name: t.discussOn }).click();
			await expect(professional.getByText(t.changed)).toBeVisible();
			await professional.getByRole('button', { name: t.held }).click();
			await expect(professional.getByText(t.heldDone)).toBeVisible();
			await expect(professional.getByRole('button', { name: t.held })).toHaveCount(0);
			await expectNoAxeViolations(professional);

			// A suggested kind message waits in the form, to send as it is or to change.
			await open(professional, `${programmePage}?bericht=week1`);
			await expect(professional.getByLabel(t.messageLabel)).toHaveValue(t.suggestion);
			await expectNoAxeViolations(professional);

			await open(page, t.overview);
			await expect(page.getByText(t.texts.message)).toBeVisible();
			await expectNoSignalWords(page, t);
			await expectNoAxeViolations(page);

			await professional.context().close();
		});
	});
}
