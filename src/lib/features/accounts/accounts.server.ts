/**
 * What a person can do with their account. Each use-case takes the sign-in layer (`auth`) and the request headers,
 * and never tells whether an e-mail address is known to brug.
 * - `signUpPerson`: creates a person's account and mails a verification link (or, for a known address, a hint).
 * - `verifyEmail`: confirms the address with the mailed token and signs the person in.
 * - `signIn`: e-mail and password; says only "wrong" or "confirm your address first", or that a second step follows.
 * - `signOut`, `signOutEverywhere`: end this session, or all of the person's sessions.
 * - `requestPasswordReset`, `resetPassword`: the mailed link to choose a new password (ends every session).
 *   A new password that is easy to guess (password-strength.ts) is refused everywhere as `password_guessable`.
 * - `currentAccount`: the signed-in account for a request, or null.
 * - `confirmPassword`: asks the signed-in person's password again before a step with lasting effect.
 * - `createVerifiedAccount`: an account whose address is already proven (by an invitation mailed to it, or the setup
 *   token); no verification mail is sent.
 */
import { APIError } from 'better-auth/api';
import type { Auth } from '$lib/server/auth/auth';
import { guessablePasswordRefused } from '$lib/server/auth/password-policy';
import { isGuessablePassword } from '$lib/server/auth/password-strength';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { Locale } from '$lib/paraglide/runtime';


type Outcome<Reason extends string> = { ok: true } | { ok: false; reason: Reason };

function codeOf(error: unknown): string | undefined {
	return error instanceof APIError ? (error.body?.code as string | undefined) : undefined;
}

export async function signUpPerson(
	auth: Auth,
	input: { email: string; password: string; locale: Locale; headers: Headers }
): Promise<Outcome<'password_rejected' | 'password_guessable'>> {
	try {
		await auth.api.signUpEmail({
			body: { email: input.email, password: input.password, name: '', locale: input.locale },
			headers: input.headers
		});
		return { ok: true };
	} catch (error) {
		const code = codeOf(error);
		if (code === 'PASSWORD_TOO_SHORT' || code === 'PASSWORD_TOO_LONG') return { ok: false, reason: 'password_rejected' };
		if (code === guessablePasswordRefused) return { ok: false, reason: 'password_guessable' };
		throw error;
	}
}

export async function verifyEmail(auth: Auth, input: { token: string; headers: Headers }): Promise<Outcome<'invalid_link'>> {
	try {
		await auth.api.verifyEmail({ query: { token: input.token }, headers: input.headers });
		return { ok: true };
	} catch (error) {
		if (error instanceof APIError) return { ok: false, reason: 'invalid_link' };
		throw error;
	}
}

export async function signIn(
	auth: Auth,
	input: { email: string; password: string; headers: Headers }
): Promise<{ ok: true; twoFactorRequired: boolean } | { ok: false; reason: 'wrong_email_or_password' | 'email_not_verified' }> {
	try {
		const result = await auth.api.signInEmail({
			body: { email: input.email, password: input.password },
			headers: input.headers
		});
		// With two-step sign-in on, the password only opens the second step (a short-lived cookie, no session yet).
		return { ok: true, twoFactorRequired: 'twoFactorRedirect' in result && result.twoFactorRedirect === true };
	} catch (error) {
		const code = codeOf(error);
		// Only someone who knows the password learns that the address still needs confirming.
		if (code === 'EMAIL_NOT_VERIFIED') return { ok: false, reason: 'email_not_verified' };
		if (error instanceof APIError) return { ok: false, reason: 'wrong_email_or_password' };
		throw error;
	}
}

export async function signOut(auth: Auth, input: { headers: Headers }): Promise<void> {
	await auth.api.signOut({ headers: input.headers });
}

export async function signOutEverywhere(auth: Auth, input: { headers: Headers }): Promise<void> {
	await auth.api.revokeSessions({ headers: input.headers });
	await auth.api.signOut({ headers: input.headers });
}

export async function requestPasswordReset(auth: Auth, input: { email: string; headers: Headers }): Promise<void> {
	await auth.api.requestPasswordReset({ body: { email: input.email }, headers: input.headers });
}

export async function resetPassword(
	auth: Auth,
	input: { token: string; password: string; headers: Headers }
): Promise<Outcome<'invalid_link' | 'password_guessable'>> {
	try {
		await auth.api.resetPassword({ body: { token: input.token, newPassword: input.password }, headers: input.headers });
		return { ok: true };
	} catch (error) {
		if (codeOf(error) === guessablePasswordRefused) return { ok: false, reason: 'password_guessable' };
		if (error instanceof APIError) return { ok: false, reason: 'invalid_link' };
		throw error;
	}
}

export async function currentAccount(auth: Auth, input: { headers: Headers }): Promise<SignedInAccount | null> {
	const session = await auth.api.getSession({ headers: input.headers });
	if (!session) return null;
	const user = session.user as { id: string; email: string; locale?: unknown; twoFactorEnabled?: unknown };
	return {
		id: user.id,
		email: user.email,
		locale: user.locale === 'en' ? 'en' : 'nl',
		twoFactorEnabled: user.twoFactorEnabled === true
	};
}

/**
 * For someone who proved they read mail at this address (they opened an invitation sent to it) or who runs the
 * server (setup token): the account starts confirmed. A known address is refused, so nobody takes over an account.
 */
export async function createVerifiedAccount(
	auth: Auth,
	input: { email: string; password: string; name: string; locale: Locale }
): Promise<{ ok: true; accountId: string } | { ok: false; reason: 'email_taken' | 'password_guessable' }> {
	const context = await auth.$context;
	const email = input.email.toLowerCase();
	// Not through better-auth's endpoints, so its password hook does not see this one.
	if (isGuessablePassword(input.password, email)) return { ok: false, reason: 'password_guessable' };
	if (await context.internalAdapter.findUserByEmail(email)) return { ok: false, reason: 'email_taken' };
	const hash = await context.password.hash(input.password);
	const user = await context.internalAdapter.createUser({
		email,
		name: input.name,
		emailVerified: true,
		locale: input.locale
	}, { method: 'email-password' } as never);
	await context.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: hash });
	return { ok: true, accountId: user.id };
}

export async function confirmPassword(auth: Auth, input: { password: string; headers: Headers }): Promise<boolean> {
	try {
		await auth.api.verifyPassword({ body: { password: input.password }, headers: input.headers });
		return true;
	} catch (error) {
		if (error instanceof APIError) return false;
		throw error;
	}
}
