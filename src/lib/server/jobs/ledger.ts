/**
 * The `job` table, shared by both runners: one row per key, ever (migrations/009-jobs.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { JobLogger, JobPayload } from './runner';

type Db = Kysely<Database> | Transaction<Database>;

export function keyHash(key: string): string {
	return createHash('sha256').update(key).digest('hex');
}

export interface NewJob {
	kind: string;
	key: string;
	payload: JobPayload;
	runAt: Date;
	maxAttempts: number;
	/** False on PostgreSQL, where the queue holds the payload. */
	storePayload: boolean;
}

/** Inserts the key's row; its id when this call was first, undefined when the key was known already. */
export async function insertJob(db: Db, job: NewJob, now = new Date()): Promise<string | undefined> {
	const row = await db
		.insertInto('job')
		.values({
			id: randomUUID(),
			kind: job.kind,
			key_hash: keyHash(job.key),
			payload: job.storePayload ? JSON.stringify(job.payload) : null,
			state: 'queued',
			run_at: job.runAt.toISOString(),
			attempts: 0,
			max_attempts: job.maxAttempts,
			locked_until: null,
			created_at: now.toISOString(),
			finished_at: null
		})
		.onConflict((conflict) => conflict.columns(['kind', 'key_hash']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return row?.id;
}

export interface StartedAttempt {
	attempts: number;
	maxAttempts: number;
}

/**
 * Marks the job running and counts the attempt, unless it ended already (done, given up or cancelled) or another
 * claim holds it: then undefined, and the caller does not run it. A running job is taken over only once its lease
 * passed (`leaseCheckedAt`), or, without that, always: pg-boss hands a job out again only when its last worker is gone.
 */
export async function startAttempt(
	db: Db,
	id: string,
	claim: { lockedUntil: Date; leaseCheckedAt?: Date }
): Promise<StartedAttempt | undefined> {
	const checkedAt = claim.leaseCheckedAt?.toISOString();
	const row = await db
		.updateTable('job')
		.set({ state: 'running', attempts: sql<number>`attempts + 1`, locked_until: claim.lockedUntil.toISOString() })
		.where('id', '=', id)
		.where((eb) =>
			eb.or([
				eb('state', '=', 'queued'),
				checkedAt === undefined ? eb('state', '=', 'running') : eb.and([eb('state', '=', 'running'), eb('locked_until', '<', checkedAt)])
			])
		)
		.returning(['attempts', 'max_attempts'])
		.executeTakeFirst();
	return row && { attempts: Number(row.attempts), maxAttempts: Number(row.max_attempts) };
}

export async function finishJob(db: Db, id: string, state: 'done' | 'failed' | 'cancelled', now = new Date()): Promise<void> {
	await db
		.updateTable('job')
		.set({ state, payload: null, locked_until: null, finished_at: now.toISOString() })
		.where('id', '=', id)
		.execute();
}

export async function requeueJob(db: Db, id: string, runAt: Date): Promise<void> {
	await db.updateTable('job').set({ state: 'queued', run_at: runAt.toISOString(), locked_until: null }).where('id', '=', id).execute();
}

/** Withdraws a job that has not started; its id when one was withdrawn. */
export async function cancelQueuedJob(db: Db, kind: string, key: string, now = new Date()): Promise<string | undefined> {
	const row = await db
		.updateTable('job')
		.set({ state: 'cancelled', payload: null, finished_at: now.toISOString() })
		.where('kind', '=', kind)
		.where('key_hash', '=', keyHash(key))
		.where('state', '=', 'queued')
		.returning('id')
		.executeTakeFirst();
	return row?.id;
}

export interface JobRecord {
	state: Database['job']['state'];
	/** How often the job was started (a job that failed once and then succeeded: 2). */
	attempts: number;
	finishedAt: string | null;
}

/** What became of a keyed job: "how many times did job X run" is `attempts` with `state` done. */
export async function jobRecord(db: Db, kind: string, key: string): Promise<JobRecord | undefined> {
	const row = await db
		.selectFrom('job')
		.select(['state', 'attempts', 'finished_at'])
		.where('kind', '=', kind)
		.where('key_hash', '=', keyHash(key))
		.executeTakeFirst();
	return row && { state: row.state, attempts: Number(row.attempts), finishedAt: row.finished_at };
}

/**
 * Forgets jobs that ended before `before`. Only keys that are never enqueued again may go: a recurring job's past
 * periods, a reminder's past days.
 */
export async function forgetEndedJobs(db: Db, before: Date): Promise<number> {
	const result = await db
		.deleteFrom('job')
		.where('state', 'in', ['done', 'failed', 'cancelled'])
		.where('finished_at', '<', before.toISOString())
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export function logGivenUp(logger: JobLogger, kind: string, attempts: number, error: unknown): void {
	logger.error({ job: kind, attempts, error: error instanceof Error ? error.name : typeof error }, 'job failed and was given up');
}
