/**
 * The job runner's one interface, with a PostgreSQL implementation on pg-boss (pg-boss-runner.ts) and a small
 * in-process one for SQLite (sqlite-runner.ts). What both promise:
 * - a job has a kind and a key; a key is run once, ever, however many instances enqueue it and however often they
 *   restart, also after the job finished (the `job` table remembers every key);
 * - a recurring kind runs once per period for the whole cluster (its key is the period);
 * - a failing job is tried again later, and after its last attempt given up with a log line;
 * - stop() waits for the job that is running.
 * Payloads carry ids only, never personal data in clear: they are stored until the job ends.
 */

/** Ids, numbers and flags: never names, addresses or free text. */
export type JobPayload = Record<string, string | number | boolean | null>;

export type JobHandler<P extends JobPayload = JobPayload> = (payload: P) => Promise<void>;

export interface JobKindOptions {
	/** How often a job of this kind is started before it is given up (default 3). */
	maxAttempts?: number;
	/** Seconds before the second attempt; it doubles after each further failure (default 60). */
	retryDelaySeconds?: number;
}

export interface EnqueueOptions {
	/** Not before this instant (default: now). */
	runAt?: Date;
}

export interface JobRunner {
	/** Says what a kind of job does. Jobs of a kind with no handler in this instance wait for one that has it. */
	register<P extends JobPayload>(kind: string, handler: JobHandler<P>, options?: JobKindOptions): Promise<void>;
	/**
	 * Enqueues the job `kind` with `key` unless that key was ever enqueued before. True when this call enqueued it.
	 * A reminder for a person on a day is one call: `enqueue('reminder', `${personId}:${day}`, { personId }, { runAt })`.
	 */
	enqueue(kind: string, key: string, payload: JobPayload, options?: EnqueueOptions): Promise<boolean>;
	/** Runs `kind` (registered with a handler that takes `{ periodStart }`) once per period for the whole cluster. */
	every(kind: string, periodMs: number): void;
	/** Withdraws a job that has not started (for instance when its person is deleted). True when one was withdrawn. */
	cancel(kind: string, key: string): Promise<boolean>;
	start(): Promise<void>;
	/** Stops taking jobs and waits for the running one to finish. */
	stop(): Promise<void>;
}

/** The payload of a recurring job's run: the start of its period, as UTC ISO text. */
export interface PeriodPayload extends JobPayload {
	periodStart: string;
}

/** What a runner logs with: pino's shape, so tests can record the lines. */
export interface JobLogger {
	info(details: object, message: string): void;
	warn(details: object, message: string): void;
	error(details: object, message: string): void;
}

export const defaultKindOptions: Required<JobKindOptions> = { maxAttempts: 3, retryDelaySeconds: 60 };

/** The error's class name only: messages may quote data. */
export function errorName(error: unknown): string {
	return error instanceof Error ? error.name : typeof error;
}
