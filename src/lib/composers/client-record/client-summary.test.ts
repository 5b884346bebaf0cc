import { describe, expect, it } from 'vitest';
import { changeDirection, clientSummary } from './client-summary';

const web = (value: number) => ({
	scores: { bodily_functions: value, mental_wellbeing: value, meaningfulness: value, quality_of_life: value, participation: value, daily_functioning: value }
});

describe('clientSummary', () => {
	it('names the newest result and the change since the one before on the same questionnaire', () => {
		const summary = clientSummary({
			today: '2026-03-20',
			discussCount: 2,
			measurements: [
				{ instrument: 'djg-11', takenAt: '2026-03-01T09:00:00Z', total: 5, max: 11, band: 'moderately_lonely' },
				{ instrument: 'djg-11', takenAt: '2026-03-15T09:00:00Z', total: 7, max: 11, band: 'moderately_lonely' },
				// An older result on another questionnaire does not count as "the one before".
				{ instrument: 'ucla-3', takenAt: '2026-02-01T09:00:00Z', total: 3, max: 9, band: null },
				// Without a total it is passed over.
				{ instrument: 'djg-11', takenAt: '2026-03-18T09:00:00Z', total: null, max: 11, band: null }
			]
		});
		expect(summary.latest).toEqual({ instrument: 'djg-11', takenAt: '2026-03-15T09:00:00Z', total: 7, max: 11, band: 'moderately_lonely', previous: 5, change: 2 });
		expect(summary.signals.map((s) => s.id)).toEqual(['score_worsened']);
		expect(summary.discussCount).toBe(2);
		expect(summary.programme).toBeNull();
		expect(summary.nextSession).toBeNull();
	});

	it('has no change for a first result, and no result without measurements', () => {
		const first = clientSummary({ today: '2026-03-20', discussCount: 0, measurements: [{ instrument: 'djg-6', takenAt: '2026-03-01T09:00:00Z', total: 6, max: 6, band: 'severely_lonely' }] });
		expect(first.latest).toMatchObject({ total: 6, previous: null, change: null });
		expect(first.signals.map((s) => s.id)).toEqual(['severe_band']);
		expect(clientSummary({ today: '2026-03-20', discussCount: 0 })).toEqual({ signals: [], discussCount: 0, programme: null, nextSession: null, latest: null });
	});

	it('raises the caseload signals from the webs, the last active day and the groups', () => {
		const summary = clientSummary({
			today: '2026-03-20',
			discussCount: 0,
			healthWebs: [web(4), web(8)],
			lastActiveDay: '2026-03-01',
			groups: [
				{
					groupId: 'g1',
					groupName: 'Samen op maandag',
					signals: ['absent_twice'],
					sessions: [
						{ day: '2026-03-16', startsAt: '14:00', status: 'held' },
						{ day: '2026-03-30', startsAt: '14:00', status: 'planned' },
						{ day: '2026-03-23', startsAt: '14:00', status: 'cancelled' },
						{ day: '2026-04-06', startsAt: '10:00', status: 'planned' }
					]
				}
			],
			programme: { state: 'active', currentWeek: 3 }
		});
		expect(summary.signals.map((s) => s.id)).toEqual(['group_dropout', 'health_web_drop', 'inactive']);
		expect(summary.nextSession).toEqual({ groupName: 'Samen op maandag', day: '2026-03-30', startsAt: '14:00' });
		expect(summary.programme).toEqual({ state: 'active', week: 3 });
	});
});

describe('changeDirection', () => {
	it('says which way a score went', () => {
		expect([changeDirection(2), changeDirection(-1), changeDirection(0)]).toEqual(['higher', 'lower', 'same']);
	});
});
