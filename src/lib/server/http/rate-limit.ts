/**
 * Fixed-window attempt counters in memory, for abuse limits on sign-in, sign-up, password reset and invitations.
 * - `RateLimiter`: counts attempts per key; says how many seconds to wait once the limit is reached.
 * Keys are hashed before they are kept, so the process memory holds no addresses or e-mail addresses.
 * One process only: brug runs as a single Node process (a shared store is needed before running several).
 */
import { createHash } from 'node:crypto';

export interface RateRule {
	/** Attempts allowed per window. */
	limit: number;
	windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Window {
	count: number;
	resetAt: number;
}

export class RateLimiter {
	private readonly windows = new Map<string, Window>();

	constructor(
		readonly rule: RateRule,
		private readonly now: () => number = Date.now
	) {}

	/** Counts one attempt for `key`. */
	hit(key: string): RateDecision {
		const now = this.now();
		const id = hashKey(key);
		let window = this.windows.get(id);
		if (!window || window.resetAt <= now) {
			if (this.windows.size > 10_000) this.sweep(now);
			window = { count: 0, resetAt: now + this.rule.windowSeconds * 1000 };
			this.windows.set(id, window);
		}
		window.count += 1;
		if (window.count <= this.rule.limit) return { allowed: true };
		return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
	}

	/** Whether `key` is over the limit now, without counting an attempt: seconds to wait, or null. */
	peek(key: string): number | null {
		const now = this.now();
		const window = this.windows.get(hashKey(key));
		if (!window || window.resetAt <= now || window.count < this.rule.limit) return null;
		return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
	}

	/** Forgets a key, e.g. after a successful sign-in. */
	reset(key: string): void {
		this.windows.delete(hashKey(key));
	}

	private sweep(now: number): void {
		for (const [id, window] of this.windows) if (window.resetAt <= now) this.windows.delete(id);
	}
}

function hashKey(key: string): string {
	return createHash('sha256').update(key).digest('base64url');
}
