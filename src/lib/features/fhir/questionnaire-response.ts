/**
 * FHIR R4 (4.0.1) export of stored measurements. Pure: no I/O, the same input gives the same output.
 *
 * - `questionnaireResponse(measurement, { locale, base, subject?, author? })`: one measurement as a
 *   QuestionnaireResponse that answers brug's canonical Questionnaire (`./questionnaires`), with the answers and the
 *   computed scores.
 * - `fhirBundle(measurements, { locale, base, parties, timestamp? })`: a `collection` Bundle with the client, the
 *   exporting professional and their organisation (`./parties`), the Questionnaires used, and one
 *   QuestionnaireResponse per measurement whose `subject` is the client and whose `author` is the professional.
 *
 * `base` is `fhirCanonicalBase(origin)`: every canonical URL and identifier system is under the installation's ORIGIN.
 */
import {
	getInstrument,
	instrumentIds,
	type InstrumentDefinition,
	type Locale
} from '$lib/features/instruments/instruments';
import type { StoredMeasurement } from '$lib/features/measurements/measurements.server';
import type { Bundle, BundleEntry, QuestionnaireResponse, QuestionnaireResponseItem, Reference } from './fhir-types';
import { partyEntries, partyReferences, type ExportParties } from './parties';
import {
	answerCoding,
	bandCoding,
	questionnaireCanonical,
	questionnaireFor,
	questionnaireUrl,
	scoreLinkIds,
	type FhirContext
} from './questionnaires';

export interface FhirExportOptions extends FhirContext {
	/** Who the answers are about (e.g. `urn:uuid:…` of the Patient in the Bundle); omitted when absent. */
	subject?: Reference;
	/** Who recorded them for the receiver (the exporting PractitionerRole); omitted when absent. */
	author?: Reference;
}

/** R4 `id` datatype. */
const fhirIdPattern = /^[A-Za-z0-9.-]{1,64}$/;
/** R4 `uuid` datatype (lower case), for `urn:uuid:` full URLs. */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The definition that scored this measurement. Throws when brug no longer has that instrument version: the
 * export would otherwise point at a Questionnaire whose items may differ from what was answered.
 */
function definitionFor(measurement: StoredMeasurement): InstrumentDefinition {
	const { instrument, version } = measurement.score;
	const def = getInstrument(instrument);
	if (!def) throw new Error(`FHIR export: unknown instrument "${instrument}"`);
	if (def.version !== version) {
		throw new Error(`FHIR export: ${instrument} version ${version} is not the current version ${def.version}`);
	}
	return def;
}

/**
 * One measurement as a QuestionnaireResponse (status `completed`: the person handed it in, even with gaps).
 * `item` holds, in the Questionnaire's order, one entry per answered question (`valueCoding` in the instrument's
 * answer code system; unanswered questions are left out), then the scores the instrument's rules gave:
 * `score-total`, `score-emotional`, `score-social` (`valueInteger`) and `score-band` (`valueCoding`). A score the
 * missing-answer rule withholds is left out too, never sent as 0.
 */
export function questionnaireResponse(
	measurement: StoredMeasurement,
	options: FhirExportOptions
): QuestionnaireResponse {
	const { locale, base } = options;
	const def = definitionFor(measurement);
	if (!fhirIdPattern.test(measurement.id)) {
		throw new Error(`FHIR export: measurement id "${measurement.id}" is not a FHIR id`);
	}

	// Item texts are taken from the Questionnaire itself, so both always read the same.
	const texts = new Map(questionnaireFor(def, { locale, base }).item.map((item) => [item.linkId, item.text]));
	const withText = (linkId: string) => {
		const text = texts.get(linkId);
		return text === undefined ? { linkId } : { linkId, text };
	};

	const answers: QuestionnaireResponseItem[] = def.items.flatMap((item) => {
		const optionId = measurement.answers[item.number];
		if (optionId === undefined) return [];
		return [
			{
				...withText(String(item.number)),
				answer: [{ valueCoding: withoutTranslations(answerCoding(def, optionId, options)) }]
			}
		];
	});

	const { score } = measurement;
	const integerItem = (linkId: string, value: number | null | undefined): QuestionnaireResponseItem[] =>
		value === null || value === undefined ? [] : [{ ...withText(linkId), answer: [{ valueInteger: value }] }];
	const scores: QuestionnaireResponseItem[] = [
		...integerItem(scoreLinkIds.total, score.total),
		...integerItem(scoreLinkIds.emotional, score.subscales?.emotional),
		...integerItem(scoreLinkIds.social, score.subscales?.social),
		...(score.band === null
			? []
			: [
					{
						...withText(scoreLinkIds.band),
						answer: [{ valueCoding: withoutTranslations(bandCoding(def, score.band, options)) }]
					}
				])
	];
	const item = [...answers, ...scores];

	return {
		resourceType: 'QuestionnaireResponse',
		id: measurement.id,
		language: locale,
		questionnaire: questionnaireCanonical(def, base),
		status: 'completed',
		...(options.subject ? { subject: options.subject } : {}),
		authored: measurement.takenAt.toISOString(),
		...(options.author ? { author: options.author } : {}),
		// FHIR JSON has no empty arrays: a response without answers or scores has no `item` at all.
		...(item.length > 0 ? { item } : {})
	};
}

/** A response carries the display in its own language only; the translations live in the Questionnaire. */
function withoutTranslations<T extends { _display?: unknown }>(coding: T): Omit<T, '_display'> {
	const { _display: _ignored, ...rest } = coding;
	return rest;
}

/**
 * A `collection` Bundle: first the parties (Patient, Practitioner, Organization, PractitionerRole; `fullUrl` =
 * `urn:uuid:` + brug's id), then the Questionnaires the measurements answer (registry order, each once, `fullUrl` =
 * its canonical URL, whose last segment is its id), then one QuestionnaireResponse per measurement in the given
 * order (`fullUrl` = `urn:uuid:` + the measurement id, which is a UUID), each with the Patient as `subject` and the
 * PractitionerRole as `author`. Without measurements the Bundle has no entries at all: the parties are there to be
 * pointed at. `timestamp` is set only when given, so the function stays pure.
 */
export function fhirBundle(
	measurements: readonly StoredMeasurement[],
	options: FhirContext & { parties: ExportParties; timestamp?: Date }
): Bundle {
	const context: FhirExportOptions = { locale: options.locale, base: options.base, ...partyReferences(options.parties) };
	const definitions = new Map<string, InstrumentDefinition>();
	for (const measurement of measurements) {
		const def = definitionFor(measurement);
		definitions.set(def.id, def);
	}
	const questionnaires: BundleEntry[] = instrumentIds.flatMap((id) => {
		const def = definitions.get(id);
		return def ? [{ fullUrl: questionnaireUrl(id, options.base), resource: questionnaireFor(def, context) }] : [];
	});
	const responses: BundleEntry[] = measurements.map((measurement) => {
		if (!uuidPattern.test(measurement.id)) {
			throw new Error(`FHIR export: measurement id "${measurement.id}" is not a lower-case UUID`);
		}
		return {
			fullUrl: `urn:uuid:${measurement.id}`,
			resource: questionnaireResponse(measurement, context)
		};
	});
	const entry = responses.length > 0 ? [...partyEntries(options.parties, options.base), ...questionnaires, ...responses] : [];
	return {
		resourceType: 'Bundle',
		type: 'collection',
		...(options.timestamp ? { timestamp: options.timestamp.toISOString() } : {}),
		...(entry.length > 0 ? { entry } : {})
	};
}
