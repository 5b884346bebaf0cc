import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '$lib/server/auth/auth';
import { testAuth, type SentLink } from './auth-fixture';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';
import { createVerifiedAccount, resetPassword, signUpPerson } from '$lib/features/accounts/accounts.server';

type SentMail = SentLink;

const tokenOf = (mail: SentMail | undefined) => new URL(mail?.url ?? 'http://x').searchParams.get('token') ?? '';

/** The session cookie from a better-auth response, as a Cookie header value. */
function cookieFrom(response: Response): string {
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

describe.each(testDatabases())('accounts (better-auth) on $name', (target) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	let sent: SentMail[];

	beforeEach(async () => {
		handle = await target.open();
		sent = [];
		auth = testAuth(handle, sent);
	});
	afterEach(() => handle.close());

	const email = 'anna@example.nl';
	const password = 'lang genoeg wachtwoord';

	async function signUpAndVerify() {
		await auth.api.signUpEmail({ body: { email, password, name: '', locale: 'en' } });
		expect(sent).toHaveLength(1);
		await auth.api.verifyEmail({ query: { token: tokenOf(sent[0]) } });
	}

	it('signs up, mails a verification link in the chosen language, and refuses sign-in until verified', async () => {
		await auth.api.signUpEmail({ body: { email, password, name: '', locale: 'en' } });
		expect(sent).toEqual([{ kind: 'verify', email, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:4173\/en\/account\/verify\?token=.+/), locale: 'en' }]);
		await expect(auth.api.signInEmail({ body: { email, password } })).rejects.toMatchObject({ status: 'FORBIDDEN' });

		const verified = await auth.api.verifyEmail({ query: { token: tokenOf(sent[0]) }, asResponse: true });
		// Whoever created the account chose its password: confirming the address must not sign anyone in.
		expect(verified.headers.getSetCookie().join('\n')).not.toMatch(/session_token=[^;]/);
		expect(await handle.db.selectFrom('auth_session').selectAll().execute()).toEqual([]);
		const row = await handle.db.selectFrom('account').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ email, locale: 'en' });
		expect(Boolean(row.email_verified)).toBe(true);
	});

	it('answers a sign-up with a known address like any other, and mails the owner instead', async () => {
		await signUpAndVerify();
		const again = await auth.api.signUpEmail({ body: { email, password: 'een ander wachtwoord', name: '', locale: 'nl' }, asResponse: true });
		expect(again.status).toBe(200);
		expect(sent.map((m) => m.kind)).toEqual(['verify', 'already']);
		expect(sent[1]).toMatchObject({ email, locale: 'en', url: 'http://127.0.0.1:4173/en/account/forgot?token=' });
		// The old password still works: nothing about the account changed.
		const signIn = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
		expect(signIn.status).toBe(200);
	});

	it('stores an argon2id hash and no IP address', async () => {
		await signUpAndVerify();
		const response = await auth.api.signInEmail({
			body: { email, password },
			asResponse: true,
			headers: new Headers({ 'x-forwarded-for': '203.0.113.9', 'user-agent': 'Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X)' })
		});
		expect(response.status).toBe(200);
		const credential = await handle.db.selectFrom('auth_credential').selectAll().executeTakeFirstOrThrow();
		expect(credential.password).toMatch(/^\$argon2id\$/);
		expect(credential.password).not.toContain(password);
		// Confirming the address signs nobody in: the one session is from signing in.
		const sessions = await handle.db.selectFrom('auth_session').selectAll().execute();
		expect(sessions).toHaveLength(1);
		// better-auth writes an empty string when tracking is off; the browser is not kept either.
		expect(sessions.map((s) => s.ip_address ?? '')).toEqual(['']);
		expect(sessions.map((s) => s.user_agent ?? null)).toEqual([null]);
		expect(JSON.stringify(sessions)).not.toContain('203.0.113.9');
		expect(JSON.stringify(sessions)).not.toContain('iPad');
	});

	it('signs in with an HttpOnly, SameSite=Lax session cookie, and signs out', async () => {
		await signUpAndVerify();
		const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
		const setCookie = response.headers.getSetCookie().join('\n');
		expect(setCookie).toMatch(/brug\.session_token=/);
		expect(setCookie).toMatch(/HttpOnly/i);
		expect(setCookie).toMatch(/SameSite=Lax/i);
		const headers = new Headers({ cookie: cookieFrom(response) });
		const session = await auth.api.getSession({ headers });
		expect(session?.user.email).toBe(email);

		await auth.api.signOut({ headers });
		expect(await auth.api.getSession({ headers })).toBeNull();
	});

	it('refuses a wrong password with the same answer as an unknown address', async () => {
		await signUpAndVerify();
		const wrong = await auth.api.signInEmail({ body: { email, password: 'niet het wachtwoord' }, asResponse: true });
		const unknown = await auth.api.signInEmail({ body: { email: 'nobody@example.nl', password }, asResponse: true });
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(await wrong.json()).toEqual(await unknown.json());
	});

	it('resets a password by mail and ends every session', async () => {
		await signUpAndVerify();
		const first = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
		const headers = new Headers({ cookie: cookieFrom(first) });
		await auth.api.requestPasswordReset({ body: { email } });
		const reset = sent.find((m) => m.kind === 'reset');
		expect(reset?.url).toMatch(/\/en\/account\/reset\?token=/);
		await auth.api.resetPassword({ body: { token: tokenOf(reset), newPassword: 'een heel nieuw wachtwoord' } });
		expect(await auth.api.getSession({ headers })).toBeNull();
		await expect(auth.api.signInEmail({ body: { email, password } })).rejects.toMatchObject({ status: 'UNAUTHORIZED' });
		const again = await auth.api.signInEmail({ body: { email, password: 'een heel nieuw wachtwoord' }, asResponse: true });
		expect(again.status).toBe(200);
	});

	describe('an easily guessed password is refused wherever one is set', () => {
		const guessable = ['1234567890', 'password12', 'Wachtwoord1', email, 'Anna.Example2024'];

		it('at sign-up, with nothing stored and no mail sent', async () => {
			for (const candidate of guessable) {
				expect(await signUpPerson(auth, { email, password: candidate, locale: 'nl', headers: new Headers() }), candidate).toEqual({
					ok: false,
					reason: 'password_guessable'
				});
			}
			expect(await handle.db.selectFrom('account').select('id').execute()).toEqual([]);
			expect(sent).toEqual([]);
			expect(await signUpPerson(auth, { email, password, locale: 'nl', headers: new Headers() })).toEqual({ ok: true });
		});

		it('at a reset by mail, and the link still works for a good one', async () => {
			await signUpAndVerify();
			await auth.api.requestPasswordReset({ body: { email } });
			const token = tokenOf(sent.find((m) => m.kind === 'reset'));
			for (const candidate of guessable) {
				expect(await resetPassword(auth, { token, password: candidate, headers: new Headers() }), candidate).toEqual({ ok: false, reason: 'password_guessable' });
			}
			expect(await resetPassword(auth, { token, password: 'een heel nieuw wachtwoord', headers: new Headers() })).toEqual({ ok: true });
		});

		it('at a change of password', async () => {
			await signUpAndVerify();
			const headers = new Headers({ cookie: cookieFrom(await auth.api.signInEmail({ body: { email, password }, asResponse: true })) });
			await expect(auth.api.changePassword({ body: { currentPassword: password, newPassword: 'anna@example.nl!' }, headers })).rejects.toMatchObject({
				body: { code: 'PASSWORD_GUESSABLE' }
			});
			await expect(auth.api.changePassword({ body: { currentPassword: password, newPassword: 'qwertyuiop1' }, headers })).rejects.toMatchObject({
				body: { code: 'PASSWORD_GUESSABLE' }
			});
			expect((await auth.api.signInEmail({ body: { email, password }, asResponse: true })).status).toBe(200);
		});

		it('for an account made from an invitation or the setup page', async () => {
			for (const candidate of guessable) {
				expect(await createVerifiedAccount(auth, { email, password: candidate, name: 'Anna', locale: 'nl' }), candidate).toEqual({
					ok: false,
					reason: 'password_guessable'
				});
			}
			expect(await createVerifiedAccount(auth, { email, password, name: 'Anna', locale: 'nl' })).toMatchObject({ ok: true });
		});
	});

	it('deleting an account row removes its sessions and credentials', async () => {
		await signUpAndVerify();
		await auth.api.signInEmail({ body: { email, password } });
		await handle.db.deleteFrom('account').execute();
		for (const table of ['auth_session', 'auth_credential'] as const) {
			const rows = await handle.db.selectFrom(table).selectAll().execute();
			expect(rows, table).toEqual([]);
		}
	});
});
