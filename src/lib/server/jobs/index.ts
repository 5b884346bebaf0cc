/**
 * Jobs: work that must happen once for the whole cluster and survive restarts (see runner.ts for what a runner
 * promises). `startJobs()` opens the process-wide runner on brug's database (hooks.server.ts `init`), `jobs()` gives
 * it to whoever registers or enqueues, `stopJobs()` waits for the running job on shutdown.
 */
import type { Kysely } from 'kysely';
import { config } from '../env';
import { databaseKind, db } from '../db';
import type { Database } from '../db/schema';
import { log } from '../log';
import { PgBossJobRunner } from './pg-boss-runner';
import type { JobLogger, JobRunner } from './runner';
import { SqliteJobRunner } from './sqlite-runner';

export type { EnqueueOptions, JobHandler, JobKindOptions, JobPayload, JobRunner, PeriodPayload } from './runner';
export { forgetEndedJobs, jobRecord, type JobRecord } from './ledger';

export type JobDatabase =
	| { kind: 'sqlite'; db: Kysely<Database> }
	| { kind: 'postgres'; db: Kysely<Database>; url: string };

export interface JobRunnerOptions {
	logger: JobLogger;
	/** How often a runner looks for due jobs, in milliseconds (PostgreSQL: at least 500). */
	pollMs?: number;
}

/** A runner on the given database: pg-boss on PostgreSQL, the in-process loop on SQLite. */
export function openJobRunner(database: JobDatabase, options: JobRunnerOptions): JobRunner {
	if (database.kind === 'postgres') {
		return new PgBossJobRunner(database.db, {
			connectionString: database.url,
			logger: options.logger,
			pollSeconds: options.pollMs === undefined ? undefined : Math.max(0.5, options.pollMs / 1000)
		});
	}
	return new SqliteJobRunner(database.db, { logger: options.logger, pollMs: options.pollMs });
}

let runner: JobRunner | undefined;

export async function startJobs(): Promise<JobRunner> {
	if (runner) return runner;
	const kind = databaseKind();
	const url = config().DATABASE_URL;
	const opened =
		kind === 'postgres' && url ? openJobRunner({ kind, db: db(), url }, { logger: log() }) : openJobRunner({ kind: 'sqlite', db: db() }, { logger: log() });
	await opened.start();
	runner = opened;
	return runner;
}

export function jobs(): JobRunner {
	if (!runner) throw new Error('The job runner is not started yet.');
	return runner;
}

export async function stopJobs(): Promise<void> {
	const stopping = runner;
	runner = undefined;
	await stopping?.stop();
}
