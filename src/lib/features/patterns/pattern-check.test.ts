import { describe, expect, it } from 'vitest';
import {
	comparePatternChecks,
	hasEnoughAnswers,
	mechanismIds,
	patternCheck,
	scorePatternCheck,
	statementPoints,
	strongestPatterns,
	type AgreementOptionId,
	type MechanismId,
	type PatternAnswers,
	type PatternCheckScore,
	type PatternStatement
} from './pattern-check';

/** The statement with this number; fails the test if there is none. */
function statement(number: number): PatternStatement {
	const found = patternCheck.statements.find((candidate) => candidate.number === number);
	if (!found) throw new Error(`no statement ${number}`);
	return found;
}

/** The same answer to every statement. */
function answerAll(optionId: AgreementOptionId): PatternAnswers {
	return Object.fromEntries(patternCheck.statements.map((s) => [s.number, optionId]));
}

/** A score with the given means (others null), as strongestPatterns and comparePatternChecks read it. */
function withMeans(means: Partial<Record<MechanismId, number | null>>): Pick<PatternCheckScore, 'mechanisms'> {
	const mechanisms = {} as PatternCheckScore['mechanisms'];
	for (const id of mechanismIds) {
		const mean = means[id] ?? null;
		mechanisms[id] = { mean, answered: mean === null ? 0 : 3, statements: 3 };
	}
	return { mechanisms };
}

const means = (score: PatternCheckScore) =>
	Object.fromEntries(mechanismIds.map((id) => [id, score.mechanisms[id].mean]));

describe('statementPoints', () => {
	it('gives 1..5 on a statement, and 5..1 on a reversed one', () => {
		const options = patternCheck.options.map((option) => option.id);
		expect(statement(1).reversed).toBe(false);
		expect(options.map((id) => statementPoints(statement(1), id))).toEqual([1, 2, 3, 4, 5]);
		expect(statement(13).reversed).toBe(true);
		expect(options.map((id) => statementPoints(statement(13), id))).toEqual([5, 4, 3, 2, 1]);
	});

	it('throws on an unknown option, naming the allowed ones', () => {
		expect(() => statementPoints(statement(1), 'yes')).toThrow(/statement 1: unknown option "yes".*strongly_disagree/);
		expect(() => statementPoints(statement(1), 'toString')).toThrow(/unknown option/);
	});
});

describe('scorePatternCheck: worked examples', () => {
	it('all neutral: every mean is 3, nothing stands out', () => {
		const score = scorePatternCheck(answerAll('neutral'));
		for (const id of mechanismIds) expect(score.mechanisms[id]).toEqual({ mean: 3, answered: 3, statements: 3 });
		expect([score.check, score.version, score.answered, score.missing]).toEqual(['pattern-check', '1', 27, 0]);
		expect(strongestPatterns(score)).toEqual([]);
	});

	it('all "strongly agree": 5 where every statement agrees, 11/3 where one is reversed', () => {
		const score = scorePatternCheck(answerAll('strongly_agree'));
		// Reversed statements 4, 13 and 25 give 1 point: (5 + 5 + 1) / 3.
		expect(means(score)).toEqual({
			fear_of_vulnerability: 5,
			limiting_beliefs: 5,
			self_sabotage: 5,
			rumination: 5,
			waiting: 11 / 3,
			external_validation: 5,
			old_wounds: 5,
			no_self_reflection: 11 / 3,
			underrated_community: 11 / 3
		});
		// Six at 5, tied: canonical order decides the three named.
		expect(strongestPatterns(score).map((p) => p.mechanism)).toEqual([
			'fear_of_vulnerability',
			'limiting_beliefs',
			'self_sabotage'
		]);
	});

	it('all "strongly disagree": 1, and 7/3 where one is reversed', () => {
		const score = scorePatternCheck(answerAll('strongly_disagree'));
		expect(score.mechanisms.rumination.mean).toBe(1);
		expect(score.mechanisms.underrated_community.mean).toBe(7 / 3);
	});

	it('mixed answers, a reversed statement and a skipped one', () => {
		const answers: PatternAnswers = {
			// fear_of_vulnerability: 4 + 5 + 3 = 12 over 3 -> 4
			2: 'agree',
			10: 'strongly_agree',
			22: 'neutral',
			// waiting: 1 agree (4), 13 reversed disagree (2 -> 4), 20 skipped -> 8 over 2 = 4
			1: 'agree',
			13: 'disagree',
			// underrated_community: 4 reversed strongly_agree (5 -> 1), 11 strongly_disagree (1), 27 disagree (2) -> 4/3
			4: 'strongly_agree',
			11: 'strongly_disagree',
			27: 'disagree',
			// rumination: 3 strongly_agree (5), 17 agree (4) -> 4.5, 21 skipped
			3: 'strongly_agree',
			17: 'agree',
			// limiting_beliefs: only 5 neutral -> 3
			5: 'neutral'
		};
		const score = scorePatternCheck(answers);
		expect(score.mechanisms.fear_of_vulnerability).toEqual({ mean: 4, answered: 3, statements: 3 });
		expect(score.mechanisms.waiting).toEqual({ mean: 4, answered: 2, statements: 3 });
		expect(score.mechanisms.underrated_community).toEqual({ mean: 4 / 3, answered: 3, statements: 3 });
		expect(score.mechanisms.rumination).toEqual({ mean: 4.5, answered: 2, statements: 3 });
		expect(score.mechanisms.limiting_beliefs).toEqual({ mean: 3, answered: 1, statements: 3 });
		for (const id of ['self_sabotage', 'external_validation', 'old_wounds', 'no_self_reflection'] as const) {
			expect(score.mechanisms[id]).toEqual({ mean: null, answered: 0, statements: 3 });
		}
		expect([score.answered, score.missing]).toEqual([11, 16]);
		expect(hasEnoughAnswers(score)).toBe(false);
		// Rumination 4.5 first; fear and waiting tie at 4, canonical order puts fear first.
		expect(strongestPatterns(score)).toEqual([
			{ mechanism: 'rumination', mean: 4.5 },
			{ mechanism: 'fear_of_vulnerability', mean: 4 },
			{ mechanism: 'waiting', mean: 4 }
		]);
	});

	it('no answers: every mean null, everything missing', () => {
		const score = scorePatternCheck({});
		for (const id of mechanismIds) expect(score.mechanisms[id].mean).toBeNull();
		expect([score.answered, score.missing]).toEqual([0, 27]);
		expect(strongestPatterns(score)).toEqual([]);
	});

	it('an answer given as undefined counts as skipped', () => {
		const score = scorePatternCheck({ 1: undefined, 2: 'agree' });
		expect(score.answered).toBe(1);
		expect(score.mechanisms.waiting.mean).toBeNull();
	});

	it('two thirds (18 of 27) is enough for a result, 17 is not', () => {
		const firstN = (n: number): PatternAnswers =>
			Object.fromEntries(patternCheck.statements.slice(0, n).map((s) => [s.number, 'agree']));
		expect(hasEnoughAnswers(scorePatternCheck(firstN(18)))).toBe(true);
		expect(hasEnoughAnswers(scorePatternCheck(firstN(17)))).toBe(false);
	});

	it('throws on an unknown statement or option: callers validate first', () => {
		expect(() => scorePatternCheck({ 28: 'agree' })).toThrow(/unknown statement "28"/);
		expect(() => scorePatternCheck({ 0: 'agree' })).toThrow(/unknown statement "0"/);
		expect(() => scorePatternCheck({ 1: 'yes' as AgreementOptionId })).toThrow(/unknown option "yes"/);
	});
});

describe('strongestPatterns', () => {
	it('3.5 qualifies, 3.49 does not', () => {
		expect(strongestPatterns(withMeans({ waiting: 3.5 }))).toEqual([{ mechanism: 'waiting', mean: 3.5 }]);
		expect(strongestPatterns(withMeans({ waiting: 3.49 }))).toEqual([]);
		expect(strongestPatterns(withMeans({ waiting: 3.49, rumination: 3.5 }))).toEqual([
			{ mechanism: 'rumination', mean: 3.5 }
		]);
	});

	it('none qualifying gives an empty list', () => {
		expect(strongestPatterns(withMeans({ waiting: 3, old_wounds: 1, rumination: 3.4 }))).toEqual([]);
	});

	it('1, 2 and 3 qualifying are all named, strongest first', () => {
		expect(strongestPatterns(withMeans({ old_wounds: 4, waiting: 2 })).map((p) => p.mechanism)).toEqual(['old_wounds']);
		expect(strongestPatterns(withMeans({ old_wounds: 4, waiting: 4.5 })).map((p) => p.mechanism)).toEqual([
			'waiting',
			'old_wounds'
		]);
		expect(
			strongestPatterns(withMeans({ old_wounds: 4, waiting: 4.5, rumination: 3.5 })).map((p) => p.mechanism)
		).toEqual(['waiting', 'old_wounds', 'rumination']);
	});

	it('4 qualifying: the three strongest by default, all four with max 4, two with max 2', () => {
		const score = withMeans({ limiting_beliefs: 3.67, old_wounds: 4, waiting: 4.5, rumination: 3.5 });
		expect(strongestPatterns(score).map((p) => p.mechanism)).toEqual(['waiting', 'old_wounds', 'limiting_beliefs']);
		expect(strongestPatterns(score, { max: 4 }).map((p) => p.mechanism)).toEqual([
			'waiting',
			'old_wounds',
			'limiting_beliefs',
			'rumination'
		]);
		expect(strongestPatterns(score, { max: 2 }).map((p) => p.mechanism)).toEqual(['waiting', 'old_wounds']);
	});

	it('ties keep the canonical mechanism order, also at the cut', () => {
		const tied = withMeans({ underrated_community: 4, waiting: 4, fear_of_vulnerability: 4, old_wounds: 4 });
		expect(strongestPatterns(tied).map((p) => p.mechanism)).toEqual(['fear_of_vulnerability', 'waiting', 'old_wounds']);
		const mixed = withMeans({ underrated_community: 5, old_wounds: 4, self_sabotage: 4 });
		expect(strongestPatterns(mixed).map((p) => p.mechanism)).toEqual([
			'underrated_community',
			'self_sabotage',
			'old_wounds'
		]);
	});

	it('never names a mechanism without answers', () => {
		expect(strongestPatterns(withMeans({ waiting: null, rumination: 4 })).map((p) => p.mechanism)).toEqual([
			'rumination'
		]);
	});

	it('refuses a max below 2 or not a whole number, so two qualifying are always both named', () => {
		expect(() => strongestPatterns(withMeans({}), { max: 1 })).toThrow(RangeError);
		expect(() => strongestPatterns(withMeans({}), { max: 0 })).toThrow(/at least 2/);
		expect(() => strongestPatterns(withMeans({}), { max: 2.5 })).toThrow(RangeError);
		expect(() => strongestPatterns(withMeans({}), { max: Number.NaN })).toThrow(RangeError);
	});
});

describe('comparePatternChecks', () => {
	it.each([
		[3, 3.5, 'more'],
		[3, 3.49, 'same'],
		[3.5, 3, 'less'],
		[3.49, 3, 'same'],
		[4, 4, 'same'],
		[1, 5, 'more'],
		[5, 1, 'less'],
		// Means stored rounded to two decimals: 3.67 − 3.17 is 0.4999999999999996 in floating point.
		[3.17, 3.67, 'more'],
		[3.67, 3.17, 'less'],
		[3.17, 3.66, 'same']
	] as const)('%d -> %d is %s', (earlier, later, direction) => {
		const result = comparePatternChecks(withMeans({ waiting: earlier }), withMeans({ waiting: later }));
		expect(result.waiting.direction).toBe(direction);
		expect(result.waiting.earlier).toBe(earlier);
		expect(result.waiting.later).toBe(later);
		expect(result.waiting.change).toBeCloseTo(later - earlier, 12);
	});

	it('gives no change when either check has no mean for a mechanism', () => {
		const result = comparePatternChecks(withMeans({ waiting: 4, rumination: null }), withMeans({ waiting: null, rumination: 2 }));
		expect(result.waiting).toEqual({ earlier: 4, later: null, change: null, direction: null });
		expect(result.rumination).toEqual({ earlier: null, later: 2, change: null, direction: null });
		expect(result.old_wounds).toEqual({ earlier: null, later: null, change: null, direction: null });
	});

	it('covers every mechanism, in canonical order', () => {
		expect(Object.keys(comparePatternChecks(withMeans({}), withMeans({})))).toEqual([...mechanismIds]);
	});

	it('a worked example from two real checks', () => {
		const earlier = scorePatternCheck(answerAll('agree'));
		const later = scorePatternCheck({ ...answerAll('agree'), 2: 'neutral', 10: 'disagree', 22: 'neutral', 3: 'strongly_agree' });
		const result = comparePatternChecks(earlier, later);
		// fear: 4 -> (3 + 2 + 3) / 3 = 8/3, change −4/3.
		expect(result.fear_of_vulnerability.direction).toBe('less');
		expect(result.fear_of_vulnerability.change).toBeCloseTo(-4 / 3, 12);
		// rumination: 4 -> (5 + 4 + 4) / 3 = 13/3, change 1/3.
		expect(result.rumination.direction).toBe('same');
		expect(result.rumination.change).toBeCloseTo(1 / 3, 12);
		expect(result.waiting).toMatchObject({ change: 0, direction: 'same' });
	});
});
