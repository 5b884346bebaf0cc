/**
 * Shared end-to-end helpers. Import `test` and `expect` from here, not from @playwright/test:
 *  - every test fails when a page it opened requested anything but brug itself (brug makes no third-party calls);
 *  - `expectNoAxeViolations(page)` checks the page as it is now with axe (call it on every page a journey visits).
 */
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/**
 * The newest axe rules (axe-core 4.14), run by the 4.13 Playwright integration: from 4.14 on the integration refuses
 * pages whose scripting is off, and every journey here also runs with JavaScript off.
 */
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeVersion = (require('axe-core/package.json') as { version: string }).version;
const axeOn = (page: Page) => new AxeBuilder({ page, axeSource });

/**
 * Fails with one line per violation: rule id, impact, what is wrong, and the CSS targets of each offending node.
 * Works on pages opened with JavaScript off too (see `analyzeWithoutPageScripting`).
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const { violations, testEngine } = (await page.evaluate(isScriptingDisabled))
		? await analyzeWithoutPageScripting(page)
		: await axeOn(page).analyze();
	expect(testEngine.version, 'the axe rules that ran').toBe(axeVersion);
	const found = violations.map(
		(violation) =>
			`${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help} — ` +
			violation.nodes.map((node) => node.target.join(' ')).join(', ')
	);
	expect(found, `axe found accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * With `javaScriptEnabled: false` Chromium still runs Playwright's evaluations but never fires timers, and axe waits
 * on setTimeout; its default mode also finishes the run in a new blank page of the same (script-less) context.
 * So: run timers as microtasks for the duration of the check, and let axe run in the page itself (legacy mode,
 * which only lacks cross-origin iframe support; brug has no iframes).
 */
async function analyzeWithoutPageScripting(page: Page): Promise<AxeResults> {
	await page.evaluate(runTimersAsMicrotasks, true);
	try {
		return await axeOn(page).setLegacyMode(true).analyze();
	} finally {
		await page.evaluate(runTimersAsMicrotasks, false);
	}
}

/**
 * Holds back the page's scripts, as a slow phone does, so a test can act before hydration; call the answer to let
 * them load.
 */
export async function holdPageScripts(page: Page): Promise<() => void> {
	let letScriptsLoad = () => {};
	const scriptsMayLoad = new Promise<void>((resolve) => (letScriptsLoad = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsMayLoad;
		await route.continue();
	});
	return letScriptsLoad;
}

/**
 * With JavaScript on, waits until the page has started (the root layout sets `data-ready` on <html>): text typed
 * before that may be reset when the page takes over its form. With JavaScript off, or on a page that ships no
 * SvelteKit script (`csr = false`), there is nothing to wait for.
 */
export async function waitForPage(page: Page): Promise<void> {
	if (await page.evaluate(isScriptingDisabled)) return;
	if (!(await page.evaluate(hasSvelteKitRuntime))) return;
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

/** SvelteKit starts a page from one inline script that names `__sveltekit_`; a page without it never hydrates. */
function hasSvelteKitRuntime(): boolean {
	return [...document.scripts].some((script) => script.textContent?.includes('__sveltekit_'));
}

/** The HTML fragment parser reads <noscript> content as markup only when scripting is disabled. */
function isScriptingDisabled(): boolean {
	const probe = document.createElement('div');
	probe.innerHTML = '<noscript><p></p></noscript>';
	return probe.querySelector('noscript p') !== null;
}

/** Runs in the page: swaps setTimeout/clearTimeout for microtask versions (`on`), or puts the originals back. */
function runTimersAsMicrotasks(on: boolean): void {
	type Timers = { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
	const scope = window as unknown as Timers & { __brugTimers?: Timers };
	if (!on) {
		if (scope.__brugTimers) Object.assign(scope, scope.__brugTimers);
		delete scope.__brugTimers;
		return;
	}
	scope.__brugTimers ??= { setTimeout: scope.setTimeout, clearTimeout: scope.clearTimeout };
	const cancelled = new Set<number>();
	let next = 1;
	const microtaskTimeout = (callback: unknown, _delay?: number, ...args: unknown[]) => {
		const id = next++;
		// A promise reaction, not queueMicrotask: Blink drops queueMicrotask callbacks while scripting is off.
		void Promise.resolve().then(() => {
			if (!cancelled.delete(id) && typeof callback === 'function') callback(...args);
		});
		return id;
	};
	scope.setTimeout = microtaskTimeout as unknown as typeof setTimeout;
	scope.clearTimeout = ((id?: number) => void cancelled.add(Number(id))) as typeof clearTimeout;
}

/** Hosts a page may talk to: the app under test, by IP or as localhost, on its own port. */
function allowedHosts(baseURL: string | undefined): Set<string> {
	const port = new URL(baseURL ?? 'http://127.0.0.1:4173').port;
	return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Network URLs only: data:, blob: and about: never leave the browser. */
function isOffHost(url: string, allowed: Set<string>): boolean {
	const { protocol, host } = new URL(url);
	return /^(https?|wss?):$/.test(protocol) && !allowed.has(host);
}

export const test = base.extend<{ offHostRequestGuard: void }>({
	offHostRequestGuard: [
		async ({ browser, context, baseURL }, use) => {
			const allowed = allowedHosts(baseURL);
			const offHost: string[] = [];
			const watched = new WeakSet<BrowserContext>();
			const watch = (watchedContext: BrowserContext) => {
				if (watched.has(watchedContext)) return;
				watched.add(watchedContext);
				watchedContext.on('request', (request) => {
					if (isOffHost(request.url(), allowed)) offHost.push(request.url());
				});
				// WebSocket connections do not show up as requests.
				const watchSockets = (page: Page) =>
					page.on('websocket', (socket) => {
						if (isOffHost(socket.url(), allowed)) offHost.push(socket.url());
					});
				watchedContext.pages().forEach(watchSockets);
				watchedContext.on('page', watchSockets);
			};
			watch(context);
			// Journeys that need a second person or other options open their own contexts: watch those too.
			// (browser.newPage goes through newContext as well.)
			const newContext: Browser['newContext'] = browser.newContext;
			browser.newContext = async (options) => {
				const created = await newContext.call(browser, options);
				watch(created);
				return created;
			};
			try {
				await use();
			} finally {
				browser.newContext = newContext;
			}
			expect(offHost, 'the pages requested hosts other than brug itself').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
