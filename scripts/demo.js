#!/usr/bin/env node
/**
 * `npm run demo`: fills brug's SQLite data directory (BRUG_DATA_DIR, default ./data, as `npm start` uses) with the
 * demo workspace (scripts/demo/seed.js), marks it as the demo (every page then says so), and prints how to sign in.
 * Run it with brug stopped; then `npm start`. See docs/demo.md.
 *
 *   npm run demo              fill an empty data directory, or rebuild the demo in one the demo filled before
 *   npm run demo -- --code    print the current two-step codes of the demo accounts
 *
 * It refuses, changing nothing, when the database holds any account the demo did not make, and when DATABASE_URL
 * points to PostgreSQL (the demo is for a look on one machine). A rebuild deletes the demo database (only that file,
 * its -wal and -shm, and the demo's sign-in file) and keeps the keys. Exit code 0 when done, 1 when refused or failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { repoRoot, useAppModules } from './demo/app-modules.js';
import { totpCode } from './bench/two-step.js';

const started = performance.now();
process.chdir(repoRoot);
if (fs.existsSync('.env')) process.loadEnvFile('.env');
process.env.PORT ||= '3000';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;

/** @param {string} message */
function refuse(message) {
	console.error(`brug demo: ${message}`);
	process.exit(1);
}

const { ConfigError, parseConfig } = await import('../src/lib/server/config.js');
/** @type {ReturnType<typeof parseConfig>} */
let config;
try {
	config = parseConfig(process.env);
} catch (error) {
	if (error instanceof ConfigError) refuse(error.message);
	throw error;
}
const dataDir = path.resolve(config.dataDir);
const databaseFile = path.join(dataDir, 'brug.sqlite');
const signInFile = path.join(dataDir, 'demo-sign-in.json');

if (process.argv.includes('--code')) {
	if (!fs.existsSync(signInFile)) refuse(`there is no demo in ${dataDir}: run 'npm run demo' first.`);
	/** @type {{ signIns: Array<{ role: string, email: string, totpSecret: string }> }} */
	const saved = JSON.parse(fs.readFileSync(signInFile, 'utf8'));
	const left = 30 - Math.floor((Date.now() / 1000) % 30);
	for (const account of saved.signIns) console.log(`${totpCode(account.totpSecret)}  ${account.email}`);
	console.log(`(valid for ${left} more seconds; each code works once)`);
	process.exit(0);
}

if (config.DATABASE_URL) {
	refuse('DATABASE_URL is set: the demo fills only the SQLite database in the data directory. Nothing was changed. Run it without DATABASE_URL.');
}

/**
 * What is in the data directory now, only read (no migration runs on a database that is refused).
 * @returns {{ accountIds: string[], demoAccountIds: string[] | null }}
 */
function whatIsThere() {
	if (!fs.existsSync(databaseFile)) return { accountIds: [], demoAccountIds: null };
	// Read-write, though it only reads: a read-only connection to a WAL database leaves -wal and -shm files behind.
	const file = new SQLite(databaseFile, { fileMustExist: true });
	try {
		const tables = new Set(file.prepare("select name from sqlite_master where type = 'table'").all().map((row) => /** @type {{ name: string }} */ (row).name));
		const accountIds = tables.has('account') ? file.prepare('select id from account').all().map((row) => /** @type {{ id: string }} */ (row).id) : [];
		const marker = tables.has('demo_installation') ? /** @type {{ account_ids: string } | undefined} */ (file.prepare("select account_ids from demo_installation where id = 'demo'").get()) : undefined;
		return { accountIds, demoAccountIds: marker ? parseDemoAccountIds(marker.account_ids) : null };
	} finally {
		file.close();
	}
}

useAppModules();
// On a fresh clone the messages are not compiled yet (`npm start` and `npm run check` compile them too).
if (!fs.existsSync(path.join(repoRoot, 'src', 'lib', 'paraglide', 'messages.js'))) {
	const { compile } = await import('@inlang/paraglide-js');
	const { paraglideOptions } = await import('./paraglide.js');
	await compile(paraglideOptions);
}
const { demoPlan, parseDemoAccountIds } = await import('../src/lib/features/demo/demo.ts');
const plan = demoPlan(whatIsThere());
if (plan.kind === 'refuse') {
	refuse(
		`${databaseFile} holds ${plan.otherAccounts} account(s) that the demo did not make. The demo never mixes made-up ` +
			'people with real ones, and never deletes a real account: nothing was changed. To see the demo, use another ' +
			"data directory: BRUG_DATA_DIR=./demo-data npm run demo, then BRUG_DATA_DIR=./demo-data npm start."
	);
}
if (plan.kind === 'rebuild') {
	console.log('brug demo: this data directory holds an earlier demo; making it again with today\'s dates …');
	for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`, signInFile]) fs.rmSync(file, { force: true });
}

fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const { openDatabase } = await import('../src/lib/server/db/client.ts');
const { migrateToLatest } = await import('../src/lib/server/db/migrate.ts');
const { dataKeyring } = await import('../src/lib/server/crypto/index.ts');
const { loadAuthSecret } = await import('../src/lib/server/auth/secret.ts');
const { writeDemoMarker } = await import('../src/lib/features/demo/demo.server.ts');
const { seedDemo, demoPassword } = await import('./demo/seed.js');

// The keys the server will use: made here when missing (data/keys.json, data/auth-secret), as `npm start` would.
dataKeyring();
const authSecret = loadAuthSecret({ dataDir, configured: config.BRUG_AUTH_SECRET });
const handle = openDatabase({ kind: 'sqlite', file: databaseFile });
let result;
try {
	await migrateToLatest(handle.db);
	result = await seedDemo({ db: handle.db, kind: handle.kind, authSecret, origin: process.env.ORIGIN });
	await writeDemoMarker(handle.db, { accountIds: result.accountIds });
} finally {
	await handle.close();
}
fs.writeFileSync(signInFile, `${JSON.stringify({ password: demoPassword, signIns: result.signIns }, null, '\t')}\n`, { mode: 0o600 });

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const address = `${process.env.ORIGIN}/nl/account/inloggen`;
console.log(`
brug demo: ready in ${seconds} s, in ${dataDir}
  Welzijn Zonnedauw (demo): 2 professionals, 1 admin, ${result.clients} made-up clients, a group training.
  ${result.counts.measurements} results, ${result.counts.healthWebs} health webs, ${result.counts.notes} conversation notes, ${result.counts.programmes} programmes.

Start brug:   npm start        (every page says that this is a demo)
Sign in at:   ${address}
Password:     ${demoPassword}   (the same for every demo account)
${result.signIns.map((account) => `  ${account.email.padEnd(28)} ${account.role}, ${account.name}`).join('\n')}

Two-step sign-in is on for these accounts, as brug requires for professionals and admins. For the code:
  npm run demo -- --code        prints the current code of each account (a code works once; wait for the next)
  or add the secret to an authenticator app:
${result.signIns.map((account) => `  ${account.email.padEnd(28)} ${account.totpSecret}`).join('\n')}
The clients' caseload is at ${process.env.ORIGIN}/nl/werk/clienten once you are signed in as a professional.
`);
