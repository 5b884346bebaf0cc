/**
 * The one-time setup token in the database: every instance that starts on an empty database announces the same
 * token, it creates exactly one organisation even when two requests race, and a used token never works again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import { createOrganisationWithAdmin } from '$lib/features/organisations/organisations.server';
import { openSetup, prepareSetupToken, setupOpen } from '$lib/features/organisations/setup-token.server';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';

const secret = 'setup-token-test-secret-'.padEnd(48, 'x');
const password = 'lang genoeg wachtwoord';

describe.each(testDatabases())('the setup token on $name', (target) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	beforeEach(async () => {
		handle = await target.open();
		auth = testAuth(handle);
	});
	afterEach(() => handle.close());

	/** What an instance logs when it starts. */
	async function start(configured?: string) {
		const announced: { token: string; byThisInstance: boolean }[] = [];
		await prepareSetupToken(handle.db, { configured, secret, announce: (token, made) => announced.push({ token, byThisInstance: made.byThisInstance }) });
		return announced;
	}

	/** A post of the setup page: the token's check, then the organisation with the claim in its transaction. */
	async function create(token: string, email: string) {
		const claim = await openSetup(handle.db, token);
		if (!claim) return { ok: false, reason: 'wrong' } as const;
		return createOrganisationWithAdmin(handle.db, auth, {
			organisation: { name: `Organisatie van ${email}`, kind: 'welfare' },
			admin: { name: 'Admin', email, password, locale: 'nl' },
			claim
		});
	}

	/** The one token a fresh start announced. */
	async function startFresh(): Promise<string> {
		const announced = await start();
		expect(announced).toHaveLength(1);
		return announced[0]!.token;
	}

	it('is the same token in every instance that starts on an empty database', async () => {
		const [first, second] = [await start(), await start()];
		expect(first).toEqual([{ token: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/), byThisInstance: true }]);
		expect(second).toEqual([{ token: first[0]!.token, byThisInstance: false }]);
		expect(await setupOpen(handle.db)).toBe(true);
		expect(await openSetup(handle.db, 'a-wrong-token-of-24-chars')).toBeNull();
	});

	it('creates exactly one organisation when two requests race, and never works again', async () => {
		const token = await startFresh();
		const outcomes = await Promise.all([create(token, 'ada@noord.nl'), create(token, 'bob@zuid.nl')]);
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		expect(outcomes.filter((o) => !o.ok)).toHaveLength(1);
		expect(await handle.db.selectFrom('organisation').select('id').execute()).toHaveLength(1);
		// The loser's account, made before its transaction lost, is gone again.
		expect(await handle.db.selectFrom('account').select('email').execute()).toHaveLength(1);

		expect(await create(token, 'carla@west.nl')).toEqual({ ok: false, reason: 'wrong' });
		expect(await setupOpen(handle.db)).toBe(false);
		// A restart after setup announces nothing and stays closed.
		expect(await start()).toEqual([]);
		expect(await openSetup(handle.db, token)).toBeNull();
	});

	it('stays unused when the creation fails on a known address', async () => {
		const token = await startFresh();
		await createVerifiedAccount(auth, { email: 'ada@noord.nl', password, name: 'Ada', locale: 'nl' });
		expect(await create(token, 'ADA@noord.nl')).toEqual({ ok: false, reason: 'email_taken' });
		expect(await setupOpen(handle.db)).toBe(true);
		expect(await create(token, 'bob@zuid.nl')).toMatchObject({ ok: true });
	});

	it('keeps a configured token working, to add organisations later', async () => {
		const configured = 'a-configured-setup-token-0123456789';
		expect(await start(configured)).toEqual([]);
		expect(await create(` ${configured} `, 'ada@noord.nl')).toMatchObject({ ok: true });
		expect(await create(configured, 'bob@zuid.nl')).toMatchObject({ ok: true });
		expect(await setupOpen(handle.db)).toBe(true);
		expect(await handle.db.selectFrom('setup_token').selectAll().execute()).toEqual([]);
	});
});
