/**
 * A pattern check done before signing in, kept until it is saved in the account: a short cookie in the person's own
 * browser (one digit per statement, 0 = skipped), HttpOnly and SameSite=Lax, for one day. Nothing is stored on the
 * server until the person, signed in, chooses "bewaar".
 * - `pendingCheckCookie`: the cookie's name and lifetime.
 * - `encodePendingCheck(answers)`, `decodePendingCheck(value)`: to and from the cookie value.
 */
import { agreementOptionIds, patternCheck, type PatternAnswers } from './pattern-check';

export const pendingCheckCookie = { name: 'brug_pending_check', maxAgeSeconds: 24 * 60 * 60 };

export function encodePendingCheck(answers: PatternAnswers): string {
	return patternCheck.statements
		.map((s) => {
			const answer = answers[s.number];
			return answer ? String(agreementOptionIds.indexOf(answer) + 1) : '0';
		})
		.join('');
}

export function decodePendingCheck(value: string | undefined): PatternAnswers | null {
	if (!value || value.length !== patternCheck.statements.length || !/^[0-5]+$/.test(value)) return null;
	const answers: PatternAnswers = {};
	patternCheck.statements.forEach((s, index) => {
		const digit = Number(value[index]);
		if (digit > 0) answers[s.number] = agreementOptionIds[digit - 1];
	});
	return answers;
}
