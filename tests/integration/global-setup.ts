/**
 * Vitest global setup: finds a PostgreSQL server for the integration suites, so every suite runs on SQLite and on
 * PostgreSQL (tests/integration/databases.ts). BRUG_TEST_DATABASE_URL wins; else a throwaway cluster is started from
 * the local PostgreSQL binaries and stopped afterwards. Without either, the run fails when BRUG_REQUIRE_POSTGRES is
 * set (CI) and continues on SQLite only otherwise.
 */
import type { TestProject } from 'vitest/node';
import { findPostgresBin, startCluster, stopClusterSync } from '../../scripts/pg-cluster.js';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Server URL whose database may create and drop databases; null when PostgreSQL is unavailable. */
		postgresUrl: string | null;
	}
}

function postgresRequired(): boolean {
	const value = process.env.BRUG_REQUIRE_POSTGRES?.trim() ?? '';
	return value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function unavailable(project: TestProject, reason: string): void {
	if (postgresRequired()) {
		throw new Error(`brug: PostgreSQL is required (BRUG_REQUIRE_POSTGRES is set) but ${reason}.`);
	}
	console.warn(`brug: ${reason}; the database tests run on SQLite only.`);
	project.provide('postgresUrl', null);
}

export default async function setup(project: TestProject): Promise<void | (() => Promise<void>)> {
	const given = process.env.BRUG_TEST_DATABASE_URL?.trim();
	if (given) {
		project.provide('postgresUrl', given);
		return;
	}
	if (!findPostgresBin()) {
		unavailable(
			project,
			"PostgreSQL is not installed (run 'sudo apt-get install -y postgresql' or set BRUG_TEST_DATABASE_URL)"
		);
		return;
	}

	let cluster: Awaited<ReturnType<typeof startCluster>>;
	try {
		cluster = await startCluster();
	} catch (error) {
		unavailable(project, `the test cluster did not start: ${error instanceof Error ? error.message : String(error)}`);
		return;
	}
	// The server runs detached from this process: stop it even when vitest exits without tearing down.
	const stopOnExit = () => stopClusterSync(cluster);
	process.once('exit', stopOnExit);
	project.provide('postgresUrl', cluster.url);

	return async () => {
		process.off('exit', stopOnExit);
		stopClusterSync(cluster);
	};
}
