/**
 * The health web: six dimensions a person rates 0–10 and talks about, after the concept of Positive Health
 * (Huber et al., 2011). A conversation tool, not a measurement. Pure: no I/O.
 * - `healthWebDimensions`, `healthWebDefinitions`: the six dimensions in web order, with names and brug's own prompts.
 * - `healthWebTitle`, `healthWebCredit`, `healthWebScaleEnds`: the words around the web, as data.
 * - `compareWebs(previous, current)`: per dimension, the change from the previous web to the current one.
 * - `sameWeb(a, b)`: whether two webs have the same scores and marks, e.g. a second click on save.
 * - `discussFirst(web)`: the dimensions with their score, the ones marked "hier wil ik over praten" first.
 *
 * The prompts are brug's own words. The official questionnaire's item texts are © iPH and are never copied here.
 */

import type { Localized } from '$lib/features/instruments/instrument-types';

/** Clockwise from the top of the web, in the order of the Positive Health concept. */
export const healthWebDimensions = [
	'bodily_functions',
	'mental_wellbeing',
	'meaningfulness',
	'quality_of_life',
	'participation',
	'daily_functioning'
] as const;
export type HealthWebDimension = (typeof healthWebDimensions)[number];

export const healthWebScoreMin = 0;
export const healthWebScoreMax = 10;

/** One score 0–10 per dimension. */
export type HealthWebScores = Record<HealthWebDimension, number>;

/** A filled-in web: the scores and the dimensions the person wants to talk about (in web order). */
export interface HealthWeb {
	scores: HealthWebScores;
	discuss: HealthWebDimension[];
}

export interface HealthWebDimensionDefinition {
	id: HealthWebDimension;
	name: Localized;
	/** brug's own short question, B1 Dutch with "je"; answered with one score 0–10. */
	prompt: Localized;
}

export const healthWebDefinitions: Record<HealthWebDimension, HealthWebDimensionDefinition> = {
	bodily_functions: {
		id: 'bodily_functions',
		name: { nl: 'Lichaamsfuncties', en: 'Bodily functions' },
		prompt: {
			nl: 'Hoe gaat het met je lichaam? Denk aan je energie en hoe je je lichamelijk voelt.',
			en: 'How is your body doing? Think of your energy and how you feel physically.'
		}
	},
	mental_wellbeing: {
		id: 'mental_wellbeing',
		name: { nl: 'Mentaal welbevinden', en: 'Mental well-being' },
		prompt: {
			nl: 'Hoe gaat het met je gevoel en je gedachten?',
			en: 'How are you doing in your feelings and your thoughts?'
		}
	},
	meaningfulness: {
		id: 'meaningfulness',
		name: { nl: 'Zingeving', en: 'Meaningfulness' },
		prompt: {
			nl: 'Hoe gaat het met de zin in je leven? Denk aan wat je belangrijk vindt en waar je naar uitkijkt.',
			en: 'How is the sense of meaning in your life? Think of what matters to you and what you look forward to.'
		}
	},
	quality_of_life: {
		id: 'quality_of_life',
		name: { nl: 'Kwaliteit van leven', en: 'Quality of life' },
		prompt: {
			nl: 'Hoe gaat het met je leven als geheel? Denk aan hoe tevreden je bent.',
			en: 'How is your life as a whole? Think of how content you are.'
		}
	},
	participation: {
		id: 'participation',
		name: { nl: 'Meedoen', en: 'Participation' },
		prompt: {
			nl: 'Hoe gaat het met meedoen? Denk aan contact met anderen en of je ergens bij hoort.',
			en: 'How is taking part going? Think of contact with others and belonging somewhere.'
		}
	},
	daily_functioning: {
		id: 'daily_functioning',
		name: { nl: 'Dagelijks functioneren', en: 'Daily functioning' },
		prompt: {
			nl: 'Hoe gaat het met je dagelijkse dingen? Denk aan zorgen voor jezelf, je huis en je dag.',
			en: 'How are your everyday things going? Think of looking after yourself, your home and your day.'
		}
	}
};

/** Named neutrally: brug does not use the trademarked name of the official tool. */
export const healthWebTitle: Localized = { nl: 'Gezondheidsweb', en: 'Health web' };

/** What 0 and 10 mean, for every dimension. */
export const healthWebScaleEnds: { low: Localized; high: Localized } = {
	low: { nl: 'heel slecht', en: 'very poor' },
	high: { nl: 'heel goed', en: 'very good' }
};

export const healthWebCredit: Localized = {
	nl: 'Het Gezondheidsweb is gebaseerd op het idee van Positieve Gezondheid (Huber e.a., 2011). Het is een hulpmiddel voor een gesprek, geen test. De vragen zijn van brug zelf.',
	en: 'The health web is based on the concept of Positive Health (Huber et al., 2011). It is a tool for a conversation, not a test. The questions are brug’s own.'
};

export interface DimensionChange {
	dimension: HealthWebDimension;
	/** Null when there is no previous web. */
	previous: number | null;
	current: number;
	/** current − previous: negative is a drop. Null without a previous web. */
	change: number | null;
}

/** Per dimension in web order: the previous score, the current one and the change (current − previous). */
export function compareWebs(previous: HealthWebScores | null, current: HealthWebScores): DimensionChange[] {
	return healthWebDimensions.map((dimension) => {
		const before = previous ? previous[dimension] : null;
		const now = current[dimension];
		return { dimension, previous: before, current: now, change: before === null ? null : now - before };
	});
}

export interface DiscussEntry {
	dimension: HealthWebDimension;
	score: number;
	discuss: boolean;
}

/**
 * The dimensions for the conversation: those the person marked first, then the others, each group in web order.
 * The person's own marks lead; scores do not reorder anything (a low score is not a problem to be fixed first).
 */
export function discussFirst(web: HealthWeb): DiscussEntry[] {
	const marked = new Set(web.discuss);
	const entries = healthWebDimensions.map((dimension) => ({
		dimension,
		score: web.scores[dimension],
		discuss: marked.has(dimension)
	}));
	return [...entries.filter((entry) => entry.discuss), ...entries.filter((entry) => !entry.discuss)];
}

/** Whether two webs have the same six scores and mark the same dimensions (in any order). */
export function sameWeb(a: HealthWeb, b: HealthWeb): boolean {
	return (
		healthWebDimensions.every((d) => a.scores[d] === b.scores[d]) &&
		healthWebDimensions.every((d) => a.discuss.includes(d) === b.discuss.includes(d))
	);
}
