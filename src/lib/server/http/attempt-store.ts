/**
 * The abuse limits' counters, in the database, so that every instance of brug counts the same attempts.
 * - `AttemptStore`: counts attempts per key and window (`hit`), forgets a key (`clear`).
 * - `createAttemptStore(db, options)`: the store on brug's database, SQLite or PostgreSQL. Both run the same
 *   statement, `insert … on conflict do update set attempts = attempts + 1 … returning attempts`, which is atomic on
 *   each: SQLite lets one writer at a time into the file, PostgreSQL locks the conflicting row until the end of the
 *   statement. So two instances never both see "attempt 10".
 * - `attemptStore()`: the process-wide store on `db()`.
 * - `AttemptStoreUnavailable`: what every method throws when the database does not answer; the callers decide
 *   whether to refuse (fail closed) or let the attempt through.
 * A key is stored as an HMAC under a key derived from the auth secret (shared by all instances): a plain hash of an
 * IPv4 address or a known e-mail address is undone by trying them all. Ended windows are swept now and then.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { config } from '../env';
import { loadAuthSecret } from '../auth/secret';
import { db, type Database } from '../db';
import { log } from '../log';
import type { RateWindow } from './rate-limit';

export interface AttemptStore {
	/** Counts one attempt for `key` in `window`; answers the attempts in that window, this one included. */
	hit(key: string, window: RateWindow): Promise<number>;
	/** Forgets `key` in every window, e.g. after a successful sign-in. */
	clear(key: string): Promise<void>;
}

export class AttemptStoreUnavailable extends Error {
	constructor(cause: unknown) {
		super('The attempt counters cannot be read or written.', { cause });
		this.name = 'AttemptStoreUnavailable';
	}
}

/** How often one process deletes ended windows: often enough to keep the table small, rarely enough to cost nothing. */
const sweepEveryMs = 60_000;

export function createAttemptStore(
	database: Kysely<Database>,
	options: { secret: string; now?: () => number }
): AttemptStore {
	const now = options.now ?? Date.now;
	const hashKey = createHmac('sha256', options.secret).update('brug attempt counters').digest();
	const keyHash = (key: string) => createHmac('sha256', hashKey).update(key).digest('base64url');
	const iso = (ms: number) => new Date(ms).toISOString();
	let lastSweep = 0;

	const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
		try {
			return await work();
		} catch (error) {
			throw new AttemptStoreUnavailable(error);
		}
	};

	// Outside the guard: a failed clean-up must not turn an attempt that was counted into a refusal.
	const sweep = async () => {
		const at = now();
		if (at - lastSweep < sweepEveryMs) return;
		lastSweep = at;
		await database
			.deleteFrom('attempt_counter')
			.where('window_ends_at', '<=', iso(at))
			.execute()
			.catch((error: unknown) => log().warn({ error: error instanceof Error ? error.name : 'unknown' }, 'sweeping the attempt counters failed'));
	};

	return {
		hit: (key, window) =>
			guarded(async () => {
				const row = await database
					.insertInto('attempt_counter')
					.values({ key_hash: keyHash(key), window_ends_at: iso(window.endsAt), attempts: 1 })
					.onConflict((conflict) =>
						conflict
							.columns(['key_hash', 'window_ends_at'])
							.doUpdateSet((eb) => ({ attempts: eb('attempt_counter.attempts', '+', 1) }))
					)
					.returning('attempts')
					.executeTakeFirstOrThrow();
				return Number(row.attempts);
			}).then(async (attempts) => {
				await sweep();
				return attempts;
			}),
		clear: (key) =>
			guarded(async () => {
				await database.deleteFrom('attempt_counter').where('key_hash', '=', keyHash(key)).execute();
			})
	};
}

let processStore: AttemptStore | undefined;

export function attemptStore(): AttemptStore {
	if (!processStore) {
		const { dataDir, BRUG_AUTH_SECRET } = config();
		processStore = createAttemptStore(db(), { secret: loadAuthSecret({ dataDir, configured: BRUG_AUTH_SECRET }) });
	}
	return processStore;
}
