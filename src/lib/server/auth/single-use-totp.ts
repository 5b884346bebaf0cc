/**
 * Single-use app codes (RFC 6238 §5.2: a verifier must not accept the second attempt of the same OTP).
 * better-auth's two-factor plugin (1.7) accepts a correct code as often as it likes within its window, so this
 * plugin runs before its `/two-factor/verify-totp`: it finds which time step the code belongs to and claims that
 * step for the account in the database, in one conditional UPDATE, so two instances cannot both accept it.
 * - `singleUseTotp(db)`: the better-auth plugin.
 * - `matchingTimeStep(secret, code, now)`: the time step (within ±1 of now, as the plugin allows) a code belongs to.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { symmetricDecrypt } from 'better-auth/crypto';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';

/** better-auth's defaults, which brug keeps: 30 s steps, 6 digits, one step either side accepted. */
const periodSeconds = 30;
const digits = 6;
const window = 1;

/** HOTP (RFC 4226) with the secret's UTF-8 bytes as key, as better-auth's OTP helper makes it. */
function hotp(secret: string, counter: number): string {
	const message = Buffer.alloc(8);
	message.writeBigUInt64BE(BigInt(counter));
	const digest = createHmac('sha1', Buffer.from(secret, 'utf8')).update(message).digest();
	const offset = digest[digest.length - 1]! & 0x0f;
	return ((digest.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits).toString().padStart(digits, '0');
}

export function matchingTimeStep(secret: string, code: string, now = Date.now()): number | null {
	const current = Math.floor(now / 1000 / periodSeconds);
	const given = Buffer.from(code);
	let matched: number | null = null;
	// Every candidate is compared, so the time taken does not tell which step matched.
	for (let step = current - window; step <= current + window; step++) {
		const expected = Buffer.from(hotp(secret, step));
		if (given.length === expected.length && timingSafeEqual(given, expected)) matched = step;
	}
	return matched;
}

/** The account a code is for: the signed-in one (switching two-step on) or the one halfway through signing in. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function accountOf(ctx: any): Promise<string | null> {
	const session = await getSessionFromCtx(ctx);
	if (session) return session.user.id;
	const cookie = ctx.context.createAuthCookie('two_factor');
	const challenge: string | null = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
	if (!challenge) return null;
	const pending = await ctx.context.internalAdapter.findVerificationValue(challenge);
	return pending ? String(pending.value) : null;
}

export function singleUseTotp(db: Kysely<Database>) {
	return {
		id: 'single-use-totp',
		hooks: {
			before: [
				{
					matcher: (context) => context.path === '/two-factor/verify-totp',
					handler: createAuthMiddleware(async (ctx) => {
						const code = typeof ctx.body?.code === 'string' ? ctx.body.code : '';
						const accountId = await accountOf(ctx);
						// Without an account or a stored secret better-auth refuses on its own; let it say why.
						if (!accountId) return;
						const row = await db
							.selectFrom('auth_two_factor')
							.select(['secret'])
							.where('account_id', '=', accountId)
							.executeTakeFirst();
						if (!row) return;
						const secret = await symmetricDecrypt({ key: ctx.context.secretConfig, data: row.secret });
						const step = matchingTimeStep(secret, code);
						// A wrong code is better-auth's to count towards its lock-out.
						if (step === null) return;
						const claimed = await db
							.updateTable('auth_two_factor')
							.set({ last_used_step: step })
							.where('account_id', '=', accountId)
							.where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
							.executeTakeFirst();
						if (claimed.numUpdatedRows === 0n) {
							throw APIError.from('UNAUTHORIZED', { code: 'CODE_ALREADY_USED', message: 'This code was already used' });
						}
					})
				}
			]
		}
	} satisfies BetterAuthPlugin;
}
