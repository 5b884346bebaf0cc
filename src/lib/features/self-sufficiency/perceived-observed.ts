/**
 * Perceived beside observed: the client's own health web next to the professional's self-sufficiency rating
 * and the loneliness subscales, related items side by side, on one 0–10 scale where higher is better. Pure: no I/O.
 * - `perceivedObservedPairs`: which self-sufficiency domains stand beside which health-web dimension (see below).
 * - `unpairedDomains`: the domains without a health-web counterpart (shown on their own).
 * - `visibleDifference`: from how many points apart (0–10 scale) a pair is flagged.
 * - `subscaleOnTenScale(instrument, subscale, score)`: a loneliness subscale as 0–10, 10 = not lonely at all.
 * - `perceivedBesideObserved(input)`: the rows, with every visible difference flagged.
 *
 * The pairs follow what each dimension of the web is about (Positive Health, Huber et al.) and what each ZRM domain
 * covers; they are brug's choice, meant to start a conversation, not a validated mapping:
 * - bodily_functions ↔ physical_health
 * - mental_wellbeing ↔ mental_health
 * - meaningfulness ↔ time_use, work_education (having something to do that matters)
 * - quality_of_life ↔ finances, housing (getting by, a safe home)
 * - participation ↔ social_network, community_participation, domestic_relations (contact, belonging)
 * - daily_functioning ↔ basic_adl, instrumental_adl, time_use (looking after oneself and the household, a rhythm)
 * - substance_use and justice have no counterpart in the web.
 * Both loneliness subscales (emotional, social) stand beside participation, as context: they are the client's own
 * answers too, so they are shown but never flagged against the professional's rating.
 *
 * Scale: the web is 0–10 already; a level 1–5 becomes (level − 1) × 2.5 (0, 2.5, 5, 7.5, 10). A difference of 3 or
 * more points is visible: one level apart (2.5) never is on its own, and the worked example (participation 3 beside
 * social network level 4 = 7.5, 4.5 apart) is.
 */
import { getInstrument, type InstrumentId, type Subscale } from '$lib/features/instruments/instruments';
import { healthWebDimensions, type HealthWeb, type HealthWebDimension } from '$lib/features/health-web/health-web';
import {
	levelOnTenScale,
	selfSufficiencyDomains,
	type SelfSufficiencyDomain,
	type SelfSufficiencyLevel,
	type SelfSufficiencyRating
} from './domains';

export const perceivedObservedPairs: Record<HealthWebDimension, readonly SelfSufficiencyDomain[]> = {
	bodily_functions: ['physical_health'],
	mental_wellbeing: ['mental_health'],
	meaningfulness: ['time_use', 'work_education'],
	quality_of_life: ['finances', 'housing'],
	participation: ['social_network', 'community_participation', 'domestic_relations'],
	daily_functioning: ['basic_adl', 'instrumental_adl', 'time_use']
};

const paired = new Set(Object.values(perceivedObservedPairs).flat());
export const unpairedDomains: readonly SelfSufficiencyDomain[] = selfSufficiencyDomains.filter((id) => !paired.has(id));

/** Where the loneliness subscales stand, as context. */
const subscaleDimension: HealthWebDimension = 'participation';

export const visibleDifference = 3;

/** Client (perceived) higher or lower than the professional's rating (observed), by at least `visibleDifference`. */
export type DifferenceFlag = 'client_higher' | 'client_lower';

export interface ObservedItem {
	domain: SelfSufficiencyDomain;
	/** Null when the professional skipped the domain. */
	level: SelfSufficiencyLevel | null;
	/** The level on the 0–10 scale. */
	observed: number | null;
	/** perceived − observed; null when either is missing. */
	difference: number | null;
	flag: DifferenceFlag | null;
}

export interface SubscaleItem {
	instrument: InstrumentId;
	subscale: Subscale;
	score: number;
	max: number;
	/** 0–10, 10 = not lonely at all (higher is better, as on the web). */
	onTenScale: number;
}

export interface PerceivedObservedRow {
	dimension: HealthWebDimension;
	/** The client's score 0–10; null without a web. */
	perceived: number | null;
	/** The client marked it "hier wil ik over praten". */
	discuss: boolean;
	observed: ObservedItem[];
	/** Only beside participation. */
	loneliness: SubscaleItem[];
}

export interface LonelinessSubscales {
	instrument: InstrumentId;
	emotional: number | null;
	social: number | null;
}

export interface PerceivedObservedInput {
	/** The client's latest health web. */
	web: HealthWeb | null;
	/** The professional's latest rating. */
	rating: SelfSufficiencyRating | null;
	/** Subscales of the latest DJG measurement, if any (UCLA-3 has none). */
	loneliness?: LonelinessSubscales | null;
}

export interface PerceivedObserved {
	/** One per dimension, in web order. */
	rows: PerceivedObservedRow[];
	/** Domains without a counterpart in the web, with their level (null when skipped). */
	unpaired: { domain: SelfSufficiencyDomain; level: SelfSufficiencyLevel | null; observed: number | null }[];
	/** How many pairs are flagged. */
	flagged: number;
}

function round1(n: number): number {
	const rounded = Math.round(n * 10) / 10;
	return rounded === 0 ? 0 : rounded;
}

/** A subscale score as 0–10 where 10 is not lonely at all; null for an instrument without that subscale. */
export function subscaleOnTenScale(instrument: InstrumentId, subscale: Subscale, score: number): number | null {
	const def = getInstrument(instrument);
	const max = def?.items.filter((item) => item.subscale === subscale).length ?? 0;
	if (max === 0 || !(score >= 0 && score <= max)) return null;
	return round1(10 * (1 - score / max));
}

function subscaleItems(loneliness: LonelinessSubscales | null | undefined): SubscaleItem[] {
	if (!loneliness) return [];
	const def = getInstrument(loneliness.instrument);
	if (!def) return [];
	return def.subscales.flatMap((subscale) => {
		const score = loneliness[subscale];
		const onTenScale = score === null ? null : subscaleOnTenScale(def.id, subscale, score);
		if (score === null || onTenScale === null) return [];
		const max = def.items.filter((item) => item.subscale === subscale).length;
		return [{ instrument: def.id, subscale, score, max, onTenScale }];
	});
}

/** Each health-web dimension beside its paired domains (and participation beside the loneliness subscales). */
export function perceivedBesideObserved(input: PerceivedObservedInput): PerceivedObserved {
	const { web, rating } = input;
	const levelOf = (domain: SelfSufficiencyDomain): SelfSufficiencyLevel | null =>
		(rating && Object.hasOwn(rating, domain) ? rating[domain]?.level : null) ?? null;
	const marked = new Set(web?.discuss ?? []);
	const subscales = subscaleItems(input.loneliness);
	let flagged = 0;

	const rows = healthWebDimensions.map((dimension): PerceivedObservedRow => {
		const perceived = web ? web.scores[dimension] : null;
		const observed = perceivedObservedPairs[dimension].map((domain): ObservedItem => {
			const level = levelOf(domain);
			const onTen = level === null ? null : levelOnTenScale(level);
			const difference = perceived === null || onTen === null ? null : round1(perceived - onTen);
			const flag: DifferenceFlag | null =
				difference === null || Math.abs(difference) < visibleDifference ? null : difference > 0 ? 'client_higher' : 'client_lower';
			if (flag) flagged += 1;
			return { domain, level, observed: onTen, difference, flag };
		});
		return { dimension, perceived, discuss: marked.has(dimension), observed, loneliness: dimension === subscaleDimension ? subscales : [] };
	});

	return {
		rows,
		unpaired: unpairedDomains.map((domain) => {
			const level = levelOf(domain);
			return { domain, level, observed: level === null ? null : levelOnTenScale(level) };
		}),
		flagged
	};
}
