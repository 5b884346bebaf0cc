/**
 * brug's canonical FHIR R4 Questionnaire resources for its loneliness instruments, generated from the instrument
 * definitions (never copied by hand, so wording, options and bands cannot drift from what people answered).
 *
 * - `fhirCanonicalBase(origin)`: the one base of every canonical URL below, under brug's public address.
 * - `questionnaireUrl(id, base)`, `answerCodeSystem(id, base)`, `bandCodeSystem(id, base)`: canonical identifiers
 *   per instrument.
 * - `questionnaireCanonical(def, base)`: `url|version`, what a QuestionnaireResponse points at.
 * - `scoreLinkIds`: linkIds of the read-only score items that follow the questions.
 * - `answerCoding(def, optionId, context)`, `bandCoding(def, bandId, context)`: the Codings the Questionnaire offers
 *   and a QuestionnaireResponse answers with (one function, so both always agree).
 * - `questionnaireFor(def, { locale, base })`: the Questionnaire for one instrument, in one primary language.
 * - `brugQuestionnaires({ locale, base })`: the Questionnaires of every instrument brug has.
 *
 * No published FHIR Questionnaire and no verified LOINC code exists for DJG-11, DJG-6 or UCLA-3,
 * so brug defines these resources, their URLs and its own code systems.
 */
import {
	instrumentIds,
	instruments,
	locales,
	type InstrumentDefinition,
	type InstrumentId,
	type Locale,
	type Localized,
	type Subscale
} from '$lib/features/instruments/instruments';
import type { Coding, Extension, PrimitiveElement, Questionnaire, QuestionnaireItem } from './fhir-types';

/**
 * Base of brug's canonical URLs: `<ORIGIN>/fhir`, so that each installation's resources are its own and a receiver
 * can tell which brug an export came from. A canonical URL is an identifier, not an address that is fetched:
 * receivers match `Questionnaire.url|version` literally, so an installation must keep its ORIGIN once exports have
 * left it (docs/decisions/021-fhir-export-identity.md). Only the origin counts: a path or trailing slash is dropped.
 */
export function fhirCanonicalBase(origin: string): string {
	return `${new URL(origin).origin}/fhir`;
}

/** What every canonical identifier and Coding needs: the page language and the canonical base. */
export interface FhirContext {
	locale: Locale;
	/** From `fhirCanonicalBase(origin)`. */
	base: string;
}

export const questionnaireUrl = (id: InstrumentId, base: string): string => `${base}/Questionnaire/${id}`;

/** brug's code system for an instrument's answer options; codes are the option ids (e.g. `more_or_less`). */
export const answerCodeSystem = (id: InstrumentId, base: string): string => `${base}/CodeSystem/${id}-answer`;

/** brug's code system for an instrument's bands; codes are the band ids (e.g. `moderately_lonely`). */
export const bandCodeSystem = (id: InstrumentId, base: string): string => `${base}/CodeSystem/${id}-band`;

export const questionnaireCanonical = (def: InstrumentDefinition, base: string): string =>
	`${questionnaireUrl(def.id, base)}|${def.version}`;

export const scoreLinkIds = {
	total: 'score-total',
	emotional: 'score-emotional',
	social: 'score-social',
	band: 'score-band'
} as const satisfies Record<Subscale | 'total' | 'band', string>;

/** linkId of the lead-in, a display item before the questions. */
export const leadInLinkId = 'lead-in';

const translationExtensionUrl = 'http://hl7.org/fhir/StructureDefinition/translation';

const exportText = {
	total: { nl: 'Totaalscore', en: 'Total score' },
	emotional: { nl: 'Deelscore emotionele eenzaamheid', en: 'Emotional loneliness subscale' },
	social: { nl: 'Deelscore sociale eenzaamheid', en: 'Social loneliness subscale' },
	band: { nl: 'Uitkomst', en: 'Band' },
	origin: {
		nl: 'Deze FHIR-vragenlijst is door brug opgesteld: voor deze schaal bestaat geen gepubliceerde FHIR-vragenlijst of LOINC-code. De vragen en antwoorden zijn die van de schaal zelf.',
		en: 'This FHIR Questionnaire is defined by brug: no published FHIR Questionnaire or LOINC code exists for this scale. The questions and answers are those of the scale itself.'
	},
	scores: {
		nl: 'De laatste vragen (alleen-lezen, linkId `score-…`) zijn niet door de persoon beantwoord: het zijn de scores die brug volgens de regels van de schaal heeft berekend. Ontbreekt een score, dan gaf de regel voor ontbrekende antwoorden er geen.',
		en: 'The last items (read-only, linkId `score-…`) are not answered by the person: they are the scores brug computed following the scale’s rules. A missing score means the rule for missing answers gave none.'
	},
	missing: { nl: 'Ontbrekende antwoorden', en: 'Missing answers' },
	source: { nl: 'Bron', en: 'Source' }
} satisfies Record<string, Localized>;

/** The other languages of a text, as R4 translation extensions on the primitive's `_element`. */
function translations(text: Localized, locale: Locale): PrimitiveElement | undefined {
	const extension: Extension[] = locales
		.filter((other) => other !== locale)
		.map((other) => ({
			url: translationExtensionUrl,
			extension: [
				{ url: 'lang', valueCode: other },
				{ url: 'content', valueString: text[other] }
			]
		}));
	return extension.length > 0 ? { extension } : undefined;
}

/** `name` in the primary language plus `_name` with the others as translations (FHIR JSON primitive extension). */
function localizedElement<Name extends string>(name: Name, text: Localized, locale: Locale) {
	const other = translations(text, locale);
	return (other ? { [name]: text[locale], [`_${name}`]: other } : { [name]: text[locale] }) as Record<Name, string> &
		Partial<Record<`_${Name}`, PrimitiveElement>>;
}

/** `text` plus `_text`, so a receiver gets every language and shows the one it wants. */
function localizedText(text: Localized, locale: Locale): Pick<QuestionnaireItem, 'text' | '_text'> {
	return localizedElement('text', text, locale);
}

/** A computable name (R4 invariant que-0: `[A-Z]([A-Za-z0-9_]){0,254}`), e.g. `DJG11`, `UCLA3`. */
function computableName(id: InstrumentId): string {
	return id.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function coding(system: string, code: string, label: Localized, locale: Locale): Coding {
	const other = translations(label, locale);
	return other
		? { system, code, display: label[locale], _display: other }
		: { system, code, display: label[locale] };
}

/** The Coding for one of the instrument's answer options. Throws on an option the instrument does not have. */
export function answerCoding(def: InstrumentDefinition, optionId: string, { locale, base }: FhirContext): Coding {
	const option = def.options.find((candidate) => candidate.id === optionId);
	if (!option) throw new Error(`${def.id}: unknown option "${optionId}"`);
	return coding(answerCodeSystem(def.id, base), option.id, option.label, locale);
}

/** The Coding for one of the instrument's bands. Throws on a band the instrument does not have. */
export function bandCoding(def: InstrumentDefinition, bandId: string, { locale, base }: FhirContext): Coding {
	const band = def.bands.find((candidate) => candidate.id === bandId);
	if (!band) throw new Error(`${def.id}: unknown band "${bandId}"`);
	return coding(bandCodeSystem(def.id, base), band.id, band.label, locale);
}

function scoreItems(def: InstrumentDefinition, context: FhirContext): QuestionnaireItem[] {
	const { locale } = context;
	const range = (min: number, max: number) => `${min}–${max}`;
	const items: QuestionnaireItem[] = [
		{
			linkId: scoreLinkIds.total,
			...localizedText(withRange(exportText.total, range(def.totalRange.min, def.totalRange.max)), locale),
			type: 'integer',
			readOnly: true
		}
	];
	for (const subscale of def.subscales) {
		const max = def.items.filter((item) => item.subscale === subscale).length;
		items.push({
			linkId: scoreLinkIds[subscale],
			...localizedText(withRange(exportText[subscale], range(0, max)), locale),
			type: 'integer',
			readOnly: true
		});
	}
	if (def.bands.length > 0) {
		items.push({
			linkId: scoreLinkIds.band,
			...localizedText(exportText.band, locale),
			type: 'choice',
			readOnly: true,
			answerOption: def.bands.map((band) => ({ valueCoding: bandCoding(def, band.id, context) }))
		});
	}
	return items;
}

function localize(text: (locale: Locale) => string): Localized {
	return Object.fromEntries(locales.map((locale) => [locale, text(locale)])) as Localized;
}

function withRange(text: Localized, range: string): Localized {
	return localize((locale) => `${text[locale]} (${range})`);
}

/** Markdown: what this resource is, the missing-answer rule and, for UCLA-3, that the Dutch is brug's own. */
function description(def: InstrumentDefinition): Localized {
	return localize((locale) =>
		[
			exportText.origin[locale],
			def.translationNote?.[locale],
			`${exportText.missing[locale]}: ${def.missingRule.description[locale]}`,
			exportText.scores[locale]
		]
			.filter((paragraph): paragraph is string => paragraph !== undefined)
			.join('\n\n')
	);
}

/** Markdown: the instrument's citation (the same in every language) and its terms of use. */
function copyright(def: InstrumentDefinition): Localized {
	const source = def.citation.url ? `${def.citation.text} ${def.citation.url}` : def.citation.text;
	return localize((locale) => `${exportText.source[locale]}: ${source}\n\n${def.citation.terms[locale]}`);
}

/**
 * The canonical Questionnaire for an instrument. `locale` picks the primary language (`language`, and every
 * `text`, `display`, `title`, `description` and `copyright`); the other language rides along as R4 translation
 * extensions, so the nl and en exports of one `url|version` carry the same content. Items: the lead-in (display),
 * the questions (`linkId` = item number, `choice`, in presentation order, not required because the missing-answer
 * rules allow gaps), then the read-only score items (`scoreLinkIds`) for the total, each subscale and the band,
 * where the instrument has them.
 */
export function questionnaireFor(def: InstrumentDefinition, options: FhirContext): Questionnaire {
	const { locale, base } = options;
	return {
		resourceType: 'Questionnaire',
		id: def.id,
		language: locale,
		url: questionnaireUrl(def.id, base),
		version: def.version,
		name: computableName(def.id),
		...localizedElement('title', def.title, locale),
		status: 'active',
		publisher: 'brug',
		...localizedElement('description', description(def), locale),
		...localizedElement('copyright', copyright(def), locale),
		item: [
			{ linkId: leadInLinkId, ...localizedText(def.leadIn, locale), type: 'display' },
			...def.items.map(
				(item): QuestionnaireItem => ({
					linkId: String(item.number),
					...localizedText(item.text, locale),
					type: 'choice',
					answerOption: def.options.map((option) => ({
						valueCoding: answerCoding(def, option.id, options)
					}))
				})
			),
			...scoreItems(def, options)
		]
	};
}

/** brug's canonical Questionnaires, one per instrument, in registry order. */
export function brugQuestionnaires(options: FhirContext): Questionnaire[] {
	return instrumentIds.map((id) => questionnaireFor(instruments[id], options));
}
