/**
 * `npm run demo` (scripts/demo.js) on fresh data directories, with the built app: the demo professional signs in
 * with the printed password and a code from `npm run demo -- --code`, and sees the made-up clients and the banner,
 * also on the pages built as files (prerendered), which a real installation serves exactly as built;
 * a second run rebuilds the demo; a database with a real account, or PostgreSQL, is refused and left as it was.
 * SQLite only: the demo fills the data directory `npm start` uses, never a PostgreSQL database.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import { openDatabase } from '$lib/server/db/client';
import { migrateToLatest } from '$lib/server/db/migrate';
import { Browser } from '../../scripts/bench/common.js';
import { ensureFreshBuild, startAppServer } from '../integration/app-server';
import { testAuth } from '../integration/auth-fixture';

const root = fileURLToPath(new URL('../..', import.meta.url));
const authSecret = 'demo-test-secret-'.padEnd(48, 'x');
const dirs: string[] = [];

function freshDataDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-demo-'));
	dirs.push(dir);
	return dir;
}

function runDemo(dataDir: string, args: string[] = [], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, ['--experimental-transform-types', '--no-warnings', 'scripts/demo.js', ...args], {
		cwd: root,
		env: { PATH: process.env.PATH, HOME: process.env.HOME, BRUG_DATA_DIR: dataDir, BRUG_AUTH_SECRET: authSecret, DATABASE_URL: '', ...env },
		encoding: 'utf8',
		timeout: 180_000
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fileHash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(async () => {
	await ensureFreshBuild();
}, 600_000);

afterAll(() => {
	for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run demo', () => {
	it('fills a fresh data directory; the demo professional signs in and sees the made-up clients and the banner', async () => {
		const dataDir = freshDataDir();
		const seeded = runDemo(dataDir);
		expect(seeded.stderr).toBe('');
		expect(seeded.status).toBe(0);
		expect(seeded.stdout).toContain('sanne@demo.brug.example');
		const password = /Password:\s+(\S+)/.exec(seeded.stdout)?.[1] ?? '';
		expect(password).not.toBe('');

		const server = await startAppServer({ dataDir, authSecret, setupToken: '' });
		try {
			const visitor = new Browser(server.origin);
			const home = await (await visitor.get('/nl')).text();
			expect(home).toContain('Dit is een demo.');
			// The pages built as files (prerendered, served by scripts/serve.js before the app) say so too: once, first
			// in the site header, in their own language, with the markup the layout gives every other page. Compressed
			// (fetch asks for brotli and gzip) and plain.
			const banner = /<p class="demo-banner"[^]*?<\/p>/.exec(home)?.[0];
			expect(banner).toBe('<p class="demo-banner" data-testid="demo-banner"><strong>Dit is een demo.</strong> Alle mensen hier zijn verzonnen.</p>');
			for (const [address, words] of [['/nl/hulp', banner], ['/nl/test', banner], ['/en/help', '<p class="demo-banner" data-testid="demo-banner"><strong>This is a demo.</strong>']]) {
				for (const encoding of ['br, gzip', 'identity']) {
					const response = await fetch(`${server.origin}${address}`, { headers: { 'accept-encoding': encoding } });
					const page = await response.text();
					expect(response.status, address).toBe(200);
					expect(page, `${address} (${encoding})`).toContain(`<header class="site-header">${words}`);
					expect(page.match(/data-testid="demo-banner"/g), address).toHaveLength(1);
					expect(page, address).not.toContain('<script type="module" src="/_app');
				}
			}

			const browser = new Browser(server.origin);
			expect(await browser.submit('/nl/account/inloggen', { email: 'sanne@demo.brug.example', password })).toMatch(/^\/nl\/account\/inloggen\/code/);
			// The code as the demo tells people to get it; a code already taken in this 30 s step waits for the next.
			let answer = { status: 0, text: '' };
			for (let attempt = 0; attempt < 2 && answer.status !== 303; attempt += 1) {
				if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 30_500 - (Date.now() % 30_000)));
				const codes = runDemo(dataDir, ['--code']);
				expect(codes.status).toBe(0);
				const code = /^(\d{6})\s+sanne@demo\.brug\.example$/m.exec(codes.stdout)?.[1] ?? '';
				answer = await browser.post('/nl/account/inloggen/code', { code });
			}
			expect(answer.status).toBe(303);
			expect(browser.signedIn()).toBe(true);

			const caseload = await browser.get('/nl/werk/clienten');
			const page = await caseload.text();
			expect(caseload.status).toBe(200);
			expect(page).toContain('Dit is een demo.');
			// Sanne guides 24 of the 30 clients (the others are Omar's); the list shows them by the name they chose.
			for (const name of ['Anouk', 'Bram', 'Carla', 'Dirk', 'Frits']) expect(page).toContain(name);
			expect(page).not.toContain('>Els<');
			const severe = await (await browser.get('/nl/werk/clienten?signaal=severe_band')).text();
			expect(severe).toContain('Anouk');
			expect(severe).not.toContain('Bram');
		} finally {
			await server.stop();
		}

		// Again on the demo database: rebuilt with today's dates, the same accounts by address.
		const again = runDemo(dataDir);
		expect(again.status).toBe(0);
		expect(again.stdout).toContain('earlier demo');
		expect(again.stdout).toContain('sanne@demo.brug.example');
	}, 300_000);

	it('leaves the prerendered pages of a real installation exactly as built, without a banner', async () => {
		const server = await startAppServer({ dataDir: freshDataDir(), authSecret, setupToken: '' });
		try {
			const page = await (await fetch(`${server.origin}/nl/hulp`, { headers: { 'accept-encoding': 'identity' } })).text();
			expect(page).toBe(fs.readFileSync(path.join(root, 'build', 'prerendered', 'nl', 'hulp.html'), 'utf8'));
			expect(page).not.toContain('demo-banner');
		} finally {
			await server.stop();
		}
	}, 120_000);

	it('refuses a database with an account the demo did not make, and changes nothing', async () => {
		const dataDir = freshDataDir();
		const handle = openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'brug.sqlite') });
		await migrateToLatest(handle.db);
		const made = await createVerifiedAccount(testAuth(handle), { email: 'echt@example.nl', password: 'lang genoeg wachtwoord', name: 'Echt Iemand', locale: 'nl' });
		expect(made.ok).toBe(true);
		await handle.close();
		const before = fs.readdirSync(dataDir).sort();
		const hash = fileHash(path.join(dataDir, 'brug.sqlite'));

		const refused = runDemo(dataDir);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('holds 1 account(s) that the demo did not make');
		expect(refused.stderr).toContain('nothing was changed');
		expect(refused.stdout).toBe('');
		expect(fs.readdirSync(dataDir).sort()).toEqual(before);
		expect(fileHash(path.join(dataDir, 'brug.sqlite'))).toBe(hash);
	}, 120_000);

	it('refuses PostgreSQL: the demo is for the SQLite data directory', () => {
		const dataDir = freshDataDir();
		const refused = runDemo(dataDir, [], { DATABASE_URL: 'postgres://brug@127.0.0.1:1/brug' });
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('DATABASE_URL is set');
		expect(fs.readdirSync(dataDir)).toEqual([]);
	}, 60_000);
});
