/**
 * Outcome reports against a real database: which units count (consent, programme and group units, a period report
 * that counts a programme group person once), 9 against 10 complete pairs, the filter rule, and pooling for a funder
 * without double counting. Rows are inserted directly: only the counting is under test here.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db/client';
import { loadReportData, type ReportScope } from '$lib/features/reports/report-data.server';
import { openCombinedReport, openReport } from '$lib/features/reports/reports.server';
import { noFilter } from '$lib/features/reports/filters';
import { testDatabases } from './databases';
import { seeder } from './report-data-seed';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-reports-data-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const programmeScope = (organisationId: string, more: Partial<ReportScope> = {}): ReportScope => ({
	organisationId, kind: 'programme', programmeId: 'eight-weeks', groupIds: [], periodFrom: null, periodTo: null, ...more
});

describe.each(testDatabases())('outcome report data on $name', (target) => {
	let handle: DatabaseHandle;
	let seed: ReturnType<typeof seeder>;
	let noord: string;

	beforeEach(async () => {
		handle = await target.open();
		seed = seeder(handle);
		noord = await seed.organisation('Welzijn Noord');
	});
	afterEach(() => handle.close());

	it('counts programme units with consent only, in a nested funnel, and drops a person who withdraws', async () => {
		for (let i = 0; i < 10; i++) await seed.programmeUnit(noord, { pre: [4, 3], post: [2, 1], followUp: i < 4 ? [2, 2] : undefined });
		await seed.programmeUnit(noord, { pre: [4, 3] }); // completed, measured before only
		await seed.programmeUnit(noord, { completed: false, pre: [4, 3], post: [1, 1] }); // not completed: not a pair
		await seed.programmeUnit(noord, { consent: false, pre: [6, 5], post: [6, 5] }); // never agreed
		const withdrawing = await seed.programmeUnit(noord, { pre: [6, 5], post: [0, 0] });

		const before = await loadReportData(seed.db, [programmeScope(noord)], noFilter);
		expect(before.data.funnel).toEqual({ started: 13, completed: 12, measuredBefore: 12 });
		expect(before.data.combinations.reduce((sum, c) => sum + c.n, 0)).toBe(11);
		expect(before.data.outputs).toBeNull();

		await seed.withdraw(withdrawing, noord);
		const after = await loadReportData(seed.db, [programmeScope(noord)], noFilter);
		expect(after.data.funnel).toEqual({ started: 12, completed: 11, measuredBefore: 11 });
		// 10 pairs 7 → 3; 4 of them with a follow-up of 4.
		expect(after.data.combinations).toEqual(
			expect.arrayContaining([
				{ beforeEmotional: 4, beforeSocial: 3, afterEmotional: 2, afterSocial: 1, followUpTotal: 4, n: 4 },
				{ beforeEmotional: 4, beforeSocial: 3, afterEmotional: 2, afterSocial: 1, followUpTotal: null, n: 6 }
			])
		);
		expect(after.data.combinations).toHaveLength(2);
	});

	it('pairs a group unit by its first and last session and counts outputs over the counted participants', async () => {
		const group = await seed.group(noord, 4, 3);
		for (let i = 0; i < 10; i++) await seed.groupUnit(group, { before: [5, 4], after: [3, 2] });
		await seed.groupUnit(group, { attended: 2, before: [5, 4], after: [3, 2] }); // not completed
		await seed.groupUnit(group, { consent: false, before: [5, 4], after: [3, 2] });
		const loaded = await loadReportData(seed.db, [{ ...programmeScope(noord), kind: 'groups', programmeId: null }], noFilter);
		expect(loaded.data.funnel).toEqual({ started: 11, completed: 10, measuredBefore: 10 });
		expect(loaded.data.combinations).toEqual([{ beforeEmotional: 5, beforeSocial: 4, afterEmotional: 3, afterSocial: 2, followUpTotal: null, n: 10 }]);
		// 11 counted participants × 4 held sessions = 44 expected; 10 × 4 + 2 attended.
		expect(loaded.data.outputs).toEqual({ groups: 1, sessionsHeld: 4, participants: 11, attended: 42, expected: 44 });
	});

	it('a period report counts a person in a programme group once, as the programme unit', async () => {
		const group = await seed.group(noord);
		const person = await seed.programmeUnit(noord, { groupId: group.groupId, startDay: '2025-02-20', pre: [3, 3], post: [1, 1] });
		await seed.groupUnit(group, { person, consent: false, before: [3, 3], after: [1, 1] });
		await seed.groupUnit(group, { before: [2, 2], after: [1, 1] });
		const scope: ReportScope = { ...programmeScope(noord), kind: 'period', programmeId: null, periodFrom: '2025-01-01', periodTo: '2025-03-31' };
		const loaded = await loadReportData(seed.db, [scope], noFilter);
		expect(loaded.data.funnel.started).toBe(2);
		expect(loaded.data.outputs?.participants).toBe(2);
		// Outside the period: nothing.
		const later = await loadReportData(seed.db, [{ ...scope, periodFrom: '2025-04-01', periodTo: '2025-06-30' }], noFilter);
		expect(later.data.funnel.started).toBe(0);
	});

	it('pools a programme, a groups and a period report: each course once, the programme group person as the programme unit', async () => {
		const group = await seed.group(noord);
		const person = await seed.programmeUnit(noord, { groupId: group.groupId, startDay: '2025-02-20', pre: [3, 3], post: [1, 1] });
		await seed.groupUnit(group, { person, consent: false, before: [3, 3], after: [1, 1] });
		await seed.groupUnit(group, { before: [2, 2], after: [1, 1] });
		for (let i = 0; i < 2; i++) await seed.programmeUnit(noord, { startDay: '2025-03-10', pre: [4, 3], post: [2, 1] });
		const scopes: ReportScope[] = [
			programmeScope(noord),
			{ ...programmeScope(noord), kind: 'groups', programmeId: null },
			{ ...programmeScope(noord), kind: 'period', programmeId: null, periodFrom: '2025-01-01', periodTo: '2025-12-31' }
		];
		const loaded = await loadReportData(seed.db, scopes, noFilter);
		expect(loaded.data.funnel.started).toBe(4);
		expect(loaded.data.combinations.reduce((sum, c) => sum + c.n, 0)).toBe(4);
		expect(loaded.data.outputs).toMatchObject({ groups: 1, participants: 2 });
		// Narrowed to the units in a group: the programme group person and the group participant.
		const inGroup = await loadReportData(seed.db, scopes, { from: null, to: null, setting: 'group' });
		expect(inGroup.filter.applied).toBe(false);
		expect(inGroup.data.funnel.started).toBe(4);
	});

	it('shows counts only with 9 complete pairs and the figures with 10', async () => {
		const reader = await seed.member(noord, 'report_reader');
		const reportId = await seed.report(noord, { kind: 'programme' });
		for (let i = 0; i < 9; i++) await seed.programmeUnit(noord, { pre: [4, 3], post: [i % 3, 1] });
		const nine = await openReport(seed.db, reader, reportId, noFilter);
		expect(nine.report.countsOnly).toBe(true);
		expect(nine.report.change).toBeNull();
		await seed.programmeUnit(noord, { pre: [4, 3], post: [1, 1] });
		const ten = await openReport(seed.db, reader, reportId, noFilter);
		expect(ten.report.countsOnly).toBe(false);
		expect(ten.report.change?.total.n).toBe(10);
		expect(ten.report.funnel.completePairs).toBe(10);
	});

	it('refuses a filter that leaves 9 on one side and applies one that leaves 10 on both', async () => {
		const group = await seed.group(noord);
		for (let i = 0; i < 10; i++) await seed.programmeUnit(noord, { pre: [4, 3], post: [2, 1] });
		for (let i = 0; i < 9; i++) await seed.programmeUnit(noord, { groupId: group.groupId, pre: [4, 3], post: [2, 1] });
		const scope = programmeScope(noord);
		const refused = await loadReportData(seed.db, [scope], { from: null, to: null, setting: 'alone' });
		expect(refused.filter).toMatchObject({ applied: false, refusal: 'narrows_below_minimum' });
		expect(refused.data.funnel.started).toBe(19);

		await seed.programmeUnit(noord, { groupId: group.groupId, pre: [4, 3], post: [2, 1] });
		const applied = await loadReportData(seed.db, [scope], { from: null, to: null, setting: 'group' });
		expect(applied.filter).toMatchObject({ applied: true, refusal: null });
		expect(applied.data.funnel.started).toBe(10);
		// A quarter filter: all started in 2025 Q1, so nothing is left out and the filter is refused.
		const quarter = await loadReportData(seed.db, [scope], { from: '2025-Q1', to: '2025-Q1', setting: 'all' });
		expect(quarter.filter.refusal).toBe('narrows_below_minimum');
	});

	it('a funder reads shared reports only, and the combined report counts a unit two reports share once', async () => {
		const gemeente = await seed.organisation('Gemeente Noord', 'funder');
		const funderReader = await seed.member(gemeente, 'report_reader');
		const person = await seed.account();
		const professional = await seed.member(noord, 'professional');
		const shared = await seed.report(noord, { kind: 'programme' });
		const alsoShared = await seed.report(noord, { kind: 'period', from: '2025-01-01', to: '2025-12-31' });
		const unshared = await seed.report(noord, { kind: 'programme' });
		await seed.share(shared, gemeente);
		await seed.share(alsoShared, gemeente);
		for (let i = 0; i < 12; i++) await seed.programmeUnit(noord, { pre: [4, 3], post: [2, 1] });

		const opened = await openReport(seed.db, funderReader, shared, noFilter);
		expect(opened).toMatchObject({ organisationName: 'Welzijn Noord', canEdit: false, canShare: false, shares: [] });
		await expect(openReport(seed.db, funderReader, unshared, noFilter)).rejects.toMatchObject({ status: 404 });
		await expect(openReport(seed.db, professional, shared, noFilter)).rejects.toMatchObject({ status: 403 });
		const personActor = { id: person, email: `${person}@example.nl`, locale: 'nl' as const, twoFactorEnabled: true };
		await expect(openReport(seed.db, personActor, shared, noFilter)).rejects.toMatchObject({ status: 403 });

		// Both shared reports hold the same 12 units: pooled, they count once.
		const combined = await openCombinedReport(seed.db, funderReader, gemeente, noFilter);
		expect(combined.report.funnel.started).toBe(12);
		expect(combined.report.change?.total.n).toBe(12);
		expect(combined.organisations).toEqual([{ organisationName: 'Welzijn Noord', reports: expect.any(Array) }]);
		expect(combined.organisations[0]?.reports).toHaveLength(2);
	});
});
