#!/usr/bin/env node
/**
 * `npm run rotate-key`: moves the free text brug encrypts at rest to a new key.
 *
 * Without BRUG_DATA_KEY: adds a new random key to <BRUG_DATA_DIR>/keys.json and makes it current. Older keys stay in
 * the file, so everything stored, and every backup made before, stays readable.
 * With BRUG_DATA_KEY: the new key is a new BRUG_DATA_KEY, which only the administrator can set. This records the
 * present one in keys.json first, so what it encrypted stays readable once it is replaced.
 *
 * The running server keeps its keys until it restarts; on start it re-encrypts stored text with the new current key
 * (`reencryptOnStart` in src/lib/server/crypto). This script stays plain Node, without the app's TypeScript, so it
 * touches only the key file. A `.env` file, when present, is read first, like `npm start`; the environment wins.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, parseConfig } from '../src/lib/server/config.js';
import { KeyringError, rotateKeyring } from '../src/lib/server/crypto/keyring.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

try {
	if (fs.existsSync('.env')) process.loadEnvFile('.env');
	const { dataDir, BRUG_DATA_KEY } = parseConfig(process.env);
	const { file, action, keyId, previousKeyId } = rotateKeyring({ dataDir, dataKey: BRUG_DATA_KEY });
	const lines = {
		added: `brug: added key ${keyId} to ${file} and made it current (it was ${previousKeyId}).`,
		created: `brug: created ${file} with key ${keyId} (there was no key file yet).`,
		recorded: `brug: recorded the present BRUG_DATA_KEY (key ${keyId}) in ${file}, so what it encrypted stays readable.`,
		unchanged: `brug: the present BRUG_DATA_KEY (key ${keyId}) was already recorded in ${file}.`
	};
	console.log(lines[action]);
	console.log(
		BRUG_DATA_KEY
			? 'brug: now set BRUG_DATA_KEY to a new key (openssl rand -base64 32) and restart brug; ' +
					'it re-encrypts stored text on start.'
			: `brug: key rotated; restart brug and it re-encrypts stored text with key ${keyId} on start.`
	);
} catch (error) {
	if (error instanceof ConfigError) {
		console.error(`brug: ${error.variable} ${error.reason}.`);
	} else if (error instanceof KeyringError) {
		console.error(error.message);
	} else {
		console.error(`brug: rotating the key failed: ${error instanceof Error ? error.message : String(error)}`);
	}
	process.exit(1);
}
