/**
 * The report fixtures count as the design says, on SQLite and on PostgreSQL, so tests built on them test what they
 * claim: A's programme report counts the people who chose to count (ten or nine complete pairs and ten measured only
 * before), never those who did not or who withdrew; the group report counts its ten pairs; the funder's combined
 * report pools A and B; every stored measurement is scored consistently.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db/client';
import { noFilter } from '$lib/features/reports/filters';
import { openCombinedReport, openReport } from '$lib/features/reports/reports.server';
import { instruments, scoreInstrument } from '$lib/features/instruments/instruments';
import { testDatabases } from './databases';
import { djgAnswers, reportWorld } from './report-fixtures';

describe('djgAnswers', () => {
	it('answers the asked number of emotional and social items lonely', () => {
		// Six emotional items (lonely with "yes") and five social items (lonely with "no"): 4 + 2 = 6 points.
		const score = scoreInstrument(instruments['djg-11'], djgAnswers(4, 2));
		expect(score).toMatchObject({ total: 6, subscales: { emotional: 4, social: 2 }, missing: [] });
	});
});

describe.each(testDatabases())('report fixtures on $name', (target) => {
	let handle: DatabaseHandle;
	beforeEach(async () => {
		handle = await target.open();
	});
	afterEach(() => handle.close());

	it('with ten complete pairs: figures for A, its group and the funder, and only those who chose to count', async () => {
		const world = await reportWorld(handle, { completePairs: 10 });
		const programme = await openReport(handle.db, world.accounts.reportReader, world.reports.shared, noFilter);
		// 10 pairs + 10 who stopped after the measurement before; the 2 who never chose and the 1 who withdrew are left
		// out (else 23). Every gap is 0 or 10, so the whole funnel shows.
		expect(programme.report.funnel).toEqual({ started: 20, completed: 10, measuredBefore: 10, completePairs: 10 });
		expect(programme.report.countsOnly).toBe(false);
		expect(programme.report.change?.total.n).toBe(10);

		const groups = await openReport(handle.db, world.accounts.adminA, world.reports.unshared, noFilter);
		expect(groups.report.countsOnly).toBe(false);
		expect(groups.report.change?.total.n).toBe(10);
		expect(groups.report.outputs).toMatchObject({ groups: 1, sessionsHeld: 8 });

		const combined = await openCombinedReport(handle.db, world.accounts.funderReader, world.funder, noFilter);
		expect(combined.report.change?.total.n).toBe(20);

		const rows = await handle.db.selectFrom('measurement').select(['answers', 'total', 'emotional', 'social', 'band']).execute();
		for (const row of rows) {
			const score = scoreInstrument(instruments['djg-11'], JSON.parse(row.answers));
			expect(row).toMatchObject({ total: score.total, emotional: score.subscales?.emotional, social: score.subscales?.social, band: score.band });
		}
	});

	it('with nine complete pairs: counts only', async () => {
		const world = await reportWorld(handle, { completePairs: 9 });
		const programme = await openReport(handle.db, world.accounts.reportReader, world.reports.shared, noFilter);
		expect(programme.report.countsOnly).toBe(true);
		expect(programme.report.change).toBeNull();
		// 19 started, 9 completed: the gap of 10 would give the 9 away, so the funnel stops after "started".
		expect(programme.report.funnel).toEqual({ started: 19, completed: null, measuredBefore: null, completePairs: null });
	});
});
