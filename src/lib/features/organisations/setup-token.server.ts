/**
 * The token that opens the setup page, which creates an organisation and its first admin.
 * - `prepareSetupToken(db, options)`: at start. With BRUG_SETUP_TOKEN set, that token works (to add organisations
 *   later). Otherwise, while no organisation exists, a one-time token is announced for the log. Its row lives in the
 *   database (`setup_token`, one row at most): the first instance to start writes a random nonce, and every instance
 *   derives the same token from it with the shared auth secret, so each instance's log shows the one token that works.
 * - `setupOpen(db)`: whether the setup page accepts a token now (on any instance: a used token is used everywhere).
 * - `openSetup(db, given)`: checks the token in constant time; gives the `claim` that the organisation's own
 *   transaction runs, so the one-time token is used exactly once, however many instances receive it at once.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '$lib/server/db';

type Mode = { kind: 'configured'; token: string } | { kind: 'one-time'; secret: string } | { kind: 'closed' };

let mode: Mode = { kind: 'closed' };

/** The one row's constant key: a second one-time token cannot exist. */
const rowId = 'first-organisation';

/** Called inside the transaction that creates the organisation; false when the token was used meanwhile. */
export type SetupClaim = (trx: Transaction<Database>) => Promise<boolean>;

function tokenFor(secret: string, nonce: string): string {
	return createHmac('sha256', secret).update(`brug setup token\n${nonce}`).digest('base64url').slice(0, 24);
}

export async function prepareSetupToken(
	db: Kysely<Database>,
	options: {
		configured?: string;
		/** The auth secret, the same on every instance. */
		secret: string;
		announce: (token: string, made: { madeAt: string; byThisInstance: boolean }) => void;
	}
): Promise<void> {
	if (options.configured) {
		mode = { kind: 'configured', token: options.configured };
		return;
	}
	mode = { kind: 'closed' };
	const existing = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
	if (existing) return;
	const nonce = randomBytes(18).toString('base64url');
	await db
		.insertInto('setup_token')
		.values({ id: rowId, nonce, created_at: new Date().toISOString(), used_at: null })
		.onConflict((conflict) => conflict.column('id').doNothing())
		.execute();
	const row = await db.selectFrom('setup_token').selectAll().where('id', '=', rowId).executeTakeFirstOrThrow();
	if (row.used_at !== null) return;
	mode = { kind: 'one-time', secret: options.secret };
	options.announce(tokenFor(options.secret, row.nonce), { madeAt: row.created_at, byThisInstance: row.nonce === nonce });
}

async function unusedNonce(db: Kysely<Database>): Promise<string | null> {
	const row = await db.selectFrom('setup_token').select('nonce').where('id', '=', rowId).where('used_at', 'is', null).executeTakeFirst();
	return row?.nonce ?? null;
}

export async function setupOpen(db: Kysely<Database>): Promise<boolean> {
	if (mode.kind === 'configured') return true;
	if (mode.kind === 'closed') return false;
	return (await unusedNonce(db)) !== null;
}

const digest = (value: string) => createHash('sha256').update(value).digest();
const sameToken = (given: string, expected: string) => timingSafeEqual(digest(given.trim()), digest(expected));

/** The claim for a right token, or null for a wrong one or when setup is closed. */
export async function openSetup(db: Kysely<Database>, given: string): Promise<SetupClaim | null> {
	if (mode.kind === 'configured') return sameToken(given, mode.token) ? async () => true : null;
	if (mode.kind === 'closed') return null;
	const nonce = await unusedNonce(db);
	if (nonce === null || !sameToken(given, tokenFor(mode.secret, nonce))) return null;
	return async (trx) => {
		// Conditional: of two transactions, the second waits for the first's row lock and then finds it used.
		const result = await trx
			.updateTable('setup_token')
			.set({ used_at: new Date().toISOString() })
			.where('id', '=', rowId)
			.where('nonce', '=', nonce)
			.where('used_at', 'is', null)
			.executeTakeFirst();
		return result.numUpdatedRows === 1n;
	};
}
