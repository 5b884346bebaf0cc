/**
 * Types for brug's measurement instruments, kept apart from the definitions and the scoring so that
 * `djg-11.ts`, `djg-6.ts` and `ucla-3.ts` can import them without importing the registry (no import cycle).
 * Import from `./instruments` elsewhere; it re-exports everything here.
 */

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export type Localized = Record<Locale, string>;

export type InstrumentId = 'djg-11' | 'djg-6' | 'ucla-3';
export type LonelinessBand = 'not_lonely' | 'moderately_lonely' | 'severely_lonely' | 'very_severely_lonely';
export type Subscale = 'emotional' | 'social';

/**
 * How missing answers are handled; the scoring switches on this id.
 * - `all_items_required`: no total unless every item is answered (DJG-11: brug's rule; UCLA-3).
 * - `at_most_one_missing`: DJG-6 manual syntax, total over the answered items when at most one is missing.
 * In both, a subscale is only given when all of its items are answered.
 */
export type MissingRuleId = 'all_items_required' | 'at_most_one_missing';

export interface AnswerOption {
	id: string;
	label: Localized;
}

export interface InstrumentItem {
	/** Item number as in the reference (DJG-6 keeps the DJG-11 numbers 3, 4, 7, 8, 9, 10). */
	number: number;
	/** Exact published wording (UCLA-3 Dutch: brug's own translation, see `translationNote`). */
	text: Localized;
	/** `null` for UCLA-3, which has no subscales. */
	subscale: Subscale | null;
	/** `frequency` = UCLA-3 (1..3 points); DJG items are `positive` or `negative`. */
	direction: 'positive' | 'negative' | 'frequency';
}

export interface BandDefinition {
	id: LonelinessBand;
	min: number;
	max: number;
	label: Localized;
}

export interface InstrumentDefinition {
	id: InstrumentId;
	/** Stored with every measurement. */
	version: string;
	title: Localized;
	/** DJG lead-in adapted to "je" for brug; the item wording itself is untouched. */
	leadIn: Localized;
	/** In presentation order (DJG-6 uses the CBS order 3, 4, 7, 9, 8, 10). */
	items: InstrumentItem[];
	/** DJG: yes / more_or_less / no; UCLA-3: hardly_ever / some_of_the_time / often. */
	options: AnswerOption[];
	totalRange: { min: number; max: number };
	/** `[]` for UCLA-3. */
	subscales: Subscale[];
	/** `[]` for UCLA-3. */
	bands: BandDefinition[];
	/** UCLA-3: the ">= 6" threshold, shown as an indication only (disputed origin), never as a band. */
	indication?: { threshold: number; label: Localized; note: Localized };
	missingRule: { id: MissingRuleId; description: Localized };
	citation: { text: string; url?: string; terms: Localized };
	/** UCLA-3: the Dutch wording is brug's own translation, not validated. */
	translationNote?: Localized;
}

export interface InstrumentScore {
	instrument: InstrumentId;
	version: string;
	total: number | null;
	/** `null` for instruments without subscales (UCLA-3). */
	subscales: { emotional: number | null; social: number | null } | null;
	band: LonelinessBand | null;
	answered: number;
	/** Item numbers not answered, ascending. */
	missing: number[];
}

/** Item number -> option id. An unanswered item is absent (or undefined). */
export type Answers = Partial<Record<number, string>>;
