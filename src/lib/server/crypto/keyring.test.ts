import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decryptText, encryptText } from './encryption';
import { keyFilePath, keyIdOf, KeyringError, loadKeyring, rotateKeyring } from './keyring.js';

const made: string[] = [];
afterEach(() => {
	for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh data directory that does not exist yet, inside a temp dir removed after the test. */
function dataDir(): string {
	const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-keyring-'));
	made.push(parent);
	return path.join(parent, 'data');
}

function mode(file: string): number {
	return fs.statSync(file).mode & 0o777;
}

function refusal(run: () => unknown): KeyringError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(KeyringError);
		return error as KeyringError;
	}
	throw new Error('expected a KeyringError');
}

/** Writes keys.json by hand, as an administrator might. */
function writeKeyFile(dir: string, content: string, fileMode = 0o600): string {
	fs.mkdirSync(dir, { recursive: true });
	const file = keyFilePath(dir);
	fs.writeFileSync(file, content);
	fs.chmodSync(file, fileMode);
	return file;
}

const envKey = () => crypto.randomBytes(32).toString('base64');
const context = 'journal_entry.body:1';

describe('loadKeyring without BRUG_DATA_KEY', () => {
	it('creates a private data dir and keys.json (0600) with one key on first load, and reads the same key after', () => {
		const dir = dataDir();
		const first = loadKeyring({ dataDir: dir });

		expect(mode(dir)).toBe(0o700);
		expect(mode(keyFilePath(dir))).toBe(0o600);
		expect(first.keys.size).toBe(1);
		expect(first.keys.get(first.currentKeyId)?.length).toBe(32);
		const stored = JSON.parse(fs.readFileSync(keyFilePath(dir), 'utf8'));
		expect(stored).toEqual({
			version: 1,
			current: first.currentKeyId,
			keys: { [first.currentKeyId]: first.keys.get(first.currentKeyId)?.toString('base64') }
		});
		expect(fs.readdirSync(dir)).toEqual(['keys.json']);

		const second = loadKeyring({ dataDir: dir });
		expect(second.currentKeyId).toBe(first.currentKeyId);
		expect(second.keys.get(second.currentKeyId)?.equals(first.keys.get(first.currentKeyId) as Buffer)).toBe(true);
	});

	it('derives each key id from its key', () => {
		const keyring = loadKeyring({ dataDir: dataDir() });
		expect(keyring.currentKeyId).toMatch(/^[0-9a-f]{8}$/);
		expect(keyIdOf(keyring.keys.get(keyring.currentKeyId) as Buffer)).toBe(keyring.currentKeyId);
	});

	const openModes = [0o644, 0o640, 0o604, 0o660];
	it.each(openModes)('refuses a key file others may open (mode %o), saying how to fix it', (fileMode) => {
		const dir = dataDir();
		loadKeyring({ dataDir: dir });
		const file = keyFilePath(dir);
		fs.chmodSync(file, fileMode);
		const error = refusal(() => loadKeyring({ dataDir: dir }));
		expect(error.message).toContain(file);
		expect(error.message).toContain(`mode 0${fileMode.toString(8)}`);
		expect(error.message).toContain(`chmod 600 ${file}`);
	});

	it.each([
		['not JSON', '{"version": 1, "current": ', /is not valid JSON/],
		['the wrong shape', '{"version": 2, "keys": []}', /does not have the expected form/],
		[
			'a short key',
			JSON.stringify({ version: 1, current: 'aaaaaaaa', keys: { aaaaaaaa: crypto.randomBytes(16).toString('base64') } }),
			/not 32 bytes/
		],
		['a missing current key', (() => {
			const key = crypto.randomBytes(32);
			return JSON.stringify({ version: 1, current: '00000000', keys: { [keyIdOf(key)]: key.toString('base64') } });
		})(), /current key 00000000/],
		[
			'a key under the wrong id',
			JSON.stringify({ version: 1, current: '0badc0de', keys: { '0badc0de': envKey() } }),
			/wrong id/
		]
	])('refuses a key file with %s, naming the file', (_, content, message) => {
		const dir = dataDir();
		const file = writeKeyFile(dir, content);
		const error = refusal(() => loadKeyring({ dataDir: dir }));
		expect(error.message).toMatch(message);
		expect(error.message).toContain(file);
	});
});

describe('loadKeyring with BRUG_DATA_KEY', () => {
	it('uses that key, and neither creates nor needs a key file', () => {
		const dir = dataDir();
		const dataKey = envKey();
		const keyring = loadKeyring({ dataDir: dir, dataKey });
		expect(keyring.currentKeyId).toBe(keyIdOf(Buffer.from(dataKey, 'base64')));
		expect(keyring.keys.size).toBe(1);
		expect(fs.existsSync(keyFilePath(dir))).toBe(false);
	});

	it('wins over keys.json, whose keys still decrypt what they made', () => {
		const dir = dataDir();
		const fromFile = loadKeyring({ dataDir: dir });
		const old = encryptText(fromFile, 'Gisteren was een goede dag.', context);

		const keyring = loadKeyring({ dataDir: dir, dataKey: envKey() });
		expect(keyring.currentKeyId).not.toBe(fromFile.currentKeyId);
		expect(decryptText(keyring, old, context)).toBe('Gisteren was een goede dag.');
		expect(encryptText(keyring, 'nieuw', context).split('.')[1]).toBe(keyring.currentKeyId);
	});

	it('still refuses an unsafe keys.json', () => {
		const dir = dataDir();
		loadKeyring({ dataDir: dir });
		fs.chmodSync(keyFilePath(dir), 0o644);
		expect(refusal(() => loadKeyring({ dataDir: dir, dataKey: envKey() })).message).toContain(keyFilePath(dir));
	});

	it('refuses a key that is not 32 bytes', () => {
		const error = refusal(() => loadKeyring({ dataDir: dataDir(), dataKey: crypto.randomBytes(16).toString('base64') }));
		expect(error.message).toMatch(/^brug: BRUG_DATA_KEY must be 32 random bytes/);
	});
});

describe('rotateKeyring', () => {
	it('adds a new key to keys.json and makes it current; the old key still decrypts', () => {
		const dir = dataDir();
		const before = loadKeyring({ dataDir: dir });
		const old = encryptText(before, 'Ik durf weer naar de buurtkamer.', context);

		const rotation = rotateKeyring({ dataDir: dir });
		expect(rotation).toEqual({
			file: keyFilePath(dir),
			action: 'added',
			keyId: expect.stringMatching(/^[0-9a-f]{8}$/),
			previousKeyId: before.currentKeyId
		});
		expect(rotation.keyId).not.toBe(before.currentKeyId);
		expect(mode(keyFilePath(dir))).toBe(0o600);
		expect(fs.readdirSync(dir)).toEqual(['keys.json']);

		const after = loadKeyring({ dataDir: dir });
		expect(after.currentKeyId).toBe(rotation.keyId);
		expect([...after.keys.keys()].sort()).toEqual([before.currentKeyId, rotation.keyId].sort());
		expect(decryptText(after, old, context)).toBe('Ik durf weer naar de buurtkamer.');
	});

	it('creates keys.json when there is none', () => {
		const dir = dataDir();
		const rotation = rotateKeyring({ dataDir: dir });
		expect(rotation.action).toBe('created');
		expect(rotation.previousKeyId).toBeNull();
		expect(loadKeyring({ dataDir: dir }).currentKeyId).toBe(rotation.keyId);
	});

	it('with BRUG_DATA_KEY, records that key so it still decrypts once a new BRUG_DATA_KEY replaces it', () => {
		const dir = dataDir();
		const fileKeyring = loadKeyring({ dataDir: dir });
		const firstEnvKey = envKey();
		const old = encryptText(loadKeyring({ dataDir: dir, dataKey: firstEnvKey }), 'Wandelen met Piet.', context);

		const rotation = rotateKeyring({ dataDir: dir, dataKey: firstEnvKey });
		expect(rotation.action).toBe('recorded');
		expect(rotation.keyId).toBe(keyIdOf(Buffer.from(firstEnvKey, 'base64')));
		expect(rotation.previousKeyId).toBe(fileKeyring.currentKeyId);
		expect(rotateKeyring({ dataDir: dir, dataKey: firstEnvKey }).action).toBe('unchanged');

		const next = loadKeyring({ dataDir: dir, dataKey: envKey() });
		expect(next.keys.size).toBe(3);
		expect(decryptText(next, old, context)).toBe('Wandelen met Piet.');
	});

	it('refuses to rotate an unsafe keys.json', () => {
		const dir = dataDir();
		const file = writeKeyFile(dir, '[]');
		expect(refusal(() => rotateKeyring({ dataDir: dir })).message).toContain(file);
		expect(fs.readFileSync(file, 'utf8')).toBe('[]');
	});
});
