import { describe, expect, it } from 'vitest';
import { groupVisits, visitGapMs, visitParts, type VisitEvent } from './visits';

let counter = 0;
/** An event by `actorId` at an instant; the log reads newest first, so tests list them that way. */
function read(actorId: string | null, at: string, action = 'client.record.read', object: string | null = null, organisationName: string | null = 'Welzijn Noord'): VisitEvent {
	counter += 1;
	return { id: `event-${counter}`, at, action, object, actorId, organisationName, groupName: null };
}
const newestFirst = (events: VisitEvent[]) => [...events].sort((a, b) => b.at.localeCompare(a.at));
const shape = (events: VisitEvent[]) => groupVisits(newestFirst(events)).map((visit) => [visit.events[0]!.actorId, visit.events.length]);

describe('groupVisits', () => {
	it('makes one visit of one read', () => {
		const only = read('joris', '2026-12-06T13:02:00.000Z');
		const visits = groupVisits([only]);
		expect(visits).toEqual([
			{
				key: only.id,
				read: true,
				events: [only],
				start: only.at,
				startDay: '2026-12-06',
				end: only.at
			}
		]);
		expect(groupVisits([])).toEqual([]);
	});

	it('joins reads less than 30 minutes apart, chained, and starts anew at exactly 30 minutes', () => {
		const base = Date.parse('2026-12-06T13:00:00.000Z');
		const at = (ms: number) => new Date(base + ms).toISOString();
		expect(visitGapMs).toBe(30 * 60 * 1000);
		// 0, 29:59.999 later, then another 29:59.999: one visit of 55+ minutes, because each gap is under the limit.
		expect(shape([read('joris', at(0)), read('joris', at(visitGapMs - 1)), read('joris', at(2 * visitGapMs - 2))])).toEqual([['joris', 3]]);
		// Exactly 30 minutes: two visits.
		const apart = groupVisits(newestFirst([read('joris', at(0)), read('joris', at(visitGapMs))]));
		expect(apart.map((visit) => visit.start)).toEqual([at(visitGapMs), at(0)]);
	});

	it('keeps a visit across midnight (in Amsterdam) whole, dated by its first read', () => {
		// 23:50 and 00:10 Amsterdam time (UTC+1 in December).
		const [late, early] = [read('joris', '2026-12-06T22:50:00.000Z'), read('joris', '2026-12-06T23:10:00.000Z')];
		const visits = groupVisits(newestFirst([late, early]));
		expect(visits).toHaveLength(1);
		expect(visits[0]).toMatchObject({ start: late.at, end: early.at, startDay: '2026-12-06', key: early.id });
		// The day is Amsterdam's: 23:30 UTC on 6 December is 7 December there.
		expect(groupVisits([read('joris', '2026-12-06T23:30:00.000Z')])[0]!.startDay).toBe('2026-12-07');
	});

	it('splits two readers interleaved: a visit never spans another reader’s read', () => {
		const events = [
			read('joris', '2026-12-06T13:00:00.000Z'),
			read('joris', '2026-12-06T13:01:00.000Z'),
			read('fleur', '2026-12-06T13:02:00.000Z'),
			read('joris', '2026-12-06T13:03:00.000Z'),
			read('fleur', '2026-12-06T13:04:00.000Z'),
			read('fleur', '2026-12-06T13:05:00.000Z')
		];
		expect(shape(events)).toEqual([
			['fleur', 2],
			['joris', 1],
			['fleur', 1],
			['joris', 2]
		]);
	});

	it('keeps one reader’s organisations, deleted accounts and non-reads apart', () => {
		const events = [
			read('joris', '2026-12-06T13:00:00.000Z'),
			read('joris', '2026-12-06T13:01:00.000Z', 'client.record.read', null, 'Huisartsenpraktijk Zuid'),
			read(null, '2026-12-06T13:02:00.000Z'),
			read(null, '2026-12-06T13:03:00.000Z'),
			read('ada', '2026-12-06T13:04:00.000Z', 'organisation.member_joined', 'professional'),
			read('ada', '2026-12-06T13:05:00.000Z', 'organisation.member_joined', 'professional')
		];
		const visits = groupVisits(newestFirst(events));
		expect(visits.map((visit) => [visit.events[0]!.actorId, visit.events.length, visit.read])).toEqual([
			['ada', 1, false],
			['ada', 1, false],
			[null, 2, true],
			['joris', 1, true],
			['joris', 1, true]
		]);
		// Every event is in exactly one visit, in the order of the log.
		expect(visits.flatMap((visit) => visit.events)).toEqual(newestFirst(events));
	});
});

describe('visitParts', () => {
	it('names what was looked at, each once, in a fixed order, counting distinct entries', () => {
		const visit = groupVisits(
			newestFirst([
				read('joris', '2026-12-06T13:02:00.000Z', 'client.scope.read', 'health_web'),
				read('joris', '2026-12-06T13:02:01.000Z', 'client.record.read', 'measurements,health_web'),
				read('joris', '2026-12-06T13:02:02.000Z', 'client.scope.read', 'measurements'),
				read('joris', '2026-12-06T13:02:03.000Z', 'client.shared_entry.read', 'entry-1'),
				read('joris', '2026-12-06T13:02:04.000Z', 'client.shared_entry.read', 'entry-2'),
				read('joris', '2026-12-06T13:05:00.000Z', 'client.record.read', 'measurements,health_web'),
				read('joris', '2026-12-06T13:05:01.000Z', 'client.scope.read', 'measurements'),
				read('joris', '2026-12-06T13:05:02.000Z', 'client.shared_entry.read', 'entry-1')
			])
		)[0]!;
		expect(visitParts(visit)).toEqual([
			{ kind: 'record' },
			{ kind: 'scope', scope: 'measurements' },
			{ kind: 'scope', scope: 'health_web' },
			{ kind: 'entries', count: 2 }
		]);
	});

	it('names groups by name and keeps an unknown action as it is', () => {
		const group = { ...read('joris', '2026-12-06T13:00:00.000Z', 'client.group.read', 'group-1'), groupName: 'Dinsdaggroep' };
		expect(visitParts({ events: [group] })).toEqual([{ kind: 'group', name: 'Dinsdaggroep' }]);
		expect(visitParts({ events: [read('joris', '2026-12-06T13:00:00.000Z', 'client.future.read', 'x')] })).toEqual([
			{ kind: 'other', action: 'client.future.read', object: 'x' }
		]);
	});
});
