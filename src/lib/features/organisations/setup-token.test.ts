import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { claimSetup, prepareSetupToken, setupOpen } from './setup-token.server';

/** Just enough of a database: "is there an organisation?" */
function databaseWith(organisations: number): Kysely<Database> {
	const chain = { select: () => chain, limit: () => chain, executeTakeFirst: async () => (organisations ? { id: 'x' } : undefined) };
	return { selectFrom: () => chain } as unknown as Kysely<Database>;
}

describe('the setup token', () => {
	afterEach(() => vi.restoreAllMocks());

	it('is made once on a fresh install, announced, and works exactly once', async () => {
		let announced = '';
		await prepareSetupToken(databaseWith(0), { announce: (token) => (announced = token) });
		expect(announced).toMatch(/^[A-Za-z0-9_-]{24}$/);
		expect(setupOpen()).toBe(true);
		expect(claimSetup('wrong')).toBeNull();
		const claim = claimSetup(announced);
		expect(claim).not.toBeNull();
		// A second, simultaneous post finds it taken.
		expect(claimSetup(announced)).toBeNull();
		expect(setupOpen()).toBe(false);
		// A failed creation gives it back.
		claim!.release();
		expect(claimSetup(announced)).not.toBeNull();
	});

	it('is not made when an organisation exists', async () => {
		const announce = vi.fn();
		await prepareSetupToken(databaseWith(1), { announce });
		expect(announce).not.toHaveBeenCalled();
		expect(setupOpen()).toBe(false);
	});

	it('keeps working when configured, to add organisations later', async () => {
		const configured = 'a-configured-setup-token-0123456789';
		await prepareSetupToken(databaseWith(1), { configured, announce: vi.fn() });
		expect(claimSetup(configured)).not.toBeNull();
		expect(claimSetup(` ${configured} `)).not.toBeNull();
		expect(setupOpen()).toBe(true);
	});
});
