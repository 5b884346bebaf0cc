import { describe, expect, it } from 'vitest';
import { AttemptStoreUnavailable, type AttemptStore } from '$lib/server/http/attempt-store';
import { createAbuseLimits, refuseAttempt } from './abuse-limits.server';

/** A store whose database does not answer. */
const unreachable: AttemptStore = {
	hit: async () => {
		throw new AttemptStoreUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
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
		expect(await limits.limitAttempt('invite', { client: '192.0.2.1', email: 'anna@example.nl' })).toBeNull();
	});

	it('count the addresses of one IPv6 network as one client', async () => {
		const counts = new Map<string, number>();
		const inMemory: AttemptStore = {
			hit: async (key, window) => {
				const id = `${key}@${window.endsAt}`;
				counts.set(id, (counts.get(id) ?? 0) + 1);
				return counts.get(id)!;
			},
			clear: async () => undefined
		};
		const limits = createAbuseLimits(() => inMemory, () => Date.UTC(2026, 11, 7, 10, 1));
		const email = 'anna@example.nl';
		for (let n = 1; n <= 10; n++) expect(await limits.limitAttempt('signIn', { client: `2001:db8:1:2::${n.toString(16)}`, email })).toBeNull();
		// A fresh address from the same /64 is the same client; another network is not.
		expect(await limits.limitAttempt('signIn', { client: '2001:db8:1:2:aaaa::1', email })).toMatchObject({ reason: 'too_many' });
		expect(await limits.limitAttempt('signIn', { client: '2001:db8:1:3::1', email })).toBeNull();
	});
});
