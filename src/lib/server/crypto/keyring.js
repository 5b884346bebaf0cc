/**
 * brug's data keys: where they come from, how they are kept on disk, how a new one is added.
 * Plain JavaScript with JSDoc types (like ../config.js) so that `scripts/rotate-key.js` can use it
 * without a build step.
 *
 * - `loadKeyring({ dataDir, dataKey })`   the keys of this process: BRUG_DATA_KEY, else keys.json (created with one
 *                                          new key on first start); older keys from keys.json stay readable
 * - `rotateKeyring({ dataDir, dataKey })` adds a new current key to keys.json, or, when BRUG_DATA_KEY is set,
 *                                          records that key there so it stays readable after it is replaced
 * - `keyIdOf(key)`                         the id by which every ciphertext names its key
 * - `keyFilePath(dataDir)`                 where keys.json lives
 * - `KeyringError`                         a key source is unusable; the message names the file or variable
 *
 * Key ids are derived from the key (the first 8 hex digits of SHA-256 over a brug-specific prefix and the key), not
 * random ids stored beside it: BRUG_DATA_KEY is a bare key with nowhere to keep an id, and a derived id cannot drift
 * from its key when someone edits keys.json by hand. 32 bits of a hash tell nothing useful about a 256-bit key.
 *
 * keys.json: { "version": 1, "current": "<id>", "keys": { "<id>": "<base64 of 32 bytes>", ... } }
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** @typedef {{ currentKeyId: string; keys: ReadonlyMap<string, Buffer> }} Keyring */

/**
 * What `rotateKeyring` did: `added` a new random key, `created` keys.json (there was none), `recorded`
 * BRUG_DATA_KEY in keys.json, or nothing (`unchanged`: BRUG_DATA_KEY was recorded before).
 * @typedef {{ file: string; action: 'added' | 'created' | 'recorded' | 'unchanged'; keyId: string;
 *   previousKeyId: string | null }} Rotation
 */

const KEY_BYTES = 32;
// The shape config.js accepts for BRUG_DATA_KEY: base64 or base64url, 43 characters and optional padding.
const base64Key = /^[A-Za-z0-9+/_-]{43}=?$/;
const fileFormat = '{ "version": 1, "current": "<id>", "keys": { "<id>": "<base64>" } }';

const keyFileSchema = z.object({
	version: z.literal(1),
	current: z.string(),
	keys: z.record(z.string(), z.string())
});

export class KeyringError extends Error {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = 'KeyringError';
	}
}

/** @param {string} dataDir */
export function keyFilePath(dataDir) {
	return path.join(dataDir, 'keys.json');
}

/** @param {Buffer} key */
export function keyIdOf(key) {
	// The prefix keeps this hash from equalling any other SHA-256 of the same key that might be published elsewhere.
	return crypto.createHash('sha256').update('brug data key id\0').update(key).digest('hex').slice(0, 8);
}

/**
 * @param {{ dataDir: string; dataKey?: string }} options  dataKey: BRUG_DATA_KEY as configured
 * @returns {Keyring}
 */
export function loadKeyring({ dataDir, dataKey }) {
	const file = keyFilePath(dataDir);
	if (dataKey === undefined) return readKeyFile(file) ?? createKeyFile(dataDir);
	// Loading never writes the environment's key to disk (keeping it off the data disk is why people choose it);
	// only `rotateKeyring` records it, when the administrator asks.
	const key = decodeDataKey(dataKey);
	const id = keyIdOf(key);
	const keys = new Map(readKeyFile(file)?.keys);
	assertNoClash(keys, id, key, file);
	keys.set(id, key);
	return { currentKeyId: id, keys };
}

/**
 * Without BRUG_DATA_KEY: adds a new random key to keys.json and makes it current (creates the file if missing).
 * With BRUG_DATA_KEY: rotation means the administrator sets a new BRUG_DATA_KEY; this first records the present one
 * in keys.json (as its current key, used again only if BRUG_DATA_KEY is removed) so what it encrypted stays readable.
 * Either way the running server keeps its keys until restarted; on start it re-encrypts with the new current key.
 * @param {{ dataDir: string; dataKey?: string }} options
 * @returns {Rotation}
 */
export function rotateKeyring({ dataDir, dataKey }) {
	const file = keyFilePath(dataDir);
	const stored = readKeyFile(file);
	const keys = new Map(stored?.keys);
	const previousKeyId = stored?.currentKeyId ?? null;
	let key;
	let action;
	if (dataKey !== undefined) {
		key = decodeDataKey(dataKey);
		if (previousKeyId === keyIdOf(key)) return { file, action: 'unchanged', keyId: previousKeyId, previousKeyId };
		assertNoClash(keys, keyIdOf(key), key, file);
		action = /** @type {const} */ ('recorded');
	} else {
		// Two keys with one id would make ciphertexts ambiguous; at 2^-32 per try the loop is a formality.
		do {
			key = crypto.randomBytes(KEY_BYTES);
		} while (keys.has(keyIdOf(key)));
		action = stored ? /** @type {const} */ ('added') : /** @type {const} */ ('created');
	}
	const keyId = keyIdOf(key);
	keys.set(keyId, key);
	fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	writeKeyFile(file, { currentKeyId: keyId, keys }, { exclusive: false });
	return { file, action, keyId, previousKeyId };
}

/** @param {string} value */
function decodeDataKey(value) {
	const key = Buffer.from(value, 'base64');
	if (!base64Key.test(value) || key.length !== KEY_BYTES) {
		throw new KeyringError(
			'brug: BRUG_DATA_KEY must be 32 random bytes in base64, e.g. the output of: openssl rand -base64 32'
		);
	}
	return key;
}

/**
 * @param {ReadonlyMap<string, Buffer>} keys
 * @param {string} id
 * @param {Buffer} key
 * @param {string} file
 */
function assertNoClash(keys, id, key, file) {
	const known = keys.get(id);
	if (known && !known.equals(key)) {
		throw new KeyringError(
			`brug: BRUG_DATA_KEY has the same key id (${id}) as a different key in ${file}; choose another key.`
		);
	}
}

/**
 * The keyring stored in `file`, or null when there is no such file. Refuses a file other users may open: it is the
 * one secret that protects every journal entry.
 * @param {string} file
 * @returns {Keyring | null}
 */
function readKeyFile(file) {
	/** @param {string} reason */
	const refuse = (reason) => new KeyringError(`brug: key file ${file} ${reason}.`);
	let text;
	let fd;
	try {
		fd = fs.openSync(file, 'r');
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return null;
		throw refuse(`cannot be opened (${errorCode(error) ?? String(error)})`);
	}
	try {
		// fstat on the open descriptor, so the mode checked is that of the file read.
		const stat = fs.fstatSync(fd);
		if (!stat.isFile()) throw refuse('is not a regular file');
		// Windows has no POSIX modes; there the directory's ACL is what protects the file.
		if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
			const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
			throw refuse(`is open to other users (mode ${mode}); make it private with: chmod 600 ${file}`);
		}
		text = fs.readFileSync(fd, 'utf8');
	} finally {
		fs.closeSync(fd);
	}

	let json;
	try {
		json = JSON.parse(text);
	} catch {
		throw refuse(`is not valid JSON; expected ${fileFormat}`);
	}
	const parsed = keyFileSchema.safeParse(json);
	if (!parsed.success) throw refuse(`does not have the expected form ${fileFormat}`);

	const keys = new Map();
	for (const [id, encoded] of Object.entries(parsed.data.keys)) {
		const key = Buffer.from(encoded, 'base64');
		if (!base64Key.test(encoded) || key.length !== KEY_BYTES) {
			throw refuse(`has key ${id}, which is not 32 bytes in base64`);
		}
		if (keyIdOf(key) !== id) throw refuse(`lists key ${id} under the wrong id (its id is ${keyIdOf(key)})`);
		keys.set(id, key);
	}
	if (!keys.has(parsed.data.current)) throw refuse(`names current key ${parsed.data.current}, which it does not hold`);
	return { currentKeyId: parsed.data.current, keys };
}

/**
 * First start without BRUG_DATA_KEY: one new key. Created exclusively, so when two processes start at once both
 * end up with the key that reached the disk, never one that only lived in memory.
 * @param {string} dataDir
 * @returns {Keyring}
 */
function createKeyFile(dataDir) {
	const file = keyFilePath(dataDir);
	const key = crypto.randomBytes(KEY_BYTES);
	const keyring = { currentKeyId: keyIdOf(key), keys: new Map([[keyIdOf(key), key]]) };
	try {
		fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
		writeKeyFile(file, keyring, { exclusive: true });
	} catch (error) {
		// Another process created it first: use its key (readKeyFile checks it like any other).
		if (fs.existsSync(file)) return /** @type {Keyring} */ (readKeyFile(file));
		throw new KeyringError(`brug: key file ${file} cannot be created (${errorCode(error) ?? String(error)}).`);
	}
	return keyring;
}

/**
 * Writes a private temp file, flushes it, then puts it in place in one step: a crash leaves either the old file or
 * the new one, never half a key. `exclusive` links instead of renaming, which fails with EEXIST rather than replace.
 * @param {string} file
 * @param {Keyring} keyring
 * @param {{ exclusive: boolean }} options
 */
function writeKeyFile(file, keyring, { exclusive }) {
	const content = {
		version: 1,
		current: keyring.currentKeyId,
		keys: Object.fromEntries([...keyring.keys].map(([id, key]) => [id, key.toString('base64')]))
	};
	const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
	const fd = fs.openSync(temp, 'wx', 0o600);
	try {
		fs.writeSync(fd, `${JSON.stringify(content, null, '\t')}\n`);
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
	try {
		if (!exclusive) fs.renameSync(temp, file);
		else linkOrRename(temp, file);
	} finally {
		fs.rmSync(temp, { force: true });
	}
	syncDirectory(path.dirname(file));
}

/**
 * @param {string} temp
 * @param {string} file
 */
function linkOrRename(temp, file) {
	try {
		fs.linkSync(temp, file);
	} catch (error) {
		// Some volume types (network and VM shares) have no hard links; fall back to a checked rename there.
		if (fs.existsSync(file)) throw error;
		fs.renameSync(temp, file);
	}
}

/** Makes the new directory entry durable; not possible on every platform, and then not needed. @param {string} dir */
function syncDirectory(dir) {
	try {
		const fd = fs.openSync(dir, 'r');
		try {
			fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
	} catch {
		// Windows cannot open a directory for fsync.
	}
}

/** @param {unknown} error */
function errorCode(error) {
	return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
