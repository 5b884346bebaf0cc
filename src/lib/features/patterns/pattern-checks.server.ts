/**
 * Saved pattern checks, for people with an account who want to compare later. Stored in the `measurement` table like
 * every completed instrument (answers only; the scores are computed again from them), never anonymously.
 * - `savePatternCheck`: checks the answers again and stores them in the person's account.
 * - `listPatternChecks`: the person's own checks, newest first, with their scores.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { scoringVersion } from '$lib/features/measurements/measurements';
import { hasEnoughAnswers, patternCheck, scorePatternCheck, type PatternAnswers, type PatternCheckScore } from './pattern-check';
import { patternAnswersSchema } from './pattern-check.schema';

export interface SavedPatternCheck {
	id: string;
	takenAt: string;
	answers: PatternAnswers;
	score: PatternCheckScore;
}

export async function savePatternCheck(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; answers: PatternAnswers; now?: Date }
): Promise<{ ok: true; id: string } | { ok: false; reason: 'too_few_answers' }> {
	const account = requireSignedIn(options.actor);
	// Too few answers (or answers a cookie garbled) are refused with a reason, never thrown.
	const parsed = patternAnswersSchema.safeParse(options.answers);
	if (!parsed.success || !hasEnoughAnswers(scorePatternCheck(parsed.data))) return { ok: false, reason: 'too_few_answers' };
	const answers = parsed.data;
	const id = crypto.randomUUID();
	await db
		.insertInto('measurement')
		.values({
			id,
			instrument_id: patternCheck.id,
			instrument_version: patternCheck.version,
			scoring_version: scoringVersion,
			answers: JSON.stringify(answers),
			total: null,
			emotional: null,
			social: null,
			band: null,
			taken_at: (options.now ?? new Date()).toISOString(),
			account_id: account.id,
			access_token_hash: null
		})
		.execute();
	return { ok: true, id };
}

export async function listPatternChecks(db: Kysely<Database>, options: { actor: SignedInAccount | null }): Promise<SavedPatternCheck[]> {
	const account = requireSignedIn(options.actor);
	const rows = await db
		.selectFrom('measurement')
		.select(['id', 'taken_at', 'answers'])
		.where('account_id', '=', account.id)
		.where('instrument_id', '=', patternCheck.id)
		.orderBy('taken_at', 'desc')
		.execute();
	return rows.map((row) => {
		const answers = patternAnswersSchema.parse(JSON.parse(row.answers));
		return { id: row.id, takenAt: row.taken_at, answers, score: scorePatternCheck(answers) };
	});
}
