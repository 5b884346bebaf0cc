/**
 * Which exercises a person did, and when: for "today's suggestion" (something fitting that they have not done
 * lately). No content, only the exercise id and the local day.
 * - `logExerciseDone`: once per exercise per day is enough (a second time the same day changes nothing).
 * - `lastDoneByExercise`: exercise id → the last local day it was done.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { localDay } from '$lib/time';

export async function logExerciseDone(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; exerciseId: string; now?: Date }
): Promise<void> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	await db
		.insertInto('exercise_done')
		.values({ id: crypto.randomUUID(), account_id: account.id, exercise_id: options.exerciseId, day: localDay(now), created_at: now.toISOString() })
		.onConflict((conflict) => conflict.columns(['account_id', 'exercise_id', 'day']).doNothing())
		.execute();
}

export async function lastDoneByExercise(db: Kysely<Database>, options: { actor: SignedInAccount | null }): Promise<Map<string, string>> {
	const account = requireSignedIn(options.actor);
	const rows = await db
		.selectFrom('exercise_done')
		.select(['exercise_id', (eb) => eb.fn.max('day').as('last')])
		.where('account_id', '=', account.id)
		.groupBy('exercise_id')
		.execute();
	return new Map(rows.map((r) => [r.exercise_id, String(r.last)]));
}
