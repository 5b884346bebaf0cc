/**
 * The pattern check "Wat houdt mij eenzaam?": the statements as data, and pure scoring. No I/O.
 * A reflection tool, not a diagnosis: the result names patterns a person may recognise, never a test score.
 *
 * - `patternCheck`: the definition (title, intro, statements in presentation order, agreement options).
 * - `statementPoints(statement, optionId)`: the 1–5 points one answer gives, reversed statements turned round.
 * - `scorePatternCheck(answers)`: per mechanism the mean (1–5, or null) and answered count; answered and missing counts.
 * - `hasEnoughAnswers(score)`: whether at least two thirds of the statements are answered, as needed for a result.
 * - `strongestPatterns(score, { max })`: mechanisms with a mean of at least 3.5, strongest first, at most `max`.
 * - `comparePatternChecks(earlier, later)`: per mechanism the change in mean, labelled 'less', 'same' or 'more'.
 * - `answerFieldName(number)`: the form field of a statement, `answer-<number>`.
 * Mechanism data (names, explanations, first steps) lives in `./mechanisms` and is re-exported here.
 */
import type { Localized } from '$lib/features/instruments/instrument-types';
import { mechanismIds, type MechanismId } from './mechanisms';
import { statementsInOrder } from './pattern-statements';

export * from './mechanisms';
export { locales, type Locale } from '$lib/features/instruments/instrument-types';
export type { Localized };

export const agreementOptionIds = [
	'strongly_disagree',
	'disagree',
	'neutral',
	'agree',
	'strongly_agree'
] as const;
export type AgreementOptionId = (typeof agreementOptionIds)[number];

export interface AgreementOption {
	id: AgreementOptionId;
	label: Localized;
	/** 1 (strongly disagree) .. 5 (strongly agree). */
	value: number;
}

export interface PatternStatement {
	/** 1..N, equal to the position in presentation order. */
	number: number;
	mechanism: MechanismId;
	/** First person, brug's own wording. */
	text: Localized;
	/** Agreeing means the mechanism plays less of a part, so the points are turned round (6 − value). */
	reversed: boolean;
}

export interface PatternCheckDefinition {
	id: 'pattern-check';
	/** Stored with every saved result. */
	version: string;
	title: Localized;
	/** Says that it is a reflection tool, not a diagnosis or a test score. */
	intro: Localized;
	/** In presentation order; mechanisms are mixed, never two of the same in a row. */
	statements: PatternStatement[];
	options: AgreementOption[];
	/** Shown with every result. */
	resultNote: Localized;
	/** Shown when no mechanism reaches the threshold. */
	noPatternStandsOut: Localized;
}

/** Statement number -> option id. An unanswered statement is absent (or undefined). */
export type PatternAnswers = Partial<Record<number, AgreementOptionId>>;

export interface MechanismScore {
	/** Mean points over the answered statements, 1..5 (unrounded); null when none was answered. */
	mean: number | null;
	answered: number;
	/** How many statements the mechanism has. */
	statements: number;
}

export interface PatternCheckScore {
	check: 'pattern-check';
	version: string;
	mechanisms: Record<MechanismId, MechanismScore>;
	answered: number;
	missing: number;
}

export interface StrongPattern {
	mechanism: MechanismId;
	mean: number;
}

export type ChangeDirection = 'less' | 'same' | 'more';

export interface MechanismChange {
	earlier: number | null;
	later: number | null;
	/** later − earlier; null when either mean is null. */
	change: number | null;
	/** null when either mean is null. */
	direction: ChangeDirection | null;
}

/** A mean at or above this counts as a pattern that plays a part ("agree" on average, leaning to it). */
export const patternThreshold = 3.5;
/** A change in mean of at least this (either way) counts as 'less' or 'more'; smaller is 'same'. */
export const changeThreshold = 0.5;
/**
 * Means may come back from storage rounded (3.67 − 3.17 gives 0.4999999999999996 in floating point), so the
 * thresholds are compared with this margin.
 */
const tolerance = 1e-9;

export const agreementOptions: AgreementOption[] = [
	{ id: 'strongly_disagree', label: { nl: 'helemaal niet mee eens', en: 'strongly disagree' }, value: 1 },
	{ id: 'disagree', label: { nl: 'niet mee eens', en: 'disagree' }, value: 2 },
	{ id: 'neutral', label: { nl: 'neutraal', en: 'neutral' }, value: 3 },
	{ id: 'agree', label: { nl: 'mee eens', en: 'agree' }, value: 4 },
	{ id: 'strongly_agree', label: { nl: 'helemaal mee eens', en: 'strongly agree' }, value: 5 }
];


export const patternCheck: PatternCheckDefinition = {
	id: 'pattern-check',
	version: '1',
	title: { nl: 'Wat houdt mij eenzaam?', en: 'What keeps me lonely?' },
	intro: {
		nl: 'Hieronder staan korte uitspraken. Geef bij elke uitspraak aan hoeveel je het ermee eens bent. Er zijn geen goede of foute antwoorden, en je mag een uitspraak overslaan. Daarna zie je welke patronen nu misschien een rol spelen bij jou, en wat je kunt proberen. Dit is een hulpmiddel om over jezelf na te denken. Het is geen diagnose en geen test met een cijfer.',
		en: 'Below are short statements. For each one, say how much you agree with it. There are no right or wrong answers, and you may skip a statement. Afterwards, you will see which patterns may play a part for you right now, and what you can try. This is a tool to help you reflect on yourself. It is not a diagnosis and not a test with a score.'
	},
	statements: statementsInOrder.map((statement, index) => ({
		number: index + 1,
		mechanism: statement.mechanism,
		text: statement.text,
		reversed: statement.reversed ?? false
	})),
	options: agreementOptions,
	resultNote: {
		nl: 'Dit is geen diagnose. Het laat zien hoe jij nu naar jezelf kijkt. Patronen kunnen veranderen. Doe de check later nog eens, dan kun je vergelijken.',
		en: 'This is not a diagnosis. It shows how you see yourself right now. Patterns can change. Do the check again later, and you can compare.'
	},
	noPatternStandsOut: {
		nl: 'Er springt nu geen patroon duidelijk uit. Dat is heel gewoon: eenzaamheid heeft niet altijd één oorzaak. Kijk gerust bij de oefeningen wat jou aanspreekt.',
		en: 'No pattern clearly stands out right now. That is quite normal: loneliness does not always have one cause. Feel free to look at the exercises and see what appeals to you.'
	}
};

/** The form field of a statement: `answer-<number>`. */
export const answerFieldPrefix = 'answer-';
export function answerFieldName(statementNumber: number): string {
	return `${answerFieldPrefix}${statementNumber}`;
}

/** At least two thirds of the statements must be answered to get a result. */
export const minimumAnswered = Math.ceil((2 * patternCheck.statements.length) / 3);

const valueByOption: ReadonlyMap<string, number> = new Map(agreementOptions.map((option) => [option.id, option.value]));
const statementByKey: ReadonlyMap<string, PatternStatement> = new Map(
	patternCheck.statements.map((statement) => [String(statement.number), statement])
);

/** Points (1..5) for one answer; reversed statements give 6 − value. Throws on an unknown option. */
export function statementPoints(statement: PatternStatement, optionId: string): number {
	const value = valueByOption.get(optionId);
	if (value === undefined) {
		throw new Error(
			`pattern-check statement ${statement.number}: unknown option "${optionId}" (allowed: ${agreementOptionIds.join(', ')})`
		);
	}
	return statement.reversed ? 6 - value : value;
}

/**
 * Per mechanism the mean points over its answered statements and how many were answered, plus overall counts.
 * Unanswered statements are left out of a mean, not counted as neutral. Throws on an unknown statement or
 * option: callers validate with the schema first.
 */
export function scorePatternCheck(answers: PatternAnswers): PatternCheckScore {
	for (const key of Object.keys(answers)) {
		if (!statementByKey.has(key)) throw new Error(`pattern-check: unknown statement "${key}"`);
	}

	const totals = new Map<MechanismId, { sum: number; answered: number; statements: number }>(
		mechanismIds.map((id) => [id, { sum: 0, answered: 0, statements: 0 }])
	);
	let answered = 0;
	for (const statement of patternCheck.statements) {
		const total = totals.get(statement.mechanism)!;
		total.statements += 1;
		const optionId = answers[statement.number];
		if (optionId === undefined) continue;
		total.sum += statementPoints(statement, optionId);
		total.answered += 1;
		answered += 1;
	}

	const byMechanism = {} as Record<MechanismId, MechanismScore>;
	for (const id of mechanismIds) {
		const total = totals.get(id)!;
		byMechanism[id] = {
			mean: total.answered === 0 ? null : total.sum / total.answered,
			answered: total.answered,
			statements: total.statements
		};
	}

	return {
		check: patternCheck.id,
		version: patternCheck.version,
		mechanisms: byMechanism,
		answered,
		missing: patternCheck.statements.length - answered
	};
}

/** Whether at least two thirds of the statements are answered, as needed for a result. */
export function hasEnoughAnswers(score: Pick<PatternCheckScore, 'answered'>): boolean {
	return score.answered >= minimumAnswered;
}

/**
 * The mechanisms whose mean is at least 3.5, strongest first, ties in canonical mechanism order, at most `max`.
 * `max` must be an integer of at least 2, so that when two patterns qualify both are always named.
 * Empty when none qualifies; a mechanism without answers never qualifies.
 */
export function strongestPatterns(
	score: Pick<PatternCheckScore, 'mechanisms'>,
	{ max = 3 }: { max?: number } = {}
): StrongPattern[] {
	if (!Number.isInteger(max) || max < 2) {
		throw new RangeError(`strongestPatterns: max must be an integer of at least 2, got ${max}`);
	}
	const qualifying: StrongPattern[] = [];
	for (const mechanism of mechanismIds) {
		const mean = score.mechanisms[mechanism].mean;
		if (mean !== null && mean >= patternThreshold - tolerance) qualifying.push({ mechanism, mean });
	}
	// Array.prototype.sort is stable, so equal means keep the canonical order they were pushed in.
	return qualifying.sort((a, b) => b.mean - a.mean).slice(0, max);
}

/**
 * Per mechanism the change in mean from an earlier to a later check: 'more' or 'less' when it moved by at least
 * 0.5, else 'same'; no change when either mean is missing. Only the means are compared, so results of another
 * version of the check (same 1..5 scale, same mechanisms) can be compared too.
 */
export function comparePatternChecks(
	earlier: Pick<PatternCheckScore, 'mechanisms'>,
	later: Pick<PatternCheckScore, 'mechanisms'>
): Record<MechanismId, MechanismChange> {
	const changes = {} as Record<MechanismId, MechanismChange>;
	for (const id of mechanismIds) {
		const before = earlier.mechanisms[id].mean;
		const after = later.mechanisms[id].mean;
		if (before === null || after === null) {
			changes[id] = { earlier: before, later: after, change: null, direction: null };
			continue;
		}
		const change = after - before;
		const direction: ChangeDirection =
			change >= changeThreshold - tolerance ? 'more' : change <= -changeThreshold + tolerance ? 'less' : 'same';
		changes[id] = { earlier: before, later: after, change, direction };
	}
	return changes;
}
