/**
 * An instrument definition in one language, for pages and the JSON API. Pure.
 * - `localizeInstrument(def, locale)`: texts resolved to one locale; scoring data kept as is.
 */
import type { InstrumentDefinition, Locale } from './instrument-types';

export interface LocalizedInstrument {
	id: string;
	version: string;
	locale: Locale;
	title: string;
	leadIn: string;
	items: { number: number; text: string; subscale: string | null; direction: string }[];
	options: { id: string; label: string }[];
	totalRange: { min: number; max: number };
	subscales: string[];
	bands: { id: string; min: number; max: number; label: string }[];
	indication: { threshold: number; label: string; note: string } | null;
	missingRule: { id: string; description: string };
	citation: { text: string; url: string | null; terms: string };
	translationNote: string | null;
}

export function localizeInstrument(def: InstrumentDefinition, locale: Locale): LocalizedInstrument {
	return {
		id: def.id,
		version: def.version,
		locale,
		title: def.title[locale],
		leadIn: def.leadIn[locale],
		items: def.items.map((item) => ({
			number: item.number,
			text: item.text[locale],
			subscale: item.subscale,
			direction: item.direction
		})),
		options: def.options.map((option) => ({ id: option.id, label: option.label[locale] })),
		totalRange: def.totalRange,
		subscales: [...def.subscales],
		bands: def.bands.map((band) => ({ id: band.id, min: band.min, max: band.max, label: band.label[locale] })),
		indication: def.indication
			? { threshold: def.indication.threshold, label: def.indication.label[locale], note: def.indication.note[locale] }
			: null,
		missingRule: { id: def.missingRule.id, description: def.missingRule.description[locale] },
		citation: { text: def.citation.text, url: def.citation.url ?? null, terms: def.citation.terms[locale] },
		translationNote: def.translationNote?.[locale] ?? null
	};
}
