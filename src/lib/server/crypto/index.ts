/**
 * Encryption at rest for the free text people write about themselves: what features use.
 *
 * - `encrypt(plaintext, context)` / `decrypt(ciphertext, context)`  with this process's keyring; context names the
 *   place the value is stored, e.g. `journal_entry.body:${id}` (the same string for writing and reading)
 * - `encryptedColumns`: every column written with `encrypt`, with its context (declared in ./columns.ts, why: see
 *   there), so a key rotation re-encrypts it; `encryptOptional`/`decryptOptional` keep null as null
 * - `dataKeyring()`          the keyring from BRUG_DATA_KEY / `<dataDir>/keys.json`, loaded once, lazily
 * - `reencryptOnStart(db)`   after `npm run rotate-key` and a restart: moves every registered column to the new key
 * - the building blocks, for scripts and tests: `encryptText`, `decryptText`, `needsReencryption`, `ciphertextKeyId`,
 *   `loadKeyring`, `rotateKeyring`, `keyIdOf`, `keyFilePath`, `reencryptAll`, `registeredEncryptedColumns`,
 *   `DecryptionError`, `KeyringError`
 *
 * See docs/decisions/007-encryption-at-rest.md.
 */
import type { Kysely } from 'kysely';
import { config } from '../env';
import { decryptText, encryptText } from './encryption';
import { loadKeyring, type Keyring } from './keyring.js';
import { reencryptAll, type ColumnReencryption } from './reencrypt';
export { encryptedColumns } from './columns';

export {
	ciphertextKeyId,
	decryptText,
	DecryptionError,
	encryptText,
	needsReencryption,
	type DecryptionFailure
} from './encryption';
export {
	KeyringError,
	keyFilePath,
	keyIdOf,
	loadKeyring,
	rotateKeyring,
	type Keyring,
	type Rotation
} from './keyring.js';
export {
	reencryptAll,
	registerEncryptedColumn,
	registeredEncryptedColumns,
	type ColumnReencryption,
	type EncryptedColumn,
	type ReencryptOptions
} from './reencrypt';

let keyring: Keyring | undefined;

/** Throws `KeyringError` when the key file is unusable: call it once at start so that stops brug with one line. */
export function dataKeyring(): Keyring {
	if (!keyring) {
		const { dataDir, BRUG_DATA_KEY } = config();
		keyring = loadKeyring({ dataDir, dataKey: BRUG_DATA_KEY });
	}
	return keyring;
}

export function encrypt(plaintext: string, context: string): string {
	return encryptText(dataKeyring(), plaintext, context);
}

export function decrypt(ciphertext: string, context: string): string {
	return decryptText(dataKeyring(), ciphertext, context);
}

/**
 * Cheap when there is nothing to do (one scan per registered column that finds no rows), so it can run on every
 * start, after the migrations. Rows written meanwhile are safe: a value is only replaced if it is unchanged.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function reencryptOnStart(db: Kysely<any>): Promise<ColumnReencryption[]> {
	return reencryptAll(db, dataKeyring());
}

export function encryptOptional(plaintext: string | null | undefined, context: string): string | null {
	return plaintext ? encrypt(plaintext, context) : null;
}

export function decryptOptional(ciphertext: string | null, context: string): string | null {
	return ciphertext === null ? null : decrypt(ciphertext, context);
}
