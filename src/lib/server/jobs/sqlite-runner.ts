/**
 * The job runner for SQLite: brug is then one process, so a small loop in it does. The `job` table is the queue:
 * a job is claimed with a lease (`locked_until`), so one left running by a process that was killed starts again
 * once the lease has passed, and a key is never run twice after it finished.
 */
import type { Kysely } from 'kysely';
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

export interface SqliteRunnerOptions {
	logger: JobLogger;
	/** How often the loop looks for jobs that became due (default 5 s); an enqueue wakes it at once. */
	pollMs?: number;
	/** How long a started job may run before another claim may take it over (default 15 minutes). */
	leaseMs?: number;
}

interface Kind {
	handler: JobHandler;
	options: Required<JobKindOptions>;
}

export class SqliteJobRunner implements JobRunner {
	readonly #kinds = new Map<string, Kind>();
	readonly #recurring: Recurring;
	readonly #pollMs: number;
	readonly #leaseMs: number;
	#timer: NodeJS.Timeout | undefined;
	#tick: Promise<void> | undefined;
	#again = false;
	#running = false;

	constructor(
		private readonly db: Kysely<Database>,
		private readonly options: SqliteRunnerOptions
	) {
		this.#pollMs = options.pollMs ?? 5000;
		this.#leaseMs = options.leaseMs ?? 15 * 60 * 1000;
		this.#recurring = new Recurring(
			(kind, key, payload, enqueueOptions) => this.enqueue(kind, key, payload, enqueueOptions),
			(kind, error) => options.logger.warn({ job: kind, error: errorName(error) }, 'recurring job not enqueued')
		);
	}

	async register<P extends JobPayload>(kind: string, handler: JobHandler<P>, options: JobKindOptions = {}): Promise<void> {
		this.#kinds.set(kind, { handler: handler as JobHandler, options: { ...defaultKindOptions, ...options } });
		this.#wake();
	}

	async enqueue(kind: string, key: string, payload: JobPayload, options: EnqueueOptions = {}): Promise<boolean> {
		const maxAttempts = this.#kinds.get(kind)?.options.maxAttempts ?? defaultKindOptions.maxAttempts;
		const id = await insertJob(this.db, { kind, key, payload, runAt: options.runAt ?? new Date(), maxAttempts, storePayload: true });
		if (id) this.#wake();
		return id !== undefined;
	}

	every(kind: string, periodMs: number): void {
		this.#recurring.add(kind, periodMs);
	}

	async cancel(kind: string, key: string): Promise<boolean> {
		return (await cancelQueuedJob(this.db, kind, key)) !== undefined;
	}

	async start(): Promise<void> {
		this.#running = true;
		this.#recurring.start();
		this.#wake();
	}

	async stop(): Promise<void> {
		this.#running = false;
		this.#recurring.stop();
		clearTimeout(this.#timer);
		await this.#tick;
	}

	/** Runs the loop now, or right after the pass that is running. */
	#wake(): void {
		if (!this.#running) return;
		if (this.#tick) {
			this.#again = true;
			return;
		}
		clearTimeout(this.#timer);
		this.#tick = this.#runDue()
			.catch((error: unknown) => this.options.logger.warn({ error: errorName(error) }, 'job loop failed'))
			.finally(() => {
				this.#tick = undefined;
				if (!this.#running) return;
				if (this.#again) {
					this.#again = false;
					this.#wake();
				} else {
					// unref: the loop never keeps the process alive on shutdown.
					this.#timer = setTimeout(() => this.#wake(), this.#pollMs).unref();
				}
			});
	}

	async #runDue(): Promise<void> {
		const kinds = [...this.#kinds.keys()];
		while (this.#running && kinds.length > 0) {
			const now = new Date().toISOString();
			const due = await this.db
				.selectFrom('job')
				.select(['id', 'kind', 'payload'])
				.where('kind', 'in', kinds)
				.where((eb) =>
					eb.or([
						eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', now)]),
						eb.and([eb('state', '=', 'running'), eb('locked_until', '<', now)])
					])
				)
				.orderBy('run_at')
				.limit(1)
				.executeTakeFirst();
			if (!due) return;
			await this.#runOne(due.id, due.kind, due.payload);
		}
	}

	async #runOne(id: string, kindName: string, payload: string | null): Promise<void> {
		const kind = this.#kinds.get(kindName);
		if (!kind) return;
		const now = new Date();
		const attempt = await startAttempt(this.db, id, { lockedUntil: new Date(now.getTime() + this.#leaseMs), leaseCheckedAt: now });
		if (!attempt) return;
		try {
			await kind.handler(payload ? (JSON.parse(payload) as JobPayload) : {});
			await finishJob(this.db, id, 'done');
		} catch (error) {
			if (attempt.attempts >= attempt.maxAttempts) {
				await finishJob(this.db, id, 'failed');
				logGivenUp(this.options.logger, kindName, attempt.attempts, error);
			} else {
				await requeueJob(this.db, id, retryAt(new Date(), attempt.attempts, kind.options.retryDelaySeconds));
				this.options.logger.warn({ job: kindName, attempts: attempt.attempts, error: errorName(error) }, 'job failed and will be tried again');
			}
		}
	}
}
