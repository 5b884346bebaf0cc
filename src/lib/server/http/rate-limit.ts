/**
 * Fixed-window rate rules: the pure part of the abuse limits (the counting lives in ./attempt-store.ts).
 * - `windowAt(rule, now)`: the window an attempt at `now` counts in. Windows are aligned to whole multiples of their
 *   length since 1970, so every instance, whatever its start time, counts in the same window without asking the others.
 * - `decide(rule, attempts, window, now)`: allowed, or how many seconds to wait once `attempts` passes the limit.
 */

export interface RateRule {
	/** Attempts allowed per window. */
	limit: number;
	windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateWindow {
	/** Epoch milliseconds; the window holds [endsAt - length, endsAt). */
	endsAt: number;
}

export function windowAt(rule: RateRule, now: number): RateWindow {
	const length = rule.windowSeconds * 1000;
	return { endsAt: (Math.floor(now / length) + 1) * length };
}

/** `attempts` counts this one too. A wait is never rounded down to zero seconds. */
export function decide(rule: RateRule, attempts: number, window: RateWindow, now: number): RateDecision {
	if (attempts <= rule.limit) return { allowed: true };
	return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)) };
}
