/**
 * The built app on a fresh database of one target, with the role fixtures seeded into it: for the suites that send
 * requests over HTTP as every role (the authorisation matrix, the content-type fuzz). The seed writes encrypted rows
 * (the names in consent grants) that the server reads, so this process and the server use one data key.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/client';
import { startAppServer, type AppServer } from './app-server';
import type { TestDatabase } from './databases';
import { seedRoles, serverAuth, type Seed } from './role-fixtures';

export interface SeededApp {
	server: AppServer;
	handle: DatabaseHandle;
	seed: Seed;
	stop(): Promise<void>;
}

let dataKey: string | undefined;

/** One data key for this test file: set before the first encryption, so the keyring reads it and no key file. */
function sharedDataKey(): string {
	if (!dataKey) {
		dataKey = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64');
		vi.stubEnv('BRUG_DATA_KEY', dataKey);
		vi.stubEnv('BRUG_DATA_DIR', path.join(os.tmpdir(), `brug-seeded-no-key-file-${process.pid}`));
	}
	return dataKey;
}

export async function startSeededApp(
	target: TestDatabase,
	options: { name: string; authSecret: string; setupToken: string }
): Promise<SeededApp> {
	const key = sharedDataKey();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `brug-${options.name}-`));
	const empty = await target.createEmpty?.();
	if (target.name === 'postgres' && !empty) throw new Error('no PostgreSQL database for the server');
	const server = await startAppServer({ dataDir, databaseUrl: empty?.url ?? '', authSecret: options.authSecret, setupToken: options.setupToken, dataKey: key });
	// The server has created and migrated the database; the roles go into the same one.
	const handle = empty
		? openDatabase({ kind: 'postgres', url: empty.url, maxConnections: 3 })
		: openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'brug.sqlite') });
	const seed = await seedRoles(handle, serverAuth(handle, { secret: options.authSecret, origin: server.origin }));
	return {
		server,
		handle,
		seed,
		async stop() {
			await server.stop();
			await handle.close();
			await empty?.drop();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
