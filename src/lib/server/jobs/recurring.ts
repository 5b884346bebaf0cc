/**
 * Recurring jobs on top of keyed ones: at the start of every period each instance enqueues the kind keyed by the
 * period, and the `job` table lets the first one through. So the period runs once for the cluster, also when an
 * instance starts halfway through it (if nobody ran it yet, it runs then).
 */
import { periodIndex, periodKey, periodStart, untilNextPeriod } from './timing';
import type { EnqueueOptions, JobPayload } from './runner';

type Enqueue = (kind: string, key: string, payload: JobPayload, options: EnqueueOptions) => Promise<boolean>;

export class Recurring {
	readonly #periods = new Map<string, number>();
	readonly #timers = new Map<string, NodeJS.Timeout>();
	#running = false;

	constructor(
		private readonly enqueue: Enqueue,
		private readonly onError: (kind: string, error: unknown) => void
	) {}

	add(kind: string, periodMs: number): void {
		if (!(periodMs > 0)) throw new Error(`The period of job ${kind} must be positive.`);
		this.#periods.set(kind, periodMs);
		if (this.#running) this.#fire(kind);
	}

	start(): void {
		this.#running = true;
		for (const kind of this.#periods.keys()) this.#fire(kind);
	}

	stop(): void {
		this.#running = false;
		for (const timer of this.#timers.values()) clearTimeout(timer);
		this.#timers.clear();
	}

	#fire(kind: string): void {
		const periodMs = this.#periods.get(kind);
		if (!this.#running || periodMs === undefined) return;
		const now = new Date();
		const index = periodIndex(now, periodMs);
		const start = periodStart(index, periodMs);
		this.enqueue(kind, periodKey(index), { periodStart: start.toISOString() }, { runAt: start }).catch((error: unknown) =>
			this.onError(kind, error)
		);
		clearTimeout(this.#timers.get(kind));
		// unref: a waiting period never keeps the process alive on shutdown.
		this.#timers.set(kind, setTimeout(() => this.#fire(kind), untilNextPeriod(now, periodMs)).unref());
	}
}
