/**
 * The token that opens the setup page, which creates an organisation and its first admin.
 * - `prepareSetupToken(db)`: at start. With BRUG_SETUP_TOKEN set, that token works (to add organisations later);
 *   otherwise, only while no organisation exists, a one-time token is made and printed in the log.
 * - `setupOpen()`: whether the setup page accepts anything now.
 * - `checkSetupToken(given)`: compares in constant time.
 * - `claimSetup(given)`: checks the token and, for a one-time token, takes it at once, so two simultaneous posts
 *   cannot both create an organisation; `release()` gives it back when the creation failed (e.g. a known address).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';

let active: { token: string; oneTime: boolean } | undefined;

export async function prepareSetupToken(
	db: Kysely<Database>,
	options: { configured?: string; announce: (token: string) => void }
): Promise<void> {
	if (options.configured) {
		active = { token: options.configured, oneTime: false };
		return;
	}
	const existing = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
	if (existing) {
		active = undefined;
		return;
	}
	active = { token: randomBytes(18).toString('base64url'), oneTime: true };
	options.announce(active.token);
}

export function setupOpen(): boolean {
	return active !== undefined;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export function checkSetupToken(given: string): boolean {
	if (!active) return false;
	return timingSafeEqual(digest(given.trim()), digest(active.token));
}

export function claimSetup(given: string): { release(): void } | null {
	const claimed = active;
	if (!claimed || !checkSetupToken(given)) return null;
	if (claimed.oneTime) active = undefined;
	return {
		release: () => {
			if (claimed.oneTime) active ??= claimed;
		}
	};
}
