#!/usr/bin/env node
/**
 * `npm run backup [-- <file or directory>]`: a consistent copy of brug's SQLite database, made while brug runs.
 *
 * It uses SQLite's online backup API (better-sqlite3 `db.backup()`), which copies what is committed, including what
 * is still in the WAL; copying the files by hand while brug writes can give a broken copy. Without an argument the
 * copy goes to `backups/brug-<date and time>.sqlite` in the project; a directory argument gets that
 * name inside it. An existing file is never overwritten. The copy is checked (`pragma integrity_check`) and readable
 * only by its owner.
 *
 * The copy holds the free text people write encrypted; the keys are not in it. The script names where they are
 * (keys.json and auth-secret in BRUG_DATA_DIR, or BRUG_DATA_KEY / BRUG_AUTH_SECRET in the environment), to be backed
 * up apart from the database: together they give everything away, and without the keys the journal cannot be read.
 *
 * With DATABASE_URL (PostgreSQL) it writes nothing: it prints the pg_dump and pg_restore lines to use.
 * A `.env` file, when present, is read first, like `npm start`; the environment wins.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { ConfigError, parseConfig } from '../src/lib/server/config.js';
import { keyFilePath } from '../src/lib/server/crypto/keyring.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// A path on the command line means what it means where the command was typed (npm run starts in the project root).
const invokedFrom = process.env.INIT_CWD ?? process.cwd();

/** 2026-12-07T03-05-09Z: sortable, and valid as a file name everywhere. */
function stamp(now = new Date()) {
	return now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
}

/**
 * @param {string | undefined} given  the command-line argument
 * @returns {string}
 */
function destinationFor(given) {
	const name = `brug-${stamp()}.sqlite`;
	if (!given) return path.join(root, 'backups', name);
	const resolved = path.resolve(invokedFrom, given);
	if (given.endsWith(path.sep) || (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory())) return path.join(resolved, name);
	return resolved;
}

/** @param {import('../src/lib/server/config.js').Config} config */
function keyLines(config) {
	const lines = [];
	const keys = keyFilePath(config.dataDir);
	if (config.BRUG_DATA_KEY) lines.push('  - the data key: BRUG_DATA_KEY in the environment');
	if (fs.existsSync(keys)) lines.push(`  - ${config.BRUG_DATA_KEY ? 'older data keys' : 'the data keys'}: ${keys}`);
	if (!config.BRUG_DATA_KEY && !fs.existsSync(keys)) lines.push(`  - the data keys: ${keys} (not there yet: brug makes it on its first start)`);
	const secret = path.join(config.dataDir, 'auth-secret');
	lines.push(config.BRUG_AUTH_SECRET ? '  - the sign-in secret: BRUG_AUTH_SECRET in the environment' : `  - the sign-in secret: ${secret}`);
	return [
		'brug: the copy holds the journal and other free text encrypted; the keys are not in it. Back these up too,',
		'      apart from the database (another disk, another place): together they give everything away, and',
		'      without them the text and two-step sign-in cannot be restored:',
		...lines
	].join('\n');
}

async function main() {
	process.chdir(root);
	if (fs.existsSync('.env')) process.loadEnvFile('.env');
	const config = parseConfig(process.env);
	if (config.DATABASE_URL) {
		console.log(
			[
				'brug: DATABASE_URL is set, so brug runs on PostgreSQL; this script copies only SQLite. Use pg_dump:',
				`  pg_dump --format=custom --file=brug-${stamp()}.dump "$DATABASE_URL"`,
				'and to restore into an empty database:',
				'  pg_restore --no-owner --dbname="$NEW_DATABASE_URL" brug-<date>.dump',
				keyLines(config)
			].join('\n')
		);
		return;
	}
	const source = path.join(config.dataDir, 'brug.sqlite');
	if (!fs.existsSync(source)) throw new Error(`there is no database at ${source} (is BRUG_DATA_DIR right?)`);
	const destination = destinationFor(process.argv[2]);
	if (fs.existsSync(destination)) throw new Error(`${destination} exists already; give another name`);
	// The copy holds everything brug keeps: only its owner may read it, from its first byte on (also if this stops).
	process.umask(0o077);
	fs.mkdirSync(path.dirname(destination), { recursive: true, mode: 0o700 });

	// Not read-only: a read-only connection cannot take part in the WAL's shared memory when brug is not running.
	const db = new SQLite(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		await db.backup(destination);
	} finally {
		db.close();
	}
	fs.chmodSync(destination, 0o600);
	const copy = new SQLite(destination, { fileMustExist: true });
	let check;
	try {
		// One self-contained file, without -wal and -shm beside it; brug turns WAL on again when it opens it.
		copy.pragma('journal_mode = DELETE');
		check = copy.pragma('integrity_check', { simple: true });
	} finally {
		copy.close();
	}
	if (check !== 'ok') throw new Error(`the copy at ${destination} failed its integrity check: ${check}`);
	console.log(`brug: backup of ${source} written to ${destination} (${fs.statSync(destination).size} bytes, integrity ok).`);
	console.log(keyLines(config));
}

main().catch((error) => {
	if (error instanceof ConfigError) console.error(`brug: ${error.variable} ${error.reason}.`);
	else console.error(`brug: the backup failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
