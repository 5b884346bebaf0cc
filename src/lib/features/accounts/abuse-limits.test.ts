import { describe, expect, it } from 'vitest';
import { AttemptStoreUnavailable, type AttemptStore } from '$lib/server/http/attempt-store';
import { createAbuseLimits, refuseAttempt } from './abuse-limits.server';

/** A store whose database does not answer. */
const unreachable: AttemptStore = {
	hit: async () => {
		throw new AttemptStoreUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
	},
	count: async () => {
		throw new AttemptStoreUnavailable(new Error('gone'));
	},
	clear: async () => {
		throw new AttemptStoreUnavailable(new Error('gone'));
	}
};

function answer(refusal: Parameters<typeof refuseAttempt>[1]) {
	const headers: Record<string, string> = {};
	const failure = refuseAttempt({ setHeaders: (set) => Object.assign(headers, set) }, refusal);
	return { status: failure.status, data: failure.data, headers };
}

describe('abuse limits', () => {
	it('answer a refusal with 429, the minutes to wait and Retry-After', () => {
		expect(answer({ reason: 'too_many', retryAfterSeconds: 250 })).toEqual({
			status: 429,
			data: { tooManyMinutes: 5, limitsUnavailable: false },
			headers: { 'retry-after': '250' }
		});
	});

	it('answer unreachable counters with 503 and a message of their own, never a 500', async () => {
		const limits = createAbuseLimits(() => unreachable);
		const refusal = await limits.limitAttempt('signIn', { client: '192.0.2.1', email: 'anna@example.nl' });
		expect(answer(refusal!)).toEqual({
			status: 503,
			data: { tooManyMinutes: null, limitsUnavailable: true },
			headers: { 'retry-after': '60' }
		});
	});

	it('let sign-up and invitations through when the counters are unreachable', async () => {
		const limits = createAbuseLimits(() => unreachable);
		expect(await limits.limitAttempt('signUp', { client: '192.0.2.1', email: 'anna@example.nl' })).toBeNull();
		expect(await limits.attemptBlocked('invite', { client: '192.0.2.1', email: 'anna@example.nl' })).toBeNull();
	});
});
