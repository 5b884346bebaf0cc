import { describe, expect, it } from 'vitest';
import { activityKinds, activitySummary } from './activity-summary';

const today = '2026-03-31';

describe('activitySummary', () => {
	it('makes four weeks of seven days ending today, oldest first', () => {
		const summary = activitySummary({ days: [], lastActiveDay: null, today });
		expect(summary.weeks.map((w) => [w.from, w.to])).toEqual([
			['2026-03-04', '2026-03-10'],
			['2026-03-11', '2026-03-17'],
			['2026-03-18', '2026-03-24'],
			['2026-03-25', '2026-03-31']
		]);
		expect(Object.values(summary.totals)).toEqual(activityKinds.map(() => 0));
		expect(summary.lastActiveDay).toBeNull();
	});

	it('counts each tool in its week, and leaves out days outside the four weeks', () => {
		const summary = activitySummary({
			days: [
				{ kind: 'exercise', day: '2026-03-31' },
				{ kind: 'exercise', day: '2026-03-25' },
				{ kind: 'journal', day: '2026-03-24' },
				{ kind: 'small_step', day: '2026-03-04' },
				// Too old, and (a clock that runs ahead) tomorrow: not in any week.
				{ kind: 'thought', day: '2026-03-03' },
				{ kind: 'kind_moment', day: '2026-04-01' }
			],
			lastActiveDay: '2026-03-31',
			today
		});
		expect(summary.weeks[3]!.counts).toMatchObject({ exercise: 2, journal: 0 });
		expect(summary.weeks[2]!.counts).toMatchObject({ journal: 1 });
		expect(summary.weeks[0]!.counts).toMatchObject({ small_step: 1 });
		expect(summary.totals).toEqual({ exercise: 2, journal: 1, thought: 0, kind_moment: 0, small_step: 1 });
		expect(summary.lastActiveDay).toBe('2026-03-31');
	});

	it('crosses the change to summer time by calendar days', () => {
		const summary = activitySummary({ days: [{ kind: 'journal', day: '2026-03-29' }], lastActiveDay: '2026-03-29', today });
		expect(summary.weeks[3]!.counts.journal).toBe(1);
	});
});
