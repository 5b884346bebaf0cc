/**
 * Loneliness instruments: definitions as data, and pure scoring. No I/O.
 *
 * - `instruments`, `instrumentIds`: the registry of DJG-11, DJG-6 and UCLA-3 definitions.
 * - `getInstrument(id)`: the definition for an id from outside (URL, API, database), or undefined.
 * - `itemPoints(def, item, optionId)`: points one answer gives, per the instrument's scoring rule.
 * - `scoreInstrument(def, answers)`: total, subscales, band and missing items for one set of answers.
 * - `bandFor(def, total)`: the band a total falls in, if the instrument has bands.
 * Types (`InstrumentDefinition`, `InstrumentScore`, `Answers`, ...) are re-exported from `instrument-types`.
 */
import { djg11 } from './djg-11';
import { djg6 } from './djg-6';
import type {
	Answers,
	BandDefinition,
	InstrumentDefinition,
	InstrumentId,
	InstrumentItem,
	InstrumentScore,
	MissingRuleId,
	Subscale
} from './instrument-types';
import { ucla3 } from './ucla-3';

export * from './instrument-types';

export const instruments: Record<InstrumentId, InstrumentDefinition> = {
	'djg-11': djg11,
	'djg-6': djg6,
	'ucla-3': ucla3
};

export const instrumentIds: readonly InstrumentId[] = ['djg-11', 'djg-6', 'ucla-3'];

/** The definition for an untrusted id, or undefined (never a property inherited from Object). */
export function getInstrument(id: string): InstrumentDefinition | undefined {
	return Object.hasOwn(instruments, id) ? instruments[id as InstrumentId] : undefined;
}

const pointsByDirection: Record<InstrumentItem['direction'], Readonly<Record<string, number>>> = {
	// DJG manual: the neutral answer ("more or less") counts as lonely, on both kinds of item.
	negative: { yes: 1, more_or_less: 1, no: 0 },
	positive: { yes: 0, more_or_less: 1, no: 1 },
	// Hughes et al. (2004): hardly ever or never 1, some of the time 2, often 3.
	frequency: { hardly_ever: 1, some_of_the_time: 2, often: 3 }
};

/** Points for one answer. Throws when the option is not one of the instrument's options. */
export function itemPoints(def: InstrumentDefinition, item: InstrumentItem, optionId: string): number {
	const table = pointsByDirection[item.direction];
	const points = Object.hasOwn(table, optionId) ? table[optionId] : undefined;
	if (points === undefined || !def.options.some((option) => option.id === optionId)) {
		const allowed = def.options.map((option) => option.id).join(', ');
		throw new Error(
			`${def.id} item ${item.number}: unknown option "${optionId}" (allowed: ${allowed})`
		);
	}
	return points;
}

/** How many unanswered items still give a total, per missing rule. */
const missingAllowed: Record<MissingRuleId, number> = {
	all_items_required: 0,
	at_most_one_missing: 1
};

/**
 * Scores one set of answers following the instrument's missing rule (see `missingRule`):
 * `all_items_required` gives a total only when every item is answered; `at_most_one_missing` (DJG-6 manual)
 * gives the count over the answered items when at most one is missing. A subscale is only given when all of
 * its items are answered. Throws on an unknown item or option: callers validate with the schema first.
 */
export function scoreInstrument(def: InstrumentDefinition, answers: Answers): InstrumentScore {
	const itemsByNumber = new Map(def.items.map((item) => [String(item.number), item]));
	for (const key of Object.keys(answers)) {
		if (!itemsByNumber.has(key)) {
			throw new Error(`${def.id}: unknown item "${key}"`);
		}
	}

	const points = new Map<number, number>();
	for (const item of def.items) {
		const optionId = answers[item.number];
		if (optionId !== undefined) points.set(item.number, itemPoints(def, item, optionId));
	}
	const missing = def.items
		.map((item) => item.number)
		.filter((number) => !points.has(number))
		.sort((a, b) => a - b);
	const sum = (items: InstrumentItem[]) =>
		items.reduce((total, item) => total + (points.get(item.number) ?? 0), 0);

	const subscaleScore = (subscale: Subscale): number | null => {
		if (!def.subscales.includes(subscale)) return null;
		const items = def.items.filter((item) => item.subscale === subscale);
		return items.every((item) => points.has(item.number)) ? sum(items) : null;
	};

	const total = missing.length <= missingAllowed[def.missingRule.id] ? sum(def.items) : null;

	return {
		instrument: def.id,
		version: def.version,
		total,
		subscales:
			def.subscales.length === 0
				? null
				: { emotional: subscaleScore('emotional'), social: subscaleScore('social') },
		band: total === null ? null : (bandFor(def, total)?.id ?? null),
		answered: points.size,
		missing
	};
}

/** The band whose [min, max] holds the total; undefined for instruments without bands (UCLA-3). */
export function bandFor(def: InstrumentDefinition, total: number): BandDefinition | undefined {
	return def.bands.find((band) => total >= band.min && total <= band.max);
}
