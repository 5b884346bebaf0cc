/**
 * The last pattern check's answers, kept in the person's own browser (a session cookie) so the result and the answers
 * survive reload, Back and a detour to an exercise; nothing is stored on the server. Pure.
 * - `patternAnswersCookie`: the cookie's name.
 * - `encodePatternAnswersCookie(answers)`: one digit per statement (0 = skipped), as the pending check's cookie.
 * - `decodePatternAnswersCookie(value)`: the answers, or null for a value that is damaged, tampered with or has too
 *   few answers for a result.
 */
import type { PatternAnswers } from './pattern-check';
import { patternAnswersSchema } from './pattern-check.schema';
import { decodePendingCheck, encodePendingCheck } from './pending-check';

export const patternAnswersCookie = { name: 'brug_patterns' } as const;

export function encodePatternAnswersCookie(answers: PatternAnswers): string {
	return encodePendingCheck(answers);
}

export function decodePatternAnswersCookie(value: string | undefined): PatternAnswers | null {
	const answers = decodePendingCheck(value);
	if (!answers) return null;
	const parsed = patternAnswersSchema.safeParse({ ...answers });
	return parsed.success ? parsed.data : null;
}
