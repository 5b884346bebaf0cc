/**
 * The abuse limits on the database, as two instances share them: each "instance" has its own attempt store on the
 * same database, and attempts alternate between them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAbuseLimits, type Who } from '$lib/features/accounts/abuse-limits.server';
import { createAttemptStore, type AttemptStore } from '$lib/server/http/attempt-store';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';

const secret = 'abuse-limits-test-secret-'.padEnd(48, 'x');
const owner: Who = { client: '198.51.100.20', email: 'anna@example.nl' };
const stranger: Who = { client: '203.0.113.7', email: 'Anna@Example.nl' };
const minute = 60_000;

describe.each(testDatabases())('abuse limits on $name', (target) => {
	let handle: DatabaseHandle;
	let now: number;
	let stores: AttemptStore[];
	/** Two instances on one database, taking turns. */
	let instances: ReturnType<typeof createAbuseLimits>[];
	let turn: number;
	const next = () => instances[turn++ % instances.length]!;

	beforeEach(async () => {
		handle = await target.open();
		now = Date.parse('2026-12-07T10:00:00.000Z');
		stores = [0, 1].map(() => createAttemptStore(handle.db, { secret, now: () => now }));
		instances = stores.map((store) => createAbuseLimits(() => store, () => now));
		turn = 0;
	});
	afterEach(() => handle.close());

	it('refuses the 11th wrong password from one client, counted across instances, until the window ends', async () => {
		for (let attempt = 1; attempt <= 10; attempt++) expect(await next().limitAttempt('signIn', stranger)).toBeNull();
		const refusal = await next().limitAttempt('signIn', stranger);
		expect(refusal).toEqual({ reason: 'too_many', retryAfterSeconds: 15 * 60 });
		now += 15 * minute;
		expect(await next().limitAttempt('signIn', stranger)).toBeNull();
	});

	it("does not let a stranger's wrong passwords lock the owner out on another client", async () => {
		for (let attempt = 1; attempt <= 30; attempt++) await next().limitAttempt('signIn', stranger);
		expect(await next().limitAttempt('signIn', stranger)).toMatchObject({ reason: 'too_many' });
		expect(await next().limitAttempt('signIn', owner)).toBeNull();
	});

	it('starts the pair afresh after a successful sign-in', async () => {
		for (let attempt = 1; attempt <= 10; attempt++) await next().limitAttempt('signIn', owner);
		await next().clearPairLimit('signIn', owner);
		expect(await next().limitAttempt('signIn', owner)).toBeNull();
	});

	it('holds guessing from many clients to 100 an hour per address', async () => {
		for (let client = 1; client <= 10; client++) {
			for (let attempt = 1; attempt <= 10; attempt++) {
				expect(await next().limitAttempt('signIn', { client: `192.0.2.${client}`, email: owner.email })).toBeNull();
			}
		}
		const refusal = await next().limitAttempt('signIn', owner);
		expect(refusal).toEqual({ reason: 'too_many', retryAfterSeconds: 60 * 60 });
		// Another address is not affected.
		expect(await next().limitAttempt('signIn', { ...owner, email: 'bert@example.nl' })).toBeNull();
	});

	it('stores no address, only keyed hashes, and sweeps ended windows', async () => {
		await next().limitAttempt('signIn', owner);
		await next().limitAttempt('signUp', owner);
		const rows = await handle.db.selectFrom('attempt_counter').selectAll().execute();
		expect(rows.length).toBe(5);
		const stored = JSON.stringify(rows).toLowerCase();
		for (const secretPart of [owner.client, owner.email!, '198.51', 'anna']) expect(stored).not.toContain(secretPart);
		// An hour and a minute later every window has ended; the next hit sweeps them.
		now += 61 * minute;
		await createAttemptStore(handle.db, { secret, now: () => now }).hit('other', { endsAt: now + minute });
		const left = await handle.db.selectFrom('attempt_counter').select('window_ends_at').execute();
		expect(left).toEqual([{ window_ends_at: new Date(now + minute).toISOString() }]);
	});

	it('refuses sign-in, codes, resets and invitation codes when the counters are unreachable, and lets sign-up and invitations through', async () => {
		const gone = await target.open();
		await gone.close();
		const limits = createAbuseLimits(() => createAttemptStore(gone.db, { secret }));
		for (const action of ['signIn', 'verify', 'passwordReset', 'connect'] as const) {
			expect(await limits.limitAttempt(action, owner), action).toEqual({ reason: 'unavailable', retryAfterSeconds: 60 });
		}
		for (const action of ['signUp', 'invite'] as const) expect(await limits.limitAttempt(action, owner), action).toBeNull();
		await expect(limits.clearPairLimit('signIn', owner)).resolves.toBeUndefined();
	});
});
