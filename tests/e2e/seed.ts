/**
 * People a journey starts with but is not about, seeded instead of made through the pages (the pages that make
 * them have journeys of their own: accounts, consent-journey, team-consent). `seedWorld(plan)` runs
 * seed-process.ts, which writes the rows with brug's own use-cases into the run's database and signs the accounts
 * in; `signedInPage` opens a page whose browser holds such a session.
 *
 *   const world = await seedWorld(professionalWithClient({ scopes: ['measurements'] }));
 *   const professional = await signedInPage(browser, javaScriptEnabled, world.professionals[0]!);
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { GrantableScope } from '../../src/lib/kernel/consent-scopes';
import { test } from './support';
import { uniqueAddress } from './mailbox';
import type { SeededAccount, World, WorldPlan } from './seed-world';

export type { SeededAccount, World, WorldPlan };

export const seedPassword = 'een lang wachtwoord';

/** Seeds the plan in the e2e server's database; the origin and password are filled in. */
export async function seedWorld(plan: Omit<WorldPlan, 'origin' | 'password'>): Promise<World> {
	const dataDir = process.env.BRUG_E2E_DATA_DIR;
	if (!dataDir) throw new Error('BRUG_E2E_DATA_DIR is not set (see playwright.config.ts)');
	const origin = test.info().project.use.baseURL!;
	const input = JSON.stringify({ ...plan, origin, password: seedPassword } satisfies WorldPlan);
	const script = path.join(import.meta.dirname, 'seed-process.ts');
	const output = await new Promise<string>((resolve, reject) => {
		const child = execFile(
			process.execPath,
			['--experimental-transform-types', '--no-warnings', script],
			{ env: { ...process.env, BRUG_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' }, maxBuffer: 1 << 20 },
			(error, stdout, stderr) => (error ? reject(new Error(`seeding failed: ${stderr || error.message}`)) : resolve(stdout))
		);
		child.stdin!.end(input);
	});
	return JSON.parse(output) as World;
}

/** An organisation with its admin, the professional Joris Smit, and Lotte, who shares `scopes` with him. */
export function professionalWithClient(input: { scopes: GrantableScope[] | 'all'; clientName?: string }): Omit<WorldPlan, 'origin' | 'password'> {
	return {
		organisation: `Wijkteam ${Date.now()}`,
		admin: { name: 'Ina Beheer', email: uniqueAddress('ina') },
		professionals: [{ name: 'Joris Smit', email: uniqueAddress('joris') }],
		people: [{ name: 'Lotte de Vries', email: uniqueAddress('lotte') }],
		links: [{ person: 0, professional: 0, scopes: input.scopes, personName: input.clientName ?? 'Lotte' }],
		groups: []
	};
}

/** Gives a browser context the account's signed-in session. */
export async function signIn(context: BrowserContext, account: SeededAccount): Promise<void> {
	const url = test.info().project.use.baseURL!;
	await context.addCookies(account.cookies.map(({ name, value }) => ({ name, value, url, httpOnly: true, sameSite: 'Lax' as const })));
}

/**
 * A new page, JavaScript on or off, signed in as the account: at the project's size with `projectSize`, else at
 * Playwright's default desktop size (as the journeys' second and third people have always been).
 */
export async function signedInPage(browser: Browser, javaScriptEnabled: boolean, account: SeededAccount, options: { projectSize?: boolean } = {}): Promise<Page> {
	const { viewport, isMobile, hasTouch, userAgent, deviceScaleFactor } = test.info().project.use;
	const size = options.projectSize ? { viewport, isMobile, hasTouch, userAgent, deviceScaleFactor } : {};
	const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', ...size });
	await signIn(context, account);
	return context.newPage();
}
