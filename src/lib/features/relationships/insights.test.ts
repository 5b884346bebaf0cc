import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/time';
import { balanceInsights, type BalanceInsight, type ContactFacts, type RelationFacts } from './insights';
import type { ContactCircle } from './relationships';

const today = '2026-06-15';
const ago = (n: number) => addDays(today, -n);

function person(id: string, circle: ContactCircle, extra: Partial<RelationFacts> = {}): RelationFacts {
	return { id, circle, brings: [], rhythm: 'no_goal', addedDay: ago(100), ...extra };
}
function contact(relationId: string, daysAgo: number, feeling = 3, kind: ContactFacts['kind'] = 'call'): ContactFacts {
	return { relationId, day: ago(daysAgo), kind, feeling };
}
const ofKind = <K extends BalanceInsight['kind']>(insights: BalanceInsight[], kind: K) =>
	insights.filter((i): i is Extract<BalanceInsight, { kind: K }> => i.kind === kind);

/** One person in every circle, so no circle is thin. */
const balanced = [person('mam', 'intimate'), person('sam', 'friends'), person('buur', 'community')];

describe('thin_circle', () => {
	it('names a circle with nobody in it', () => {
		const insights = balanceInsights({ relations: [person('sam', 'friends'), person('buur', 'community')], contacts: [], today });
		expect(ofKind(insights, 'thin_circle')).toEqual([{ kind: 'thin_circle', circle: 'intimate', level: 'empty', people: 0 }]);
	});
	it('names every empty circle once, closest first, for a map with nobody on it yet', () => {
		expect(balanceInsights({ relations: [], contacts: [], today })).toEqual([
			{ kind: 'thin_circle', circle: 'intimate', level: 'empty', people: 0 },
			{ kind: 'thin_circle', circle: 'friends', level: 'empty', people: 0 },
			{ kind: 'thin_circle', circle: 'community', level: 'empty', people: 0 }
		]);
	});
	it('names a circle with one person when the other circles together have 4 or more', () => {
		const relations = [person('mam', 'intimate'), person('a', 'friends'), person('b', 'friends'), person('c', 'community'), person('d', 'community')];
		expect(ofKind(balanceInsights({ relations, contacts: [], today }), 'thin_circle')).toEqual([
			{ kind: 'thin_circle', circle: 'intimate', level: 'few', people: 1 }
		]);
	});
	it('not when the other circles together have 3: then it is a small network, not a thin circle', () => {
		const relations = [person('mam', 'intimate'), person('a', 'friends'), person('b', 'friends'), person('c', 'community')];
		expect(ofKind(balanceInsights({ relations, contacts: [], today }), 'thin_circle')).toEqual([]);
	});
	it('not for a circle with 2 people, however big the rest', () => {
		const relations = [person('mam', 'intimate'), person('pap', 'intimate'), ...['a', 'b', 'c', 'd', 'e'].map((id) => person(id, 'friends')), person('buur', 'community')];
		expect(ofKind(balanceInsights({ relations, contacts: [], today }), 'thin_circle')).toEqual([
			{ kind: 'thin_circle', circle: 'community', level: 'few', people: 1 }
		]);
	});
	it('puts empty circles before circles with few people', () => {
		const relations = [person('mam', 'intimate'), ...['a', 'b', 'c', 'd'].map((id) => person(id, 'friends'))];
		expect(ofKind(balanceInsights({ relations, contacts: [], today }), 'thin_circle')).toEqual([
			{ kind: 'thin_circle', circle: 'community', level: 'empty', people: 0 },
			{ kind: 'thin_circle', circle: 'intimate', level: 'few', people: 1 }
		]);
	});
});

describe('single_source', () => {
	it('names a need met by exactly one person, when there are 3 relations or more', () => {
		const relations = [person('mam', 'intimate', { brings: ['support', 'feeling_at_home'] }), person('sam', 'friends', { brings: ['fun', 'feeling_at_home'] }), person('buur', 'community')];
		expect(ofKind(balanceInsights({ relations, contacts: [], today }), 'single_source')).toEqual([
			{ kind: 'single_source', need: 'support', relationId: 'mam' },
			{ kind: 'single_source', need: 'fun', relationId: 'sam' }
		]);
	});
	it('not with 2 relations: then every need has one source, and saying so helps nobody', () => {
		const relations = [person('mam', 'intimate', { brings: ['support'] }), person('sam', 'friends', { brings: ['fun'] })];
		expect(ofKind(balanceInsights({ relations, contacts: [], today }), 'single_source')).toEqual([]);
	});
	it('not for a need met by two people, nor for a need nobody meets', () => {
		const relations = [person('mam', 'intimate', { brings: ['support'] }), person('sam', 'friends', { brings: ['support'] }), person('buur', 'community')];
		expect(ofKind(balanceInsights({ relations, contacts: [], today }), 'single_source')).toEqual([]);
	});
	it('ignores values it does not know, and names at most 2 needs, in list order', () => {
		const relations = [
			person('mam', 'intimate', { brings: ['feeling_at_home', 'advice', 'support', 'made_up'] }),
			person('sam', 'friends', { brings: ['made_up'] }),
			person('buur', 'community')
		];
		expect(ofKind(balanceInsights({ relations, contacts: [], today }), 'single_source')).toEqual([
			{ kind: 'single_source', need: 'support', relationId: 'mam' },
			{ kind: 'single_source', need: 'advice', relationId: 'mam' }
		]);
	});
});

describe('long_silence', () => {
	const silences = (relations: RelationFacts[], contacts: ContactFacts[]) => ofKind(balanceInsights({ relations, contacts, today }), 'long_silence');

	it('names someone close whose last contact is more than twice the rhythm ago', () => {
		const relations = [...balanced, person('zus', 'intimate', { rhythm: 'weekly' })];
		expect(silences(relations, [contact('zus', 14)])).toEqual([]); // exactly twice: not yet
		expect(silences(relations, [contact('zus', 15)])).toEqual([
			{ kind: 'long_silence', relationId: 'zus', circle: 'intimate', rhythm: 'weekly', days: 15, lastContactDay: ago(15) }
		]);
	});
	it('counts from the last real contact, not the first or a future one', () => {
		const relations = [...balanced, person('zus', 'intimate', { rhythm: 'weekly' })];
		expect(silences(relations, [contact('zus', 40), contact('zus', 3)])).toEqual([]);
		expect(silences(relations, [contact('zus', 40), contact('zus', -2)])).toMatchObject([{ relationId: 'zus', days: 40 }]);
	});
	it('takes a last contact day the caller already knows, the later of it and the contacts counting', () => {
		const zus = (last: string | null) => [...balanced, person('zus', 'intimate', { rhythm: 'weekly', lastContactDay: last })];
		expect(silences(zus(ago(20)), [])).toMatchObject([{ relationId: 'zus', days: 20, lastContactDay: ago(20) }]);
		expect(silences(zus(ago(20)), [contact('zus', 3)])).toEqual([]);
		expect(silences(zus(ago(3)), [contact('zus', 20)])).toEqual([]);
		// A day after today is not a real contact yet, wherever it comes from.
		expect(silences(zus(ago(-1)), [contact('zus', 20)])).toMatchObject([{ relationId: 'zus', days: 20 }]);
	});
	it('works for every rhythm at its boundary', () => {
		for (const [rhythm, days] of [['every_two_weeks', 28], ['monthly', 60], ['every_three_months', 182]] as const) {
			const relations = [...balanced, person('vriend', 'friends', { rhythm })];
			expect(silences(relations, [contact('vriend', days)]), rhythm).toEqual([]);
			expect(silences(relations, [contact('vriend', days + 1)]), rhythm).toMatchObject([{ relationId: 'vriend', days: days + 1 }]);
		}
	});
	it('without any contact: from 30 days after being added (and past twice the rhythm)', () => {
		const weekly = (added: number) => [...balanced, person('zus', 'intimate', { rhythm: 'weekly', addedDay: ago(added) })];
		expect(silences(weekly(29), [])).toEqual([]);
		expect(silences(weekly(30), [])).toEqual([
			{ kind: 'long_silence', relationId: 'zus', circle: 'intimate', rhythm: 'weekly', days: 30, lastContactDay: null }
		]);
		const monthly = (added: number) => [...balanced, person('oom', 'friends', { rhythm: 'monthly', addedDay: ago(added) })];
		expect(silences(monthly(60), [])).toEqual([]);
		expect(silences(monthly(61), [])).toMatchObject([{ relationId: 'oom', days: 61, lastContactDay: null }]);
	});
	it('not for the community circle, nor without a goal', () => {
		const relations = [...balanced, person('bakker', 'community', { rhythm: 'weekly' }), person('oud', 'friends', { rhythm: 'no_goal' })];
		expect(silences(relations, [contact('bakker', 300), contact('oud', 300)])).toEqual([]);
	});
	it('names at most 2, the longest compared to the rhythm first, intimate before friends when equal', () => {
		const relations = [
			...balanced,
			person('a', 'friends', { rhythm: 'weekly' }),
			person('b', 'intimate', { rhythm: 'weekly' }),
			person('c', 'friends', { rhythm: 'monthly' })
		];
		const contacts = [contact('a', 21), contact('b', 21), contact('c', 150)];
		expect(silences(relations, contacts).map((s) => s.relationId)).toEqual(['c', 'b']);
	});
});

describe('went_well', () => {
	const good = (contacts: ContactFacts[], relations = balanced) => ofKind(balanceInsights({ relations, contacts, today }), 'went_well');

	it('names a contact of the last 14 days that felt good (4 or 5)', () => {
		expect(good([contact('sam', 2, 4, 'meeting')])).toEqual([{ kind: 'went_well', relationId: 'sam', day: ago(2), contactKind: 'meeting', feeling: 4 }]);
		expect(good([contact('sam', 2, 3)])).toEqual([]);
	});
	it('counts today and the 13 days before it', () => {
		expect(good([contact('sam', 0, 5)])).toHaveLength(1);
		expect(good([contact('sam', 13, 5)])).toHaveLength(1);
		expect(good([contact('sam', 14, 5)])).toEqual([]);
		expect(good([contact('sam', -1, 5)])).toEqual([]);
	});
	it('names the 3 newest, newest first', () => {
		const contacts = [contact('mam', 10, 5), contact('sam', 1, 4), contact('buur', 5, 5), contact('sam', 7, 4), contact('mam', 3, 4)];
		expect(good(contacts).map((g) => [g.relationId, g.day])).toEqual([
			['sam', ago(1)],
			['mam', ago(3)],
			['buur', ago(5)]
		]);
	});
	it('leaves out contacts with someone not on the map', () => {
		expect(good([contact('weg', 1, 5)])).toEqual([]);
	});
});

describe('balanceInsights', () => {
	it('has nothing to say about a balanced map with recent, ordinary contacts', () => {
		const relations = balanced.map((r) => ({ ...r, rhythm: 'weekly' as const }));
		expect(balanceInsights({ relations, contacts: [contact('mam', 1), contact('sam', 2), contact('buur', 3)], today })).toEqual([]);
	});

	it('orders by importance: long silence, empty circle, single source, few people, what went well', () => {
		const relations = [
			person('zus', 'intimate', { rhythm: 'weekly', brings: ['support'] }),
			...['a', 'b', 'c', 'd'].map((id) => person(id, 'friends', { brings: ['fun'] }))
		];
		const insights = balanceInsights({ relations, contacts: [contact('zus', 20), contact('a', 1, 5)], today });
		expect(insights.map((i) => i.kind)).toEqual(['long_silence', 'thin_circle', 'single_source', 'thin_circle', 'went_well']);
		expect(insights[1]).toMatchObject({ circle: 'community', level: 'empty' });
		expect(insights[3]).toMatchObject({ circle: 'intimate', level: 'few' });
	});

	it('never gives more than 5, and keeps a place for the newest thing that went well', () => {
		const relations = [
			person('zus', 'intimate', { rhythm: 'weekly', brings: ['support', 'advice'] }),
			person('pap', 'intimate', { rhythm: 'weekly' }),
			person('oma', 'intimate', { rhythm: 'weekly' }),
			person('buur', 'community')
		];
		// Five concerns (2 silences, an empty friends circle, 2 needs with one source) and two good contacts.
		const contacts = [contact('zus', 20), contact('pap', 30), contact('oma', 40), contact('buur', 4, 4), contact('buur', 2, 5)];
		const insights = balanceInsights({ relations, contacts, today });
		expect(insights).toHaveLength(5);
		expect(insights.map((i) => i.kind)).toEqual(['long_silence', 'long_silence', 'thin_circle', 'single_source', 'went_well']);
		expect(insights[0]).toMatchObject({ relationId: 'oma', days: 40 });
		expect(insights[3]).toMatchObject({ need: 'support' });
		expect(insights[4]).toMatchObject({ relationId: 'buur', day: ago(2) });
	});

	it('fills up with more of what went well when there are few concerns', () => {
		const contacts = [contact('mam', 1, 5), contact('sam', 2, 4), contact('buur', 3, 5), contact('sam', 4, 5)];
		expect(balanceInsights({ relations: balanced, contacts, today }).map((i) => i.kind)).toEqual(['went_well', 'went_well', 'went_well']);
	});
});
