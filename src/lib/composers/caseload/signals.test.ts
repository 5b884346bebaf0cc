import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healthWebDimensions, type HealthWebScores } from '$lib/features/health-web/health-web';
import type { ProgrammeFacts } from '$lib/features/programme/programme-signals';
import type { DropOutSignal } from '$lib/features/groups/signals';
import type { ParticipantFact } from '$lib/features/groups/participant-facts.server';
import { getInstrument, instrumentIds, type InstrumentId, type LonelinessBand } from '$lib/features/instruments/instruments';
import {
	bandSeverity,
	caseloadSignalIds,
	caseloadSignals,
	daysBetween,
	latestScores,
	severeBands,
	type CaseloadFacts,
	type MeasurementFact
} from './signals';

const today = '2026-03-16';
const web = (values: number[]): HealthWebScores =>
	Object.fromEntries(healthWebDimensions.map((dimension, index) => [dimension, values[index]])) as HealthWebScores;
const m = (instrument: InstrumentId, takenAt: string, total: number | null, band: LonelinessBand | null = null): MeasurementFact => ({
	instrument,
	takenAt: `${takenAt}T10:00:00.000Z`,
	total,
	band
});
const facts = (over: Partial<CaseloadFacts> = {}): CaseloadFacts => ({
	personId: 'p1',
	name: 'Anna',
	measurements: [],
	lastActivityDay: today,
	everActive: true,
	latestWeb: null,
	previousWeb: null,
	unreadSharedCount: 0,
	...over
});
/** A programme started on 2 March: 14 days before `today`. */
const programme = (over: Partial<ProgrammeFacts> = {}): ProgrammeFacts => ({
	enrolmentId: 'e1',
	state: 'active',
	createdDay: '2026-03-02',
	clock: { startDay: '2026-03-02', pausedSince: null, pausedDays: 0 },
	week1Opened: false,
	lastActiveDay: '2026-03-15',
	remindersStopped: false,
	currentWeek: 2,
	...over
});
const ids = (f: CaseloadFacts, day = today) => caseloadSignals(f, day).map((signal) => signal.id);

describe('caseloadSignals: nothing to see', () => {
	it('gives no signals for a client who is active and doing fine, nor for one who has not started', () => {
		expect(caseloadSignals(facts(), today)).toEqual([]);
		expect(caseloadSignals(facts({ lastActivityDay: null, everActive: false }), today)).toEqual([]);
	});
});

describe('caseloadSignals: score worsened', () => {
	it('flags a rise of 2 or more between the latest two measurements of the same instrument', () => {
		const signals = caseloadSignals(facts({ measurements: [m('djg-11', '2026-03-01', 7, 'moderately_lonely'), m('djg-11', '2026-02-01', 5, 'moderately_lonely')] }), today);
		expect(signals).toEqual([{ id: 'score_worsened', changes: [{ instrument: 'djg-11', previous: 5, latest: 7, change: 2, takenAt: '2026-03-01T10:00:00.000Z' }] }]);
	});

	it('does not flag a rise of 1, a fall, or a single measurement', () => {
		expect(ids(facts({ measurements: [m('djg-11', '2026-02-01', 5), m('djg-11', '2026-03-01', 6)] }))).toEqual([]);
		expect(ids(facts({ measurements: [m('djg-11', '2026-02-01', 8), m('djg-11', '2026-03-01', 3)] }))).toEqual([]);
		expect(ids(facts({ measurements: [m('ucla-3', '2026-03-01', 5)] }))).toEqual([]);
	});

	it('compares by time, not by list order, and only the latest two', () => {
		const list = [m('djg-6', '2026-03-01', 3), m('djg-6', '2026-01-01', 0), m('djg-6', '2026-02-01', 2)];
		expect(ids(facts({ measurements: list }))).toEqual([]);
		expect(ids(facts({ measurements: [m('djg-6', '2026-03-01', 0), m('djg-6', '2026-04-01', 3)] }))).toEqual(['score_worsened']);
	});

	it('never compares two different instruments, and passes over measurements without a total', () => {
		expect(ids(facts({ measurements: [m('djg-6', '2026-02-01', 0), m('ucla-3', '2026-03-01', 5)] }))).toEqual([]);
		const withGap = [m('ucla-3', '2026-01-01', 3), m('ucla-3', '2026-02-01', null), m('ucla-3', '2026-03-01', 5)];
		expect(caseloadSignals(facts({ measurements: withGap }), today)).toEqual([
			{ id: 'score_worsened', changes: [{ instrument: 'ucla-3', previous: 3, latest: 5, change: 2, takenAt: '2026-03-01T10:00:00.000Z' }] }
		]);
	});

	it('lists every instrument that worsened in one signal, in instrument order', () => {
		const list = [m('ucla-3', '2026-01-01', 3), m('ucla-3', '2026-02-01', 5), m('djg-11', '2026-01-01', 0, 'not_lonely'), m('djg-11', '2026-02-01', 4, 'moderately_lonely')];
		const [signal] = caseloadSignals(facts({ measurements: list }), today);
		expect(signal?.id === 'score_worsened' && signal.changes.map((change) => change.instrument)).toEqual(['djg-11', 'ucla-3']);
	});
});

describe('caseloadSignals: severe result', () => {
	it('counts DJG-11 severely and very severely lonely, and DJG-6 severely lonely, as severe', () => {
		expect(severeBands).toEqual({ 'djg-11': ['severely_lonely', 'very_severely_lonely'], 'djg-6': ['severely_lonely'], 'ucla-3': [] });
		for (const instrument of instrumentIds) {
			const bandIds = getInstrument(instrument)!.bands.map((band) => band.id);
			for (const band of severeBands[instrument]) expect(bandIds).toContain(band);
		}
		expect(ids(facts({ measurements: [m('djg-11', '2026-03-01', 9, 'severely_lonely')] }))).toEqual(['severe_band']);
		expect(ids(facts({ measurements: [m('djg-11', '2026-03-01', 11, 'very_severely_lonely')] }))).toEqual(['severe_band']);
		expect(ids(facts({ measurements: [m('djg-6', '2026-03-01', 5, 'severely_lonely')] }))).toEqual(['severe_band']);
		expect(ids(facts({ measurements: [m('djg-11', '2026-03-01', 8, 'moderately_lonely')] }))).toEqual([]);
	});

	it('uses the UCLA-3 indication (6 or more) and says so, since UCLA-3 has no bands', () => {
		expect(caseloadSignals(facts({ measurements: [m('ucla-3', '2026-03-01', 6)] }), today)).toEqual([
			{ id: 'severe_band', results: [{ instrument: 'ucla-3', takenAt: '2026-03-01T10:00:00.000Z', total: 6, band: null, basis: 'indication' }] }
		]);
		expect(ids(facts({ measurements: [m('ucla-3', '2026-03-01', 5)] }))).toEqual([]);
	});

	it('looks only at the latest result of each instrument', () => {
		const better = [m('djg-11', '2026-01-01', 10, 'severely_lonely'), m('djg-11', '2026-03-01', 2, 'not_lonely')];
		expect(ids(facts({ measurements: better }))).toEqual([]);
	});
});

describe('caseloadSignals: gone quiet', () => {
	it('shows after 14 whole days without activity: not on day 14 after the last activity, from day 15', () => {
		expect(ids(facts({ lastActivityDay: '2026-03-01' }), '2026-03-15')).toEqual([]);
		expect(caseloadSignals(facts({ lastActivityDay: '2026-03-01' }), '2026-03-16')).toEqual([{ id: 'inactive', lastActivityDay: '2026-03-01', days: 15 }]);
		expect(ids(facts({ lastActivityDay: '2025-12-01' }), '2026-03-16')).toEqual(['inactive']);
	});

	it('counts calendar days across months, leap days and daylight saving', () => {
		expect(daysBetween('2024-02-20', '2024-03-06')).toBe(15);
		expect(daysBetween('2026-03-20', '2026-04-04')).toBe(15);
		expect(daysBetween('2026-03-16', '2026-03-01')).toBe(-15);
		expect(() => daysBetween('2026-02-30', today)).toThrow(RangeError);
	});

	it('is not raised for a client who never started, nor for a last day after today', () => {
		expect(ids(facts({ lastActivityDay: null, everActive: false }))).toEqual([]);
		expect(ids(facts({ lastActivityDay: '2026-03-20' }))).toEqual([]);
	});

	it('is raised without a day when the client was active once but not within the data layer’s look-back', () => {
		expect(caseloadSignals(facts({ lastActivityDay: null, everActive: true }), today)).toEqual([{ id: 'inactive', lastActivityDay: null, days: null }]);
	});
});

const group = (signals: DropOutSignal[], groupId = 'g1'): ParticipantFact => ({
	groupId,
	groupName: 'Samen op maandag',
	nextSession: null,
	attended: 2,
	past: 4,
	signals,
	completed: false
});

describe('caseloadSignals: health web and "bespreek dit"', () => {
	it('flags every dimension 3 or more points lower than in the previous web', () => {
		const signals = caseloadSignals(facts({ previousWeb: web([5, 5, 5, 5, 5, 5]), latestWeb: web([2, 3, 8, 5, 1, 5]) }), today);
		expect(signals).toEqual([
			{
				id: 'health_web_drop',
				drops: [
					{ dimension: 'bodily_functions', previous: 5, current: 2, change: -3 },
					{ dimension: 'participation', previous: 5, current: 1, change: -4 }
				]
			}
		]);
		expect(ids(facts({ previousWeb: null, latestWeb: web([0, 0, 0, 0, 0, 0]) }))).toEqual([]);
	});

	it('flags unread shared items with their count', () => {
		expect(caseloadSignals(facts({ unreadSharedCount: 2 }), today)).toEqual([{ id: 'discuss_unread', count: 2 }]);
	});

	it('gives all of them at once in the fixed order of importance (the programme gives one of its two, a group its own)', () => {
		const all = facts({
			measurements: [m('djg-11', '2026-01-01', 5, 'moderately_lonely'), m('djg-11', '2026-02-01', 10, 'severely_lonely')],
			lastActivityDay: '2026-02-01',
			latestWeb: web([1, 5, 5, 5, 5, 5]),
			previousWeb: web([5, 5, 5, 5, 5, 5]),
			unreadSharedCount: 1,
			programme: programme({ week1Opened: true, lastActiveDay: '2026-02-20' }),
			groups: [group(['absent_twice'])]
		});
		expect(ids(all)).toEqual(['severe_band', 'score_worsened', 'discuss_unread', 'no_step', 'group_dropout', 'health_web_drop', 'inactive']);
		expect(caseloadSignalIds).toEqual(['severe_band', 'score_worsened', 'discuss_unread', 'week1_unopened', 'no_step', 'group_dropout', 'health_web_drop', 'inactive']);
	});
});

describe('caseloadSignals: the programme', () => {
	it('passes on the programme’s drop-out signals, and none without a running programme', () => {
		expect(caseloadSignals(facts({ programme: programme() }), today)).toEqual([{ id: 'week1_unopened', day: 14 }]);
		expect(caseloadSignals(facts({ programme: programme({ week1Opened: true, lastActiveDay: '2026-03-07' }) }), today)).toEqual([
			{ id: 'no_step', lastActiveDay: '2026-03-07', days: 9 }
		]);
		expect(ids(facts({ programme: programme({ week1Opened: true, lastActiveDay: '2026-03-15' }) }))).toEqual([]);
		expect(ids(facts({ programme: programme({ state: 'paused' }) }))).toEqual([]);
		expect(ids(facts({ programme: null }))).toEqual([]);
	});
});

describe('caseloadSignals: groups', () => {
	it('passes on each group’s drop-out signals with the group, and nothing for a group without signals', () => {
		expect(caseloadSignals(facts({ groups: [group(['stopped']), group([], 'g2')] }), today)).toEqual([
			{ id: 'group_dropout', groups: [{ groupId: 'g1', groupName: 'Samen op maandag', signals: ['stopped'] }] }
		]);
		expect(ids(facts({ groups: [group([])] }))).toEqual([]);
		expect(ids(facts({ groups: null }))).toEqual([]);
	});
});

describe('bandSeverity and latestScores', () => {
	it('rank the most severe latest result: 4 very severe … 1 not lonely, 0 without results', () => {
		expect(bandSeverity(facts())).toBe(0);
		expect(bandSeverity(facts({ measurements: [m('djg-11', '2026-03-01', 11, 'very_severely_lonely')] }))).toBe(4);
		expect(bandSeverity(facts({ measurements: [m('djg-6', '2026-03-01', 3, 'moderately_lonely'), m('ucla-3', '2026-03-02', 7)] }))).toBe(3);
		expect(bandSeverity(facts({ measurements: [m('ucla-3', '2026-03-02', 4)] }))).toBe(1);
		expect(bandSeverity(facts({ measurements: [m('djg-6', '2026-03-01', null)] }))).toBe(0);
	});

	it('keep the given order for measurements at the same instant, and skip unreadable instants', () => {
		const [score] = latestScores([m('djg-6', '2026-03-01', 1), m('djg-6', '2026-03-01', 4), { ...m('djg-6', '2026-04-01', 6), takenAt: 'gisteren' }]);
		expect(score).toMatchObject({ latest: { total: 1 }, previous: { total: 4 } });
	});
});

describe('caseloadSignals: properties', () => {
	const instrument = fc.constantFrom<InstrumentId>(...instrumentIds);
	const measurement = fc
		.record({ instrument, day: fc.integer({ min: 1, max: 28 }), total: fc.option(fc.integer({ min: 0, max: 11 }), { nil: null }) })
		.map(({ instrument: id, day, total }) => m(id, `2026-02-${String(day).padStart(2, '0')}`, total));
	const scores = fc.tuple(...healthWebDimensions.map(() => fc.integer({ min: 0, max: 10 }))).map(web);
	const anyFacts = fc.record({
		measurements: fc.array(measurement, { maxLength: 8 }),
		lastActivityDay: fc.option(fc.integer({ min: 0, max: 40 }).map((n) => `2026-02-${String(1 + (n % 28)).padStart(2, '0')}`), { nil: null }),
		everActive: fc.boolean(),
		latestWeb: fc.option(scores, { nil: null }),
		previousWeb: fc.option(scores, { nil: null }),
		unreadSharedCount: fc.nat(5)
	});

	it('each signal at most once, always in the order of importance', () => {
		fc.assert(
			fc.property(anyFacts, (over) => {
				const found = ids(facts(over));
				expect(new Set(found).size).toBe(found.length);
				const ranks = found.map((id) => caseloadSignalIds.indexOf(id));
				expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
			})
		);
	});
});
