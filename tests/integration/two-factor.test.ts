import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
		const second = await auth.api.verifyTOTP({ body: { code: totpCode(started.setup.secret) }, headers: new Headers({ cookie: pending }), asResponse: true });
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

	it('turns off with the password only', async () => {
		const started = await startTwoFactorSetup(auth, { password, headers: headers() });
		if (!started.ok) throw new Error('setup did not start');
		cookie = cookieHeader(await auth.api.verifyTOTP({ body: { code: totpCode(started.setup.secret) }, headers: headers(), asResponse: true }), cookie);
		expect(await turnOffTwoFactor(auth, { password: 'verkeerd wachtwoord', headers: headers() })).toEqual({ ok: false, reason: 'wrong_password' });
		expect(await turnOffTwoFactor(auth, { password, headers: headers() })).toEqual({ ok: true });
		expect(await signIn(auth, { email, password, headers: new Headers() })).toEqual({ ok: true, twoFactorRequired: false });
	});
});
