/**
 * The pattern check in one language, for pages: the questionnaire, and a result with the strongest patterns.
 * - `localizePatternCheck(locale)`: title, intro, statements and options as plain strings.
 * - `describeStrongestPatterns(score, locale, exercisesFor)`: each strong pattern with its name, explanation, first
 *   step and the exercises that help with it (from content front matter).
 */
import type { Locale } from '$lib/paraglide/runtime';
import { mechanisms, patternCheck, strongestPatterns, type MechanismId, type PatternCheckScore } from './pattern-check';

export function localizePatternCheck(locale: Locale) {
	return {
		title: patternCheck.title[locale],
		leadIn: patternCheck.intro[locale],
		items: patternCheck.statements.map((s) => ({ number: s.number, text: s.text[locale] })),
		options: patternCheck.options.map((o) => ({ id: o.id, label: o.label[locale] })),
		resultNote: patternCheck.resultNote[locale],
		noPatternStandsOut: patternCheck.noPatternStandsOut[locale]
	};
}

export interface PatternResultView {
	mechanism: MechanismId;
	name: string;
	explanation: string;
	firstStep: string;
	exercises: { id: string; title: string }[];
}

export function describeStrongestPatterns(
	score: PatternCheckScore,
	locale: Locale,
	exercisesFor: (mechanism: MechanismId) => { id: string; title: string }[]
): PatternResultView[] {
	return strongestPatterns(score).map(({ mechanism }) => ({
		mechanism,
		name: mechanisms[mechanism].name[locale],
		explanation: mechanisms[mechanism].explanation[locale],
		firstStep: mechanisms[mechanism].firstStep[locale],
		exercises: exercisesFor(mechanism)
	}));
}
