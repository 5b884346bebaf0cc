/**
 * The job runner for PostgreSQL, on pg-boss (docs/decisions/017-job-runner.md): pg-boss hands each job to one
 * worker among all instances (SELECT … FOR UPDATE SKIP LOCKED), retries it, and keeps its own schema (`pgboss`),
 * which it creates and migrates on start. The `job` table decides which keys are new: its row and pg-boss's job are
 * written in one transaction, so a key is queued once, ever, and never lost between the two.
 */
import type { Kysely } from 'kysely';
import { fromKysely, PgBoss, type Job, type JobResult } from 'pg-boss';
import type { Database } from '../db/schema';
import { cancelQueuedJob, finishJob, insertJob, logGivenUp, requeueJob, startAttempt } from './ledger';
import { Recurring } from './recurring';
import { retryAt } from './timing';
import {
	defaultKindOptions,
	errorName,
	type EnqueueOptions,
	type JobHandler,
	type JobKindOptions,
	type JobLogger,
	type JobPayload,
	type JobRunner
} from './runner';

export interface PgBossRunnerOptions {
	/** brug's own DATABASE_URL: the queue lives in the same database. */
	connectionString: string;
	logger: JobLogger;
	/** Seconds between two looks for due jobs per kind (default 2; pg-boss allows 0.5 and up). */
	pollSeconds?: number;
	/** The pool pg-boss opens for itself (default 2): polling, supervision and its migrations. */
	maxConnections?: number;
}

/** How long pg-boss keeps a job after it ended: its payload names ids, so not long. */
const keepEndedSeconds = 60 * 60;
/** Jobs taken per fetch; while fetches come back full, the next follows at once instead of after a poll. */
const batchSize = 10;
/** pg-boss deletes a job that waited longer than this; ours may wait until their day comes. */
const waitBeyondRunAtSeconds = 14 * 24 * 60 * 60;

export class PgBossJobRunner implements JobRunner {
	readonly #boss: PgBoss;
	readonly #recurring: Recurring;
	readonly #kinds = new Map<string, Required<JobKindOptions>>();
	readonly #queues = new Map<string, Promise<void>>();
	readonly #running = new Set<Promise<JobResult>>();

	constructor(
		private readonly db: Kysely<Database>,
		private readonly options: PgBossRunnerOptions
	) {
		this.#boss = new PgBoss({
			connectionString: options.connectionString,
			max: options.maxConnections ?? 2,
			application_name: 'brug-jobs',
			// Recurring jobs are brug's own (recurring.ts), alike on both databases: pg-boss's cron is not used.
			schedule: false
		});
		// Without a listener an 'error' event would end the process; pg-boss keeps trying by itself.
		this.#boss.on('error', (error: Error & { code?: string }) => options.logger.warn({ code: error.code ?? error.name }, 'job queue error'));
		this.#recurring = new Recurring(
			(kind, key, payload, enqueueOptions) => this.enqueue(kind, key, payload, enqueueOptions),
			(kind, error) => options.logger.warn({ job: kind, error: errorName(error) }, 'recurring job not enqueued')
		);
	}

	async register<P extends JobPayload>(kind: string, handler: JobHandler<P>, options: JobKindOptions = {}): Promise<void> {
		const resolved = { ...defaultKindOptions, ...options };
		this.#kinds.set(kind, resolved);
		await this.#queue(kind);
		const work = { pollingIntervalSeconds: this.options.pollSeconds ?? 2, batchSize, burstWhenBatchFull: true, perJobResults: true } as const;
		await this.#boss.work<P>(kind, work, async (batch) => {
			const results: JobResult[] = [];
			// One after the other: a failing job fails alone, and the next waits for it.
			for (const job of batch) results.push(await this.#track(this.#runOne(kind, job, handler, resolved)));
			return results;
		});
	}

	async enqueue(kind: string, key: string, payload: JobPayload, options: EnqueueOptions = {}): Promise<boolean> {
		await this.#queue(kind);
		const runAt = options.runAt ?? new Date();
		const maxAttempts = (this.#kinds.get(kind) ?? defaultKindOptions).maxAttempts;
		const waitSeconds = Math.max(0, Math.ceil((runAt.getTime() - Date.now()) / 1000));
		// One transaction: pg-boss's job and brug's row commit together (fromKysely runs its statement on it).
		return this.db.transaction().execute(async (trx) => {
			const id = await insertJob(trx, { kind, key, payload, runAt, maxAttempts, storePayload: false });
			if (!id) return false;
			await this.#boss.send(kind, payload, {
				id,
				startAfter: runAt,
				retentionSeconds: waitSeconds + waitBeyondRunAtSeconds,
				db: fromKysely(trx)
			});
			return true;
		});
	}

	every(kind: string, periodMs: number): void {
		this.#recurring.add(kind, periodMs);
	}

	async cancel(kind: string, key: string): Promise<boolean> {
		return this.db.transaction().execute(async (trx) => {
			const id = await cancelQueuedJob(trx, kind, key);
			if (id) await this.#boss.deleteJob(kind, id, { db: fromKysely(trx) });
			return id !== undefined;
		});
	}

	async start(): Promise<void> {
		await this.#boss.start();
		this.#recurring.start();
	}

	async stop(): Promise<void> {
		this.#recurring.stop();
		// graceful: pg-boss stops fetching and waits (up to the timeout) for the handlers it started.
		await this.#boss.stop({ graceful: true, timeout: 60_000 });
		await Promise.allSettled(this.#running);
	}

	/** Creates the kind's queue once per instance; pg-boss's createQueue leaves an existing queue as it is. */
	#queue(kind: string): Promise<void> {
		let created = this.#queues.get(kind);
		if (!created) {
			const options = this.#kinds.get(kind) ?? defaultKindOptions;
			created = this.#boss.createQueue(kind, {
				// The attempts are counted in the `job` table (runOne); pg-boss only brings the job back.
				retryLimit: options.maxAttempts - 1,
				retryDelay: options.retryDelaySeconds,
				retryBackoff: options.retryDelaySeconds > 0,
				deleteAfterSeconds: keepEndedSeconds
			});
			created.catch(() => this.#queues.delete(kind));
			this.#queues.set(kind, created);
		}
		return created;
	}

	async #track(running: Promise<JobResult>): Promise<JobResult> {
		this.#running.add(running);
		try {
			return await running;
		} finally {
			this.#running.delete(running);
		}
	}

	async #runOne<P extends JobPayload>(kind: string, job: Job<P>, handler: JobHandler<P>, options: Required<JobKindOptions>): Promise<JobResult> {
		// pg-boss takes a job back after expireInSeconds (15 minutes) without an answer: the lease, for the table too.
		const attempt = await startAttempt(this.db, job.id, { lockedUntil: new Date(Date.now() + job.expireInSeconds * 1000) });
		// Ended already (done, given up, cancelled): nothing to run.
		if (!attempt) return { id: job.id, status: 'completed' };
		try {
			await handler(job.data);
		} catch (error) {
			if (attempt.attempts >= attempt.maxAttempts) {
				await finishJob(this.db, job.id, 'failed');
				logGivenUp(this.options.logger, kind, attempt.attempts, error);
			} else {
				await requeueJob(this.db, job.id, retryAt(new Date(), attempt.attempts, options.retryDelaySeconds));
				this.options.logger.warn({ job: kind, attempts: attempt.attempts, error: errorName(error) }, 'job failed and will be tried again');
			}
			// pg-boss stores the output: the error's name, never the handler's message.
			return { id: job.id, status: 'failed', output: { error: errorName(error) } };
		}
		await finishJob(this.db, job.id, 'done');
		return { id: job.id, status: 'completed' };
	}
}
