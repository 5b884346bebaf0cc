/**
 * Fixed-window rate rules: the pure part of the abuse limits (the counting lives in ./attempt-store.ts).
 * - `windowAt(rule, now)`: the window an attempt at `now` counts in. Windows are aligned to whole multiples of their
 *   length since 1970, so every instance, whatever its start time, counts in the same window without asking the others.
 * - `decide(rule, attempts, window, now)`: allowed, or how many seconds to wait once `attempts` passes the limit.
 * - `clientGroup(address)`: what a limit per client counts (IPv6 by its /64).
 */
import { isIPv6 } from 'node:net';

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

/**
 * The part of a client address that one client controls: an IPv4 address as it is, an IPv6 address by its /64
 * network (one home or phone gets a whole /64, so counting single IPv6 addresses would give a guesser endless fresh
 * "clients"). An IPv4 address mapped into IPv6 counts as the IPv4 address. Anything else is returned unchanged.
 */
export function clientGroup(address: string): string {
	const plain = address.trim().toLowerCase().replace(/%.*$/, '');
	const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
	if (mapped) return mapped[1]!;
	if (!isIPv6(plain)) return plain;
	const [head = '', tail] = plain.split('::');
	const headGroups = head ? head.split(':') : [];
	const tailGroups = tail ? tail.split(':') : [];
	// An embedded IPv4 tail (::1.2.3.4) lies in the last 32 bits, outside the /64.
	const missing = 8 - headGroups.length - tailGroups.length - (tailGroups.at(-1)?.includes('.') ? 1 : 0);
	const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
	return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
