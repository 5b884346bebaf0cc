/**
 * The self-sufficiency rating, after the Zelfredzaamheid-Matrix (ZRM 2017): a professional rates, in
 * conversation with the client and about roughly the last 30 days, how self-sufficient the client is per domain.
 * Pure: no I/O.
 * - `selfSufficiencyDomains`, `domainDefinitions`: the 13 domains in ZRM order, with names and brug's own hint.
 * - `selfSufficiencyLevels`, `levelLabels`: the five levels, 1 (acute problem) to 5 (completely self-sufficient);
 *   `levelHeadings`: their words with soft hyphens, for narrow column heads.
 * - `strengthSources`, `strengthSourceLabels`: where the strength comes from (after the "Krachtenwijzer").
 * - `domainHistory(ratings)`: per domain, the dated levels of a client's ratings, oldest first.
 * - `sameRating(a, b)`: whether two ratings say the same (levels, sources and notes), e.g. a second click on save.
 * - `latestLevels(ratings)`: per domain the newest level given, with its day, to show beside a new rating.
 *
 * The matrix's cell descriptions are © GGD Amsterdam and need their licence: brug stores levels only, and its hints
 * say what a domain is about, never what a level means in it.
 */
import type { Localized } from '$lib/features/instruments/instrument-types';

export const selfSufficiencyDomains = [
	'finances',
	'work_education',
	'time_use',
	'housing',
	'domestic_relations',
	'mental_health',
	'physical_health',
	'substance_use',
	'basic_adl',
	'instrumental_adl',
	'social_network',
	'community_participation',
	'justice'
] as const;
export type SelfSufficiencyDomain = (typeof selfSufficiencyDomains)[number];

export const selfSufficiencyLevels = [1, 2, 3, 4, 5] as const;
export type SelfSufficiencyLevel = (typeof selfSufficiencyLevels)[number];

export const strengthSources = ['own', 'network', 'professional'] as const;
export type StrengthSource = (typeof strengthSources)[number];

export interface DomainDefinition {
	id: SelfSufficiencyDomain;
	name: Localized;
	/** brug's own one-line description of what the domain covers; generic, for every level. */
	hint: Localized;
}

const domain = (id: SelfSufficiencyDomain, name: Localized, hint: Localized): DomainDefinition => ({ id, name, hint });

export const domainDefinitions: Record<SelfSufficiencyDomain, DomainDefinition> = {
	finances: domain('finances', { nl: 'Financiën', en: 'Finances' }, {
		nl: 'Inkomen, vaste lasten en eventuele schulden, en hoe iemand daarmee omgaat.',
		en: 'Income, regular costs and any debts, and how someone handles them.'
	}),
	work_education: domain('work_education', { nl: 'Werk & opleiding', en: 'Work and education' }, {
		nl: 'Betaald werk, vrijwilligerswerk, een opleiding of een andere vaste bezigheid.',
		en: 'Paid work, volunteering, education or another regular occupation.'
	}),
	time_use: domain('time_use', { nl: 'Tijdsbesteding', en: 'Time use' }, {
		nl: 'Hoe iemand de dagen en weken invult, en of daar een ritme in zit.',
		en: 'How someone fills their days and weeks, and whether there is a rhythm to them.'
	}),
	housing: domain('housing', { nl: 'Huisvesting', en: 'Housing' }, {
		nl: 'Een eigen, veilige en passende plek om te wonen.',
		en: 'A safe and suitable place of one’s own to live.'
	}),
	domestic_relations: domain('domestic_relations', { nl: 'Huiselijke relaties', en: 'Domestic relations' }, {
		nl: 'De relaties met de mensen met wie iemand samenwoont of een gezin vormt.',
		en: 'Relationships with the people someone lives with or forms a family with.'
	}),
	mental_health: domain('mental_health', { nl: 'Geestelijke gezondheid', en: 'Mental health' }, {
		nl: 'Hoe het gaat met iemands stemming, gedachten en gevoelens, ook met psychische klachten.',
		en: 'How someone’s mood, thoughts and feelings are doing, including any mental-health complaints.'
	}),
	physical_health: domain('physical_health', { nl: 'Lichamelijke gezondheid', en: 'Physical health' }, {
		nl: 'Hoe het gaat met iemands lichaam, ook met ziekte of een beperking.',
		en: 'How someone’s body is doing, including any illness or disability.'
	}),
	substance_use: domain('substance_use', { nl: 'Middelengebruik', en: 'Substance use' }, {
		nl: 'Gebruik van alcohol, drugs of medicijnen, en wat dat doet met het dagelijks leven.',
		en: 'Use of alcohol, drugs or medicines, and what it does to daily life.'
	}),
	basic_adl: domain('basic_adl', { nl: 'Basale ADL', en: 'Basic ADL' }, {
		nl: 'Voor zichzelf zorgen: wassen, aankleden, eten en drinken, naar het toilet gaan.',
		en: 'Looking after oneself: washing, dressing, eating and drinking, using the toilet.'
	}),
	instrumental_adl: domain('instrumental_adl', { nl: 'Instrumentele ADL', en: 'Instrumental ADL' }, {
		nl: 'Het huishouden en praktische zaken: boodschappen, koken, schoonmaken, post en afspraken.',
		en: 'The household and practical matters: shopping, cooking, cleaning, post and appointments.'
	}),
	social_network: domain('social_network', { nl: 'Sociaal netwerk', en: 'Social network' }, {
		nl: 'Familie, vrienden en kennissen: mensen met wie iemand contact heeft en op wie iemand kan terugvallen.',
		en: 'Family, friends and acquaintances: people someone is in touch with and can fall back on.'
	}),
	community_participation: domain('community_participation', { nl: 'Maatschappelijke participatie', en: 'Community participation' }, {
		nl: 'Meedoen in de buurt en de samenleving, bijvoorbeeld bij een club, vereniging of buurthuis.',
		en: 'Taking part in the neighbourhood and society, for example in a club, association or community centre.'
	}),
	justice: domain('justice', { nl: 'Justitie', en: 'Justice' }, {
		nl: 'Contact met politie of justitie, zoals een boete, een rechtszaak of een straf.',
		en: 'Contact with the police or the justice system, such as a fine, a court case or a sentence.'
	})
};

/** The five levels as the ZRM 2017 names them. */
export const levelLabels: Record<SelfSufficiencyLevel, Localized> = {
	1: { nl: 'acute problematiek', en: 'acute problem' },
	2: { nl: 'niet zelfredzaam', en: 'not self-sufficient' },
	3: { nl: 'beperkt zelfredzaam', en: 'barely self-sufficient' },
	4: { nl: 'voldoende zelfredzaam', en: 'adequately self-sufficient' },
	5: { nl: 'volledig zelfredzaam', en: 'completely self-sufficient' }
};

/**
 * The same words with the places a word may break (soft hyphens, U+00AD), for the grid's narrow column heads: there a
 * browser without a hyphenation dictionary (Chromium on Linux has none) would break "zelfredzaam" anywhere. Shown
 * only; names and labels keep `levelLabels`, so search and screen readers meet whole words.
 */
export const levelHeadings: Record<SelfSufficiencyLevel, Localized> = {
	1: { nl: 'acute pro\u00adble\u00adma\u00adtiek', en: 'acute prob\u00adlem' },
	2: { nl: 'niet zelf\u00adred\u00adzaam', en: 'not self-suf\u00adfi\u00adcient' },
	3: { nl: 'be\u00adperkt zelf\u00adred\u00adzaam', en: 'barely self-suf\u00adfi\u00adcient' },
	4: { nl: 'vol\u00addoen\u00adde zelf\u00adred\u00adzaam', en: 'ade\u00adquate\u00adly self-suf\u00adfi\u00adcient' },
	5: { nl: 'vol\u00adle\u00addig zelf\u00adred\u00adzaam', en: 'com\u00adplete\u00adly self-suf\u00adfi\u00adcient' }
};

export const strengthSourceLabels: Record<StrengthSource, Localized> = {
	own: { nl: 'eigen kracht', en: 'own strength' },
	network: { nl: 'netwerk', en: 'network' },
	professional: { nl: 'professionele hulp', en: 'professional help' }
};

/** One domain in one rating: a level unless the domain was skipped (a note alone is allowed). */
export interface DomainRating {
	level: SelfSufficiencyLevel | null;
	source: StrengthSource | null;
	note: string | null;
}

/** The rated domains of one rating; a skipped domain is absent. */
export type SelfSufficiencyRating = Partial<Record<SelfSufficiencyDomain, DomainRating>>;

/** A stored rating as the history needs it. */
export interface DatedRating {
	/** The day (YYYY-MM-DD) or instant (ISO 8601) of the conversation; one format per list, so they sort as text. */
	ratedOn: string;
	domains: SelfSufficiencyRating;
}

export interface DomainHistoryEntry {
	ratedOn: string;
	level: SelfSufficiencyLevel;
	source: StrengthSource | null;
}

export interface DomainHistory {
	domain: SelfSufficiencyDomain;
	/** Oldest first; only ratings that gave this domain a level. */
	entries: DomainHistoryEntry[];
}

/** Per domain in ZRM order (all 13, an unrated one with no entries): its dated levels, oldest first. */
export function domainHistory(ratings: readonly DatedRating[]): DomainHistory[] {
	// A stable sort: two ratings on the same day keep the order they came in.
	const ordered = [...ratings].sort((a, b) => (a.ratedOn < b.ratedOn ? -1 : a.ratedOn > b.ratedOn ? 1 : 0));
	return selfSufficiencyDomains.map((id) => ({
		domain: id,
		entries: ordered.flatMap((rating) => {
			const rated = Object.hasOwn(rating.domains, id) ? rating.domains[id] : undefined;
			return rated?.level ? [{ ratedOn: rating.ratedOn, level: rated.level, source: rated.source }] : [];
		})
	}));
}

/** Whether two ratings give every domain the same level, source and note (a skipped domain equals an absent one). */
export function sameRating(a: SelfSufficiencyRating, b: SelfSufficiencyRating): boolean {
	return selfSufficiencyDomains.every((id) => {
		const x = Object.hasOwn(a, id) ? a[id] : undefined;
		const y = Object.hasOwn(b, id) ? b[id] : undefined;
		return (x?.level ?? null) === (y?.level ?? null) && (x?.source ?? null) === (y?.source ?? null) && (x?.note || null) === (y?.note || null);
	});
}

/** Per domain, the newest level any rating gave it and when (a later rating that skipped it does not hide it). */
export function latestLevels(ratings: readonly DatedRating[]): Partial<Record<SelfSufficiencyDomain, DomainHistoryEntry>> {
	const latest: Partial<Record<SelfSufficiencyDomain, DomainHistoryEntry>> = {};
	for (const { domain, entries } of domainHistory(ratings)) {
		const last = entries.at(-1);
		if (last) latest[domain] = last;
	}
	return latest;
}

/** A level (1–5) as 0–10, so it can stand beside a score on a 0–10 scale: 1 → 0, 2 → 2.5, … 5 → 10. */
export function levelOnTenScale(level: SelfSufficiencyLevel): number {
	return (level - 1) * 2.5;
}

/** The longest note a rating may carry (here, without Zod, so the form's script can name it). */
export const ratingNoteMaxLength = 500;
