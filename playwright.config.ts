/**
 * End-to-end tests: the built app (`npx vite build` first; `npm test` does) on 127.0.0.1:4173 with a fresh SQLite
 * database per run, driven by Debian's Chromium (never `npx playwright install`).
 *
 * Two projects: every journey runs at desktop width and on a phone (390 × 844), and axe checks each page at both.
 * A journey that needs JavaScript off says so itself with `test.use({ javaScriptEnabled: false })`.
 * Pages default to Dutch (Accept-Language nl-NL), as brug does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Another port lets a second run (e.g. a helper's) work beside the first.
const port = Number(process.env.BRUG_E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
/** Also in tests/e2e/organisations.ts. */
const e2eSetupToken = 'e2e-setup-token-0123456789abcdef';

/**
 * The server's data dir: new for every run, under tmp/ (git-ignored) so a failed run can be inspected. The config is
 * also loaded by each worker; they inherit the variable from the runner and so agree on the dir.
 */
function runDataDir(): string {
	const existing = process.env.BRUG_E2E_DATA_DIR;
	if (existing) return existing;
	const parent = path.resolve('tmp', 'e2e');
	fs.mkdirSync(parent, { recursive: true });
	removeDirsOfEndedRuns(parent);
	const dir = fs.mkdtempSync(path.join(parent, `run-${process.pid}-`));
	process.env.BRUG_E2E_DATA_DIR = dir;
	return dir;
}

/** Keeps tmp/e2e from growing: a dir whose runner process is gone is no longer needed. */
function removeDirsOfEndedRuns(parent: string): void {
	for (const name of fs.readdirSync(parent)) {
		const pid = Number(/^run-(\d+)-/.exec(name)?.[1]);
		if (pid && !isRunning(pid)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
	}
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export default defineConfig({
	testDir: 'tests/e2e',
	// Two: on two cores a third browser was measured to gain nothing (the run is bound by the processor) and makes
	// timeouts likelier. BRUG_E2E_WORKERS sets another number.
	workers: Number(process.env.BRUG_E2E_WORKERS ?? 2),
	retries: process.env.CI ? 1 : 0,
	forbidOnly: Boolean(process.env.CI),
	reporter: [['list'], ['json', { outputFile: 'tmp/test-results/playwright.json' }]],
	timeout: 30_000,
	expect: { timeout: 5_000 },
	use: {
		baseURL,
		locale: 'nl-NL',
		timezoneId: 'Europe/Amsterdam',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [
		{ name: 'chromium', use: { ...devices['Desktop Chrome'] } },
		// A phone, as many of brug's people use it: 390 × 844 CSS pixels, touch, the mobile viewport meta honoured.
		// Every journey runs here too, with JavaScript on and off.
		{
			name: 'phone',
			use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
			// Not journeys, and the same at any width: the professional who hovers does so with a pointer in a desktop
			// window of its own, and the bytes of JavaScript a page ships do not depend on the screen.
			testIgnore: ['**/hover-audit.spec.ts', '**/weight.spec.ts']
		}
	],
	webServer: {
		// As npm start runs it: scripts/serve.js adds the security headers to static files too.
		command: 'node scripts/serve.js build',
		url: `${baseURL}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		// brug logs (pino, LOG_LEVEL warn) to stdout: its warnings and errors show beside the test that caused them.
		stdout: 'pipe',
		stderr: 'pipe',
		// SIGTERM lets adapter-node finish and close the database cleanly.
		gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
		env: {
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: baseURL,
			BRUG_DATA_DIR: runDataDir(),
			LOG_LEVEL: 'warn',
			// The setup page stays open with a configured token, so every journey can make its own organisation.
			BRUG_SETUP_TOKEN: e2eSetupToken,
			// Every journey signs up from 127.0.0.1, like a whole centre behind one address; a run makes more than the
			// default 100 accounts an hour.
			BRUG_SIGN_UPS_PER_HOUR: '1000',
			// Always the run's own SQLite database, even when the shell points DATABASE_URL elsewhere.
			DATABASE_URL: ''
		}
	}
});
