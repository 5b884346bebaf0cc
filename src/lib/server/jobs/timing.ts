/**
 * The clock arithmetic of jobs, kept pure: which period an instant falls in, when the next one starts, and when a
 * failed attempt is tried again.
 */

/** Periods are counted from the Unix epoch, so every instance computes the same boundaries without talking. */
export function periodIndex(at: Date, periodMs: number): number {
	return Math.floor(at.getTime() / periodMs);
}

export function periodStart(index: number, periodMs: number): Date {
	return new Date(index * periodMs);
}

/** Milliseconds from `at` to the start of the next period (never 0: at a boundary, the one after). */
export function untilNextPeriod(at: Date, periodMs: number): number {
	return periodStart(periodIndex(at, periodMs) + 1, periodMs).getTime() - at.getTime();
}

/** The key of a recurring job's run in one period: the same in every instance, so the period runs once. */
export function periodKey(index: number): string {
	return `period:${index}`;
}

/**
 * When attempt `attempts + 1` may start after attempt `attempts` failed: the delay doubles each time
 * (delay, 2×delay, 4×delay …), at most a day apart.
 */
export function retryAt(now: Date, attempts: number, delaySeconds: number): Date {
	const doubled = delaySeconds * 2 ** Math.max(0, attempts - 1);
	return new Date(now.getTime() + Math.min(doubled, 24 * 60 * 60) * 1000);
}
