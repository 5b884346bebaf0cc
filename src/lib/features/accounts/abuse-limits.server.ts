/**
 * Abuse limits for the account forms and invitations, counted in the database so that every instance of brug
 * counts the same attempts (src/lib/server/http/attempt-store.ts).
 * - `limitAttempt(action, who)`: counts one attempt; null when it may go ahead, else a refusal.
 * - `clearPairLimit(action, who)`: after a successful sign-in, this address starts fresh from this client.
 * - `refuseAttempt(event, refusal)`: the form answer for a refusal: 429, or 503 when the counters are unavailable.
 * - `createAbuseLimits(store, now)`: the same functions on a store of one's own (tests).
 * Who tries is the client address and, where known, an e-mail address (for invitations and codes: the signed-in
 * account's). Per-client limits are generous: a care home or a library puts many people behind one address, and a
 * group session may sign up together.
 * Sign-in counts per address *and client*, so a stranger's wrong passwords stop the stranger, not the owner on their
 * own phone, plus a slower limit per address for guessing from many clients at once.
 * When the counters cannot be reached, the actions that guard a secret (a password, a code, a reset) are refused
 * (fail closed); sign-up and invitations go ahead (fail open): their limits only stop mail floods, and the action
 * itself still needs the database.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import { attemptStore, type AttemptStore } from '$lib/server/http/attempt-store';
import { clientGroup, decide, windowAt, type RateRule } from '$lib/server/http/rate-limit';
import { config } from '$lib/server/env';
import { log } from '$lib/server/log';

export type LimitedAction = 'signIn' | 'signUp' | 'passwordReset' | 'verify' | 'invite' | 'connect' | 'groupCode';

/** Whom a limit counts: the client address, the e-mail address, or the two together. */
type Scope = 'client' | 'account' | 'pair';

interface ActionLimits {
	/** Checked in this order; an attempt one limit refuses is not counted by the limits after it. */
	limits: { scope: Scope; rule: RateRule }[];
	failClosed: boolean;
}

export interface Who {
	client: string;
	email?: string;
}

export type LimitRefusal = { reason: 'too_many' | 'unavailable'; retryAfterSeconds: number };

const minutes = (n: number) => n * 60;

const actionLimits: Record<LimitedAction, ActionLimits> = {
	signIn: {
		failClosed: true,
		limits: [
			{ scope: 'client', rule: { limit: 300, windowSeconds: minutes(15) } },
			{ scope: 'pair', rule: { limit: 10, windowSeconds: minutes(15) } },
			// Counts only what the pair limit let through: one client adds at most 40 an hour (four windows of 10), so
			// no single stranger reaches it, while guessing from many clients is held to 100 an hour (2,400 a day).
			{ scope: 'account', rule: { limit: 100, windowSeconds: minutes(60) } }
		]
	},
	signUp: {
		failClosed: false,
		limits: [
			{ scope: 'client', rule: { limit: 100, windowSeconds: minutes(60) } },
			// A known address gets a hint mail on every sign-up: this keeps anyone from flooding its owner.
			{ scope: 'account', rule: { limit: 3, windowSeconds: minutes(60) } }
		]
	},
	passwordReset: {
		failClosed: true,
		limits: [
			{ scope: 'client', rule: { limit: 100, windowSeconds: minutes(60) } },
			{ scope: 'account', rule: { limit: 3, windowSeconds: minutes(60) } }
		]
	},
	verify: { failClosed: true, limits: [{ scope: 'client', rule: { limit: 200, windowSeconds: minutes(15) } }] },
	// Invitations send mail to others: a professional's day has room for many, a flood of them is abuse.
	invite: {
		failClosed: false,
		limits: [
			{ scope: 'client', rule: { limit: 200, windowSeconds: minutes(60) } },
			{ scope: 'account', rule: { limit: 50, windowSeconds: minutes(60) } }
		]
	},
	// Typing an invitation code: a few typos are normal, guessing codes is not.
	connect: {
		failClosed: true,
		limits: [
			{ scope: 'client', rule: { limit: 100, windowSeconds: minutes(15) } },
			{ scope: 'account', rule: { limit: 10, windowSeconds: minutes(15) } }
		]
	},
	// Typing a printed group code: a whole group may type it in one room behind one address.
	groupCode: {
		failClosed: true,
		limits: [
			{ scope: 'client', rule: { limit: 100, windowSeconds: minutes(15) } },
			{ scope: 'account', rule: { limit: 10, windowSeconds: minutes(15) } }
		]
	}
};

/** The counter key of one limit, or null when `who` lacks what it counts (no e-mail address known). */
function keyOf(action: LimitedAction, scope: Scope, who: Who): string | null {
	const email = who.email?.trim().toLowerCase();
	const client = clientGroup(who.client);
	if (scope === 'client') return `${action}:client:${client}`;
	if (!email) return null;
	return scope === 'account' ? `${action}:account:${email}` : `${action}:pair:${email}\n${client}`;
}

/** How long to wait before trying again while the counters are unreachable. */
const unavailableRetrySeconds = 60;

/**
 * The rules in force. Sign-ups per client are a setting: a library or community centre puts many people behind one
 * address, and each of them may make an account there on the same afternoon.
 */
function rulesOf(action: LimitedAction): ActionLimits['limits'] {
	const { limits } = actionLimits[action];
	if (action !== 'signUp') return limits;
	const perHour = config().BRUG_SIGN_UPS_PER_HOUR;
	return limits.map((limit) => (limit.scope === 'client' ? { ...limit, rule: { ...limit.rule, limit: perHour } } : limit));
}

export function createAbuseLimits(store: () => AttemptStore, now: () => number = Date.now) {
	const unavailable = (action: LimitedAction, error: unknown): LimitRefusal | null => {
		const { failClosed } = actionLimits[action];
		// The code only (e.g. ECONNREFUSED): a database message may quote a value.
		const cause = (error instanceof Error && error.cause ? error.cause : error) as { code?: string; name?: string } | undefined;
		log().warn({ action, failClosed, code: cause?.code ?? cause?.name ?? 'unknown' }, 'the abuse-limit counters are unavailable');
		return failClosed ? { reason: 'unavailable', retryAfterSeconds: unavailableRetrySeconds } : null;
	};

	return {
		async limitAttempt(action: LimitedAction, who: Who): Promise<LimitRefusal | null> {
			try {
				for (const { scope, rule } of rulesOf(action)) {
					const key = keyOf(action, scope, who);
					if (key === null) continue;
					const at = now();
					const window = windowAt(rule, at);
					const decision = decide(rule, await store().hit(key, window), window, at);
					if (!decision.allowed) return { reason: 'too_many', retryAfterSeconds: decision.retryAfterSeconds };
				}
				return null;
			} catch (error) {
				return unavailable(action, error);
			}
		},

		async clearPairLimit(action: LimitedAction, who: Who): Promise<void> {
			const key = keyOf(action, 'pair', who);
			if (key === null) return;
			try {
				await store().clear(key);
			} catch (error) {
				// The sign-in itself succeeded; the pair's count simply runs out with its window.
				unavailable(action, error);
			}
		}
	};
}

const processLimits = createAbuseLimits(attemptStore);

export const limitAttempt = processLimits.limitAttempt;
export const clearPairLimit = processLimits.clearPairLimit;

/** The form answer for a refused attempt, with Retry-After: the minutes to wait, or that the check is unavailable. */
export function refuseAttempt(
	event: { setHeaders(headers: Record<string, string>): void },
	refusal: LimitRefusal
): ActionFailure<{ tooManyMinutes: number | null; limitsUnavailable: boolean }> {
	event.setHeaders({ 'retry-after': String(refusal.retryAfterSeconds) });
	if (refusal.reason === 'unavailable') return fail(503, { tooManyMinutes: null, limitsUnavailable: true });
	return fail(429, { tooManyMinutes: Math.ceil(refusal.retryAfterSeconds / 60), limitsUnavailable: false });
}
