/**
 * Balance insights on the relationship map: a few kind observations about the shape of a person's network, computed
 * from plain data. Each insight is an id with data; the page words it (and adds tips and links), so there is no text
 * here. Never a score of someone's social life: no totals, no grades, no "healthy network" verdict.
 * - `balanceInsights({ relations, contacts, today })`: at most `maxInsights` insights, most important first.
 * - `maxInsights`: 5.
 * Types: `RelationFacts`, `ContactFacts` (the input), `BalanceInsight` (one per kind, with its data),
 * `BalanceInsightKind`.
 *
 * The rules (after the three kinds of relationships of "regie in relaties": intimate, friends, community):
 * - thin_circle: a circle with nobody in it (level 'empty'), or with exactly one person while the other two circles
 *   together hold at least 4 (level 'few'). At most one per circle. Each kind of relationship gives something the
 *   others do not: emotional safety, a social safety net, belonging.
 * - single_source: a need ("brings") met by exactly one person, while the person has at least 3 relations: diversify,
 *   different people meet different needs, and one person cannot carry a need alone.
 * - long_silence: someone in the intimate or friends circle with a rhythm, whose last real contact is more than twice
 *   the rhythm ago; without any contact, when they were added at least 30 days ago and more than twice the rhythm
 *   ago (so a three-monthly contact is not flagged before the person's own rhythm could have come round).
 * - went_well: a contact in the last 14 days (today and the 13 days before) that felt good (4 or 5); the 3 newest.
 *
 * Order, most important first: long silences (longest relative to the rhythm first, at most 2), empty circles (closest
 * first), needs with a single source (in `contactBrings` order, at most 2), circles with few people, what went well.
 * When anything went well, the newest of it always keeps a place: noticing what works matters as much as gaps.
 */
import {
	contactBrings,
	contactCircles,
	daysBetween,
	rhythmDays,
	type ContactBring,
	type ContactCircle,
	type ContactKind,
	type ContactRhythm
} from './relationships';

export interface RelationFacts {
	id: string;
	circle: ContactCircle;
	/** Unknown values (not in `contactBrings`) are ignored. */
	brings: readonly string[];
	rhythm: ContactRhythm;
	addedDay: string;
	/**
	 * The last real contact, when the caller knows it already (e.g. from a MAX query), so `contacts` need only hold
	 * the recent ones; the later of this and the contacts' own days counts.
	 */
	lastContactDay?: string | null;
}

export interface ContactFacts {
	relationId: string;
	day: string;
	kind: ContactKind;
	feeling: number;
}

export type BalanceInsight =
	| { kind: 'long_silence'; relationId: string; circle: ContactCircle; rhythm: ContactRhythm; days: number; lastContactDay: string | null }
	| { kind: 'thin_circle'; circle: ContactCircle; level: 'empty' | 'few'; people: 0 | 1 }
	| { kind: 'single_source'; need: ContactBring; relationId: string }
	| { kind: 'went_well'; relationId: string; day: string; contactKind: ContactKind; feeling: number };

export type BalanceInsightKind = BalanceInsight['kind'];

export const maxInsights = 5;

/** A circle with one person is thin only next to a network this big elsewhere; otherwise it is simply a small network. */
const fewComparedTo = 4;
const silenceWithoutContactDays = 30;
const wentWellDays = 14;
const wentWellFeeling = 4;
const maxLongSilences = 2;
const maxSingleSources = 2;
const maxWentWell = 3;
const silenceCircles: readonly ContactCircle[] = ['intimate', 'friends'];

type Insight<K extends BalanceInsightKind> = Extract<BalanceInsight, { kind: K }>;

function thinCircles(relations: readonly RelationFacts[]): Insight<'thin_circle'>[] {
	const counts = new Map<ContactCircle, number>(contactCircles.map((circle) => [circle, 0]));
	for (const relation of relations) counts.set(relation.circle, (counts.get(relation.circle) ?? 0) + 1);
	const result: Insight<'thin_circle'>[] = [];
	for (const circle of contactCircles) {
		const people = counts.get(circle) ?? 0;
		const others = relations.length - people;
		if (people === 0) result.push({ kind: 'thin_circle', circle, level: 'empty', people: 0 });
		else if (people === 1 && others >= fewComparedTo) result.push({ kind: 'thin_circle', circle, level: 'few', people: 1 });
	}
	return result;
}

function singleSources(relations: readonly RelationFacts[]): Insight<'single_source'>[] {
	if (relations.length < 3) return [];
	const result: Insight<'single_source'>[] = [];
	for (const need of contactBrings) {
		const sources = relations.filter((relation) => relation.brings.includes(need));
		if (sources.length === 1) result.push({ kind: 'single_source', need, relationId: sources[0]!.id });
	}
	return result.slice(0, maxSingleSources);
}

function longSilences(relations: readonly RelationFacts[], lastByRelation: ReadonlyMap<string, string>, today: string): Insight<'long_silence'>[] {
	const found: { insight: Insight<'long_silence'>; ratio: number; circleRank: number }[] = [];
	for (const relation of relations) {
		const rhythm = rhythmDays[relation.rhythm];
		if (rhythm === null || !silenceCircles.includes(relation.circle)) continue;
		const last = lastByRelation.get(relation.id) ?? null;
		const days = daysBetween(last ?? relation.addedDay, today);
		const silent = days > 2 * rhythm && (last !== null || days >= silenceWithoutContactDays);
		if (!silent) continue;
		found.push({
			insight: { kind: 'long_silence', relationId: relation.id, circle: relation.circle, rhythm: relation.rhythm, days, lastContactDay: last },
			ratio: days / rhythm,
			circleRank: contactCircles.indexOf(relation.circle)
		});
	}
	found.sort((a, b) => b.ratio - a.ratio || a.circleRank - b.circleRank || compareText(a.insight.relationId, b.insight.relationId));
	return found.slice(0, maxLongSilences).map((f) => f.insight);
}

function wentWell(contacts: readonly ContactFacts[], known: ReadonlySet<string>, today: string): Insight<'went_well'>[] {
	return contacts
		.filter((c) => {
			const ago = daysBetween(c.day, today);
			return known.has(c.relationId) && c.feeling >= wentWellFeeling && ago >= 0 && ago < wentWellDays;
		})
		.sort((a, b) => compareText(b.day, a.day) || b.feeling - a.feeling || compareText(a.relationId, b.relationId) || compareText(a.kind, b.kind))
		.slice(0, maxWentWell)
		.map((c) => ({ kind: 'went_well', relationId: c.relationId, day: c.day, contactKind: c.kind, feeling: c.feeling }));
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The balance insights for one person's map, most important first; at most `maxInsights`. */
export function balanceInsights(input: {
	relations: readonly RelationFacts[];
	contacts: readonly ContactFacts[];
	today: string;
}): BalanceInsight[] {
	const { relations, contacts, today } = input;
	const known = new Set(relations.map((relation) => relation.id));
	const lastByRelation = new Map<string, string>();
	for (const relation of relations) {
		if (relation.lastContactDay && relation.lastContactDay <= today) lastByRelation.set(relation.id, relation.lastContactDay);
	}
	for (const contact of contacts) {
		// A contact from an unknown relation, or after today, is not a real contact of this map.
		if (!known.has(contact.relationId) || contact.day > today) continue;
		const last = lastByRelation.get(contact.relationId);
		if (last === undefined || contact.day > last) lastByRelation.set(contact.relationId, contact.day);
	}

	const thin = thinCircles(relations);
	const ordered: BalanceInsight[] = [
		...longSilences(relations, lastByRelation, today),
		...thin.filter((t) => t.level === 'empty'),
		...singleSources(relations),
		...thin.filter((t) => t.level === 'few')
	];
	const good = wentWell(contacts, known, today);
	// Keep room for the newest thing that went well, then fill up with the rest of what went well.
	const concerns = ordered.slice(0, good.length > 0 ? maxInsights - 1 : maxInsights);
	return [...concerns, ...good].slice(0, maxInsights);
}
