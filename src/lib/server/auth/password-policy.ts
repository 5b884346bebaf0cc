/**
 * Every password better-auth sets passes `isGuessablePassword` first: signing up, a reset by mail, a change or a first
 * password. An easy one is refused with the code PASSWORD_GUESSABLE, which the forms turn into kind words.
 * - `guessablePasswordRefused`: that code, for the use-cases that map it.
 * - `passwordPolicy()`: the better-auth plugin.
 */
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { isGuessablePassword } from './password-strength';

export const guessablePasswordRefused = 'PASSWORD_GUESSABLE';

const passwordPaths = new Set(['/sign-up/email', '/reset-password', '/change-password', '/set-password']);

/** The address of the account whose password is being set, so that it cannot be (a variant of) the password. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function addressFor(ctx: any): Promise<string | undefined> {
	if (typeof ctx.body?.email === 'string') return ctx.body.email;
	if (ctx.path === '/reset-password') {
		const token = typeof ctx.body?.token === 'string' ? ctx.body.token : ctx.query?.token;
		if (typeof token !== 'string') return undefined;
		const pending = await ctx.context.internalAdapter.findVerificationValue(`reset-password:${token}`);
		if (!pending) return undefined;
		return (await ctx.context.internalAdapter.findUserById(String(pending.value)))?.email;
	}
	return (await getSessionFromCtx(ctx))?.user.email;
}

export function passwordPolicy() {
	return {
		id: 'password-policy',
		hooks: {
			before: [
				{
					matcher: (context) => passwordPaths.has(context.path ?? ''),
					handler: createAuthMiddleware(async (ctx) => {
						const password = ctx.body?.newPassword ?? ctx.body?.password;
						// Missing or too short or long: better-auth's own checks answer that.
						if (typeof password !== 'string') return;
						if (isGuessablePassword(password, await addressFor(ctx))) {
							throw APIError.from('BAD_REQUEST', { code: guessablePasswordRefused, message: 'This password is easy to guess' });
						}
					})
				}
			]
		}
	} satisfies BetterAuthPlugin;
}
