/**
 * What a loneliness result means for this person, as ids the page turns into kind words. Pure.
 * - `emphasisOf(score)`: whether the answers point mostly to emotional loneliness, social loneliness, both, or neither.
 * - `nextStepsFor(score)`: two or three concrete next steps that fit the band and the subscales.
 * - `needsProminentHelp(band)`: whether the calm, prominent help block is shown.
 * - `nextStepPaths`: the page (route path) where each next step can be done: an exercise, a small step or help.
 */
import type { InstrumentScore, LonelinessBand } from '$lib/features/instruments/instruments';

export type Emphasis = 'emotional' | 'social' | 'both' | 'neither';

export type NextStepId =
	| 'keep_what_works'
	| 'be_there_for_someone'
	| 'notice_kindness'
	| 'one_honest_sentence'
	| 'plan_one_to_one'
	| 'greet_by_name'
	| 'same_place_routine'
	| 'join_something_weekly'
	| 'talk_to_someone'
	| 'two_minutes_for_yourself';

export interface SubscaleCounts {
	emotional: number;
	social: number;
}

/** Maximum points per subscale for the DJG scales (DJG-11: 6 and 5; DJG-6: 3 and 3). */
export function subscaleMaxima(instrument: InstrumentScore['instrument']): SubscaleCounts {
	return instrument === 'djg-6' ? { emotional: 3, social: 3 } : { emotional: 6, social: 5 };
}

/**
 * Both subscales at half or more of their statements in the lonely direction: both. Otherwise the larger share
 * decides, and equal shares mean both.
 */
export function emphasisOf(score: InstrumentScore): Emphasis {
	const emotional = score.subscales?.emotional;
	const social = score.subscales?.social;
	if (emotional == null || social == null) return 'neither';
	if (emotional === 0 && social === 0) return 'neither';
	const max = subscaleMaxima(score.instrument);
	const emotionalShare = emotional / max.emotional;
	const socialShare = social / max.social;
	if (emotionalShare >= 0.5 && socialShare >= 0.5) return 'both';
	if (emotionalShare === socialShare) return 'both';
	return emotionalShare > socialShare ? 'emotional' : 'social';
}

const severeBands: ReadonlySet<LonelinessBand> = new Set(['severely_lonely', 'very_severely_lonely']);

export function needsProminentHelp(band: LonelinessBand | null): boolean {
	return band !== null && severeBands.has(band);
}

const stepsForEmphasis: Record<Emphasis, NextStepId[]> = {
	emotional: ['one_honest_sentence', 'plan_one_to_one', 'notice_kindness'],
	social: ['greet_by_name', 'same_place_routine', 'join_something_weekly'],
	both: ['one_honest_sentence', 'greet_by_name', 'notice_kindness'],
	neither: ['notice_kindness', 'greet_by_name', 'plan_one_to_one']
};

/**
 * Next steps. Not lonely: keep what works. Moderately lonely: small steps aimed at the subscale that stands out.
 * Severely lonely: first talk to someone (tips alone are hard to follow then), then one tiny step and self-kindness.
 */
export function nextStepsFor(score: InstrumentScore): NextStepId[] {
	const emphasis = emphasisOf(score);
	switch (score.band) {
		case 'not_lonely':
			return ['keep_what_works', emphasis === 'social' ? 'greet_by_name' : 'be_there_for_someone', 'notice_kindness'];
		case 'moderately_lonely':
			return stepsForEmphasis[emphasis];
		case 'severely_lonely':
		case 'very_severely_lonely':
			return [
				'talk_to_someone',
				emphasis === 'social' ? 'greet_by_name' : 'one_honest_sentence',
				'two_minutes_for_yourself'
			];
		default:
			return [];
	}
}

/** Each next step leads to where it can be done, so a suggestion is one tap away. */
export const nextStepPaths: Record<NextStepId, string> = {
	keep_what_works: '/stappen#plan-coffee',
	be_there_for_someone: '/stappen#send-a-message-to-a-friend',
	notice_kindness: '/oefeningen/kind-moments',
	one_honest_sentence: '/oefeningen/one-honest-sentence',
	plan_one_to_one: '/stappen#plan-a-walk-together',
	greet_by_name: '/oefeningen/greet-by-name',
	same_place_routine: '/stappen#same-cafe',
	join_something_weekly: '/stappen#join-a-weekly-group',
	talk_to_someone: '/hulp',
	two_minutes_for_yourself: '/oefeningen/breathing'
};
