import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Auth } from '$lib/server/auth/auth';
import { lastToken, testAuth, type SentLink } from './auth-fixture';
import { currentAccount, signIn } from '$lib/features/accounts/accounts.server';
import {
	completeTwoFactorSignIn,
	confirmTwoFactorSetup,
	startTwoFactorSetup,
	turnOffTwoFactor
} from '$lib/features/accounts/two-factor.server';
import type { DatabaseHandle } from '$lib/server/db/client';
import { totpCode } from '../support/totp';
import { testDatabases } from './databases';

const email = 'anna@example.nl';
const password = 'lang genoeg wachtwoord';

/** Cookies set by better-auth are read back from the response, as a browser would. */
function cookieHeader(response: Response, previous = ''): string {
	const jar = new Map(previous.split('; ').filter(Boolean).map((c) => c.split('=') as [string, string]));
	for (const cookie of response.headers.getSetCookie()) {
		const [pair] = cookie.split(';');
		const [name, value] = pair!.split('=') as [string, string];
		if (value === '' || /max-age=0/i.test(cookie)) jar.delete(name);
		else jar.set(name, value);
	}
	return [...jar].map(([n, v]) => `${n}=${v}`).join('; ');
}

describe.each(testDatabases())('two-step sign-in on $name', (target) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	let cookie: string;

	beforeEach(async () => {
		handle = await target.open();
		const sent: SentLink[] = [];
		auth = testAuth(handle, sent);
		await auth.api.signUpEmail({ body: { email, password, name: '' } });
		await auth.api.verifyEmail({ query: { token: lastToken(sent) } });
		const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
		cookie = cookieHeader(response);
	});
	afterEach(() => handle.close());

	const headers = () => new Headers({ cookie });

	it('asks for the password, then a first code, before it is on', async () => {
		expect(await startTwoFactorSetup(auth, { password: 'verkeerd wachtwoord', headers: headers() })).toEqual({
			ok: false,
			reason: 'wrong_password'
		});
		const started = await startTwoFactorSetup(auth, { password, headers: headers() });
		if (!started.ok) throw new Error('setup did not start');
		expect(started.setup.totpUri).toMatch(/^otpauth:\/\/totp\/brug:anna%40example\.nl\?/);
		expect(started.setup.qrSvg).toMatch(/^<svg /);
		expect(started.setup.recoveryCodes).toHaveLength(10);
		// The secret is stored encrypted, not as shown to the person.
		const row = await handle.db.selectFrom('auth_two_factor').selectAll().executeTakeFirstOrThrow();
		expect(row.secret).not.toContain(started.setup.secret);

		expect(await confirmTwoFactorSetup(auth, { code: '000000', headers: headers() })).toEqual({ ok: false, reason: 'wrong_code' });
		expect((await currentAccount(auth, { headers: headers() }))?.twoFactorEnabled).toBe(false);

		const confirmed = await auth.api.verifyTOTP({ body: { code: totpCode(started.setup.secret) }, headers: headers(), asResponse: true });
		expect(confirmed.status).toBe(200);
		cookie = cookieHeader(confirmed, cookie);
		expect((await currentAccount(auth, { headers: headers() }))?.twoFactorEnabled).toBe(true);
	});

	it('signs in in two steps once it is on, with an app code or a recovery code once', async () => {
		const started = await startTwoFactorSetup(auth, { password, headers: headers() });
		if (!started.ok) throw new Error('setup did not start');
		const confirmed = await auth.api.verifyTOTP({ body: { code: totpCode(started.setup.secret) }, headers: headers(), asResponse: true });
		cookie = cookieHeader(confirmed, cookie);

		const outcome = await signIn(auth, { email, password, headers: new Headers() });
		expect(outcome).toEqual({ ok: true, twoFactorRequired: true });

		const firstStep = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
		let pending = cookieHeader(firstStep);
		expect(await currentAccount(auth, { headers: new Headers({ cookie: pending }) })).toBeNull();
		expect(await completeTwoFactorSignIn(auth, { code: '123456', headers: new Headers({ cookie: pending }) })).toEqual({
			ok: false,
			reason: 'wrong_code'
		});
		// The code that switched it on was used: the app's next code signs in.
		const second = await auth.api.verifyTOTP({ body: { code: totpCode(started.setup.secret, Date.now() + 30_000) }, headers: new Headers({ cookie: pending }), asResponse: true });
		expect(second.status).toBe(200);
		expect(await currentAccount(auth, { headers: new Headers({ cookie: cookieHeader(second, pending) }) })).toMatchObject({ email });

		// A recovery code works once.
		const recovery = started.setup.recoveryCodes[0]!;
		pending = cookieHeader(await auth.api.signInEmail({ body: { email, password }, asResponse: true }));
		expect(await completeTwoFactorSignIn(auth, { code: recovery, headers: new Headers({ cookie: pending }) })).toEqual({ ok: true });
		pending = cookieHeader(await auth.api.signInEmail({ body: { email, password }, asResponse: true }));
		expect(await completeTwoFactorSignIn(auth, { code: recovery, headers: new Headers({ cookie: pending }) })).toEqual({
			ok: false,
			reason: 'wrong_code'
		});
	});

	describe('an app code is taken once (RFC 6238 §5.2)', () => {
		// Only the clock is faked, so the database drivers keep their timers; each run starts 1 s into a time step.
		beforeEach(() => {
			vi.useFakeTimers({ toFake: ['Date'] });
			vi.setSystemTime(Math.floor(Date.now() / 30_000) * 30_000 + 1_000);
		});
		afterEach(() => vi.useRealTimers());

		const signInStep = async () => new Headers({ cookie: cookieHeader(await auth.api.signInEmail({ body: { email, password }, asResponse: true })) });

		it('the code that switched it on does not sign in, a code used to sign in does not sign in again, the next one does', async () => {
			const started = await startTwoFactorSetup(auth, { password, headers: headers() });
			if (!started.ok) throw new Error('setup did not start');
			const now = totpCode(started.setup.secret);
			expect(await confirmTwoFactorSetup(auth, { code: now, headers: headers() })).toEqual({ ok: true });

			expect(await completeTwoFactorSignIn(auth, { code: now, headers: await signInStep() })).toEqual({ ok: false, reason: 'wrong_code' });
			// 20 s later, still within the code's window: still refused.
			vi.setSystemTime(Date.now() + 20_000);
			expect(await completeTwoFactorSignIn(auth, { code: now, headers: await signInStep() })).toEqual({ ok: false, reason: 'wrong_code' });

			// The next step's code signs in, once.
			vi.setSystemTime(Date.now() + 10_000);
			const next = totpCode(started.setup.secret);
			expect(next).not.toBe(now);
			expect(await completeTwoFactorSignIn(auth, { code: next, headers: await signInStep() })).toEqual({ ok: true });
			expect(await completeTwoFactorSignIn(auth, { code: next, headers: await signInStep() })).toEqual({ ok: false, reason: 'wrong_code' });
			// In the step after, that code is still within the window, and still refused; the step's own code works.
			vi.setSystemTime(Date.now() + 30_000);
			expect(await completeTwoFactorSignIn(auth, { code: next, headers: await signInStep() })).toEqual({ ok: false, reason: 'wrong_code' });
			expect(await completeTwoFactorSignIn(auth, { code: totpCode(started.setup.secret), headers: await signInStep() })).toEqual({ ok: true });
			// A refused reuse is not a guess: it does not count towards better-auth's lock-out.
			const row = await handle.db.selectFrom('auth_two_factor').select(['failed_verification_count', 'last_used_step']).executeTakeFirstOrThrow();
			expect(row.failed_verification_count ?? 0).toBe(0);
			expect(row.last_used_step).toBe(Math.floor(Date.now() / 30_000));
		});

		it('of two sign-ins sent at once with the same code, one gets in', async () => {
			const started = await startTwoFactorSetup(auth, { password, headers: headers() });
			if (!started.ok) throw new Error('setup did not start');
			expect(await confirmTwoFactorSetup(auth, { code: totpCode(started.setup.secret), headers: headers() })).toEqual({ ok: true });
			vi.setSystemTime(Date.now() + 30_000);
			const code = totpCode(started.setup.secret);
			const pending = await Promise.all([signInStep(), signInStep(), signInStep()]);
			const outcomes = await Promise.all(pending.map((h) => completeTwoFactorSignIn(auth, { code, headers: h })));
			expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		});
	});

	it('turns off with the password only', async () => {
		const started = await startTwoFactorSetup(auth, { password, headers: headers() });
		if (!started.ok) throw new Error('setup did not start');
		cookie = cookieHeader(await auth.api.verifyTOTP({ body: { code: totpCode(started.setup.secret) }, headers: headers(), asResponse: true }), cookie);
		expect(await turnOffTwoFactor(auth, { password: 'verkeerd wachtwoord', headers: headers() })).toEqual({ ok: false, reason: 'wrong_password' });
		expect(await turnOffTwoFactor(auth, { password, headers: headers() })).toEqual({ ok: true });
		expect(await signIn(auth, { email, password, headers: new Headers() })).toEqual({ ok: true, twoFactorRequired: false });
	});
});
