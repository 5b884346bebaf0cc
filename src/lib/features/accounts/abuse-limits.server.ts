/**
 * Abuse limits for the account forms and invitations, per client address and per e-mail address (for
 * invitations and codes: the signed-in account's address).
 * - `limitAttempt(action, who)`: counts one attempt; returns null, or the seconds to wait.
 * - `attemptBlocked(action, who)`: the same answer without counting (for a step that counts only failures).
 * - `clearAccountLimit(action, email)`: after a successful sign-in, the address starts fresh.
 * - `tooManyAttempts(event, seconds)`: the form answer for a refused attempt.
 * The per-address limit stops guessing one person's password; the per-client limit stops one client from trying
 * many addresses. Per-client limits are generous: a care home or a library puts many people behind one address,
 * and a group session may sign up together.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import { RateLimiter } from '$lib/server/http/rate-limit';

export type LimitedAction = 'signIn' | 'signUp' | 'passwordReset' | 'verify' | 'invite' | 'connect';

const minutes = (n: number) => n * 60;

const limiters: Record<LimitedAction, { byClient: RateLimiter; byAccount?: RateLimiter }> = {
	signIn: {
		byClient: new RateLimiter({ limit: 300, windowSeconds: minutes(15) }),
		byAccount: new RateLimiter({ limit: 10, windowSeconds: minutes(15) })
	},
	signUp: {
		byClient: new RateLimiter({ limit: 100, windowSeconds: minutes(60) }),
		// A known address gets a hint mail on every sign-up: this keeps anyone from flooding its owner.
		byAccount: new RateLimiter({ limit: 3, windowSeconds: minutes(60) })
	},
	passwordReset: {
		byClient: new RateLimiter({ limit: 100, windowSeconds: minutes(60) }),
		byAccount: new RateLimiter({ limit: 3, windowSeconds: minutes(60) })
	},
	verify: { byClient: new RateLimiter({ limit: 200, windowSeconds: minutes(15) }) },
	// Invitations send mail to others: a professional's day has room for many, a flood of them is abuse.
	invite: {
		byClient: new RateLimiter({ limit: 200, windowSeconds: minutes(60) }),
		byAccount: new RateLimiter({ limit: 50, windowSeconds: minutes(60) })
	},
	// Typing an invitation code: a few typos are normal, guessing codes is not.
	connect: {
		byClient: new RateLimiter({ limit: 100, windowSeconds: minutes(15) }),
		byAccount: new RateLimiter({ limit: 10, windowSeconds: minutes(15) })
	}
};

export function limitAttempt(action: LimitedAction, who: { client: string; email?: string }): number | null {
	const { byClient, byAccount } = limiters[action];
	const decisions = [byClient.hit(`${action}:client:${who.client}`)];
	if (byAccount && who.email) decisions.push(byAccount.hit(`${action}:account:${who.email.toLowerCase()}`));
	const waits = decisions.flatMap((d) => (d.allowed ? [] : [d.retryAfterSeconds]));
	return waits.length > 0 ? Math.max(...waits) : null;
}

/** Seconds to wait when `who` is already over a limit for `action`, without counting this as an attempt. */
export function attemptBlocked(action: LimitedAction, who: { client: string; email?: string }): number | null {
	const { byClient, byAccount } = limiters[action];
	const waits = [byClient.peek(`${action}:client:${who.client}`)];
	if (byAccount && who.email) waits.push(byAccount.peek(`${action}:account:${who.email.toLowerCase()}`));
	const blocked = waits.filter((w): w is number => w !== null);
	return blocked.length > 0 ? Math.max(...blocked) : null;
}

export function clearAccountLimit(action: LimitedAction, email: string): void {
	limiters[action].byAccount?.reset(`${action}:account:${email.toLowerCase()}`);
}

/** The form answer for a refused attempt: 429 with Retry-After, and the minutes to show. */
export function tooManyAttempts(
	event: { setHeaders(headers: Record<string, string>): void },
	retryAfterSeconds: number
): ActionFailure<{ tooManyMinutes: number }> {
	event.setHeaders({ 'retry-after': String(retryAfterSeconds) });
	return fail(429, { tooManyMinutes: Math.ceil(retryAfterSeconds / 60) });
}
