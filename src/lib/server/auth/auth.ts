/**
 * Sign-in for brug, on better-auth (email + password, e-mail verification, password reset, TOTP two-factor).
 * - `createAuth(options)`: a better-auth instance on brug's database, with brug's table and column names.
 * - `type Auth`: its type, for use-cases that take it as a dependency.
 * Choices that protect people: argon2id hashes, no easily guessed password (password-policy.ts), app codes taken once
 * (single-use-totp.ts), no IP addresses or telemetry, HttpOnly + SameSite=Lax cookies (Secure when the origin is
 * https), sessions that expire, and every session ended on a password reset.
 */
import { betterAuth } from 'better-auth';
import { twoFactor } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import type { RequestEvent } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { DatabaseKind } from '$lib/server/db/client';
import { emailVerificationHours } from '$lib/server/mail/templates';
import { log } from '$lib/server/log';
import { hashPassword, verifyPassword } from './password';
import { singleUseTotp } from './single-use-totp';
import { passwordPolicy } from './password-policy';

export interface AuthMailer {
	/** Sends the link that confirms an e-mail address; `url` is brug's own page, not better-auth's endpoint. */
	sendVerification(input: { email: string; url: string; locale: string }): Promise<void>;
	/** Sends the link to choose a new password. */
	sendPasswordReset(input: { email: string; url: string; locale: string }): Promise<void>;
	/** Tells an existing account holder that someone signed up with their address (the page says nothing). */
	sendAlreadyRegistered(input: { email: string; url: string; locale: string }): Promise<void>;
}

export interface AuthOptions {
	db: Kysely<Database>;
	kind: DatabaseKind;
	secret: string;
	/** Public origin, e.g. http://localhost:3000; decides the Secure cookie flag. */
	origin: string;
	mailer: AuthMailer;
	/** Builds brug's own link for a verification or reset token (or the forgot-password page), in a language. */
	linkFor(kind: 'verify' | 'reset' | 'forgot', token: string, locale: string): string;
	/**
	 * The current SvelteKit request (`getRequestEvent` from $app/server), so that use-cases called from form actions
	 * set and clear cookies; tests leave it out and read cookies from responses instead.
	 */
	requestEvent?: () => RequestEvent | undefined;
}

const day = 24 * 60 * 60;

// Outside a request (tests, scripts) there is no cookie jar to write to; the bridge then does nothing.
const noRequestEvent = (() => undefined) as unknown as () => RequestEvent;

/** How long a password reset link works; the reset mail says so. */
export const passwordResetMinutes = 60;

export function createAuth(options: AuthOptions) {
	/** Every account mail: brug's own link for the token, in the account's language. */
	const mailLink = (
		send: (input: { email: string; url: string; locale: string }) => Promise<void>,
		kind: 'verify' | 'reset' | 'forgot',
		user: { email: string; locale?: unknown },
		token = ''
	) => {
		const locale = user.locale === 'en' ? 'en' : 'nl';
		return send({ email: user.email, url: options.linkFor(kind, token, locale), locale });
	};
	return betterAuth({
		appName: 'brug',
		baseURL: options.origin,
		basePath: '/api/auth',
		secret: options.secret,
		// brug talks to nobody: no telemetry.
		telemetry: { enabled: false },
		// Only real errors, through brug's own logger; a wrong password is not worth a log line.
		logger: { level: 'error', log: (_level, message) => log().error({ source: 'better-auth' }, message) },
		database: { db: options.db, type: options.kind === 'postgres' ? 'postgres' : 'sqlite' },
		user: {
			modelName: 'account',
			fields: {
				emailVerified: 'email_verified',
				createdAt: 'created_at',
				updatedAt: 'updated_at'
			},
			additionalFields: {
				locale: { type: 'string', required: false, defaultValue: 'nl', input: true }
			}
		},
		session: {
			modelName: 'auth_session',
			fields: {
				userId: 'account_id',
				expiresAt: 'expires_at',
				ipAddress: 'ip_address',
				userAgent: 'user_agent',
				createdAt: 'created_at',
				updatedAt: 'updated_at'
			},
			expiresIn: 14 * day,
			updateAge: day
		},
		account: {
			modelName: 'auth_credential',
			fields: {
				userId: 'account_id',
				accountId: 'provider_account_id',
				providerId: 'provider_id',
				accessToken: 'access_token',
				refreshToken: 'refresh_token',
				idToken: 'id_token',
				accessTokenExpiresAt: 'access_token_expires_at',
				refreshTokenExpiresAt: 'refresh_token_expires_at',
				createdAt: 'created_at',
				updatedAt: 'updated_at'
			}
		},
		verification: {
			modelName: 'auth_verification',
			fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' }
		},
		emailAndPassword: {
			enabled: true,
			requireEmailVerification: true,
			minPasswordLength: 10,
			maxPasswordLength: 128,
			revokeSessionsOnPasswordReset: true,
			// A new password after a break-in must also stop API tokens someone made meanwhile.
			onPasswordReset: async ({ user }) => {
				await options.db.deleteFrom('api_token').where('account_id', '=', user.id).execute();
			},
			resetPasswordTokenExpiresIn: passwordResetMinutes * 60,
			password: { hash: hashPassword, verify: verifyPassword },
			onExistingUserSignUp: ({ user }) => mailLink(options.mailer.sendAlreadyRegistered, 'forgot', user),
			sendResetPassword: ({ user, token }) => mailLink(options.mailer.sendPasswordReset, 'reset', user, token)
		},
		emailVerification: {
			sendOnSignUp: true,
			// Someone who signs in before confirming gets a fresh link (the page says so).
			sendOnSignIn: true,
			// Confirming an address must not sign anyone in: whoever created the account chose its password, and the
			// owner of the address may not be that person. They sign in (or reset the password) themselves.
			autoSignInAfterVerification: false,
			// The verification mail promises this many hours.
			expiresIn: emailVerificationHours * 60 * 60,
			sendVerificationEmail: ({ user, token }) => mailLink(options.mailer.sendVerification, 'verify', user, token)
		},
		// brug applies its own limits per IP and per account, with translated messages (see rate limits).
		rateLimit: { enabled: false },
		advanced: {
			cookiePrefix: 'brug',
			useSecureCookies: options.origin.startsWith('https://'),
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
			ipAddress: { disableIpTracking: true },
			// Mails go out after the answer, so the time it takes never tells whether an address is known.
			backgroundTasks: {
				handler: (task) =>
					void task.catch((error: unknown) =>
						log().error({ source: 'better-auth', error: error instanceof Error ? error.name : 'unknown' }, 'mail not sent')
					)
			},
			database: { generateId: () => crypto.randomUUID() }
		},
		// Data minimisation: brug does not keep which browser someone uses.
		databaseHooks: {
			session: { create: { before: async (session) => ({ data: { ...session, userAgent: null } }) } }
		},
		plugins: [
			twoFactor({
				issuer: 'brug',
				schema: {
					twoFactor: {
						modelName: 'auth_two_factor',
						fields: {
							userId: 'account_id',
							backupCodes: 'backup_codes',
							failedVerificationCount: 'failed_verification_count',
							lockedUntil: 'locked_until'
						}
					},
					user: { fields: { twoFactorEnabled: 'two_factor_enabled' } }
				}
			}),
			singleUseTotp(options.db),
			passwordPolicy(),
			sveltekitCookies((options.requestEvent ?? noRequestEvent) as () => RequestEvent)
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;
