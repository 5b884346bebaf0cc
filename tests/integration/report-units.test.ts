/**
 * The report units kept ready in `report_unit`: every kind of change to what a unit is made of (attendance, a session
 * cancelled, a participant leaving, an enrolment completing, a measurement or an account deleted) is in the next
 * report, and a deleted measurement's scores leave the table at once, before any report is read.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db/client';
import { loadReportData, type ReportScope } from '$lib/features/reports/report-data.server';
import { refreshReportUnits } from '$lib/features/reports/report-unit-refresh.server';
import { noFilter } from '$lib/features/reports/filters';
import { testDatabases } from './databases';
import { seeder } from './report-data-seed';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-report-units-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const scope = (organisationId: string, kind: ReportScope['kind']): ReportScope => ({
	organisationId, kind, programmeId: kind === 'programme' ? 'eight-weeks' : null, groupIds: [], periodFrom: null, periodTo: null
});

describe.each(testDatabases())('report units on $name', (target) => {
	let handle: DatabaseHandle;
	let seed: ReturnType<typeof seeder>;
	let noord: string;

	beforeEach(async () => {
		handle = await target.open();
		seed = seeder(handle);
		noord = await seed.organisation('Welzijn Noord');
	});
	afterEach(() => handle.close());

	const unitsOf = (person: string) =>
		seed.db.selectFrom('report_unit').select(['completed', 'be', 'bs', 'ae', 'a_s', 'attended', 'expected']).where('person_id', '=', person).execute();
	const groups = async () => (await loadReportData(seed.db, [scope(noord, 'groups')], noFilter)).data;

	it('builds each unit once and does nothing more while nothing changed', async () => {
		const group = await seed.group(noord, 4, 3);
		const person = await seed.groupUnit(group, { attended: 3, before: [4, 3], after: [2, 1] });
		await seed.programmeUnit(noord, { pre: [5, 4], post: [3, 3] });
		expect(await refreshReportUnits(seed.db)).toBeGreaterThan(0);
		expect(await refreshReportUnits(seed.db)).toBe(0);
		expect(await unitsOf(person)).toEqual([{ completed: 1, be: 4, bs: 3, ae: 2, a_s: 1, attended: 3, expected: 4 }]);
		expect(Number((await seed.db.selectFrom('report_unit').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(2);
	});

	it('takes in attendance, a cancelled last session and a participant who left', async () => {
		const group = await seed.group(noord, 4, 3);
		const person = await seed.groupUnit(group, { attended: 2, before: [4, 3], after: [2, 1] });
		expect((await groups()).funnel).toEqual({ started: 1, completed: 0, measuredBefore: 0 });

		// A third attendance completes the course: now a pair.
		await seed.db.updateTable('group_attendance').set({ status: 'late' }).where('session_id', '=', group.sessionIds[2]!).execute();
		expect((await groups()).combinations).toEqual([{ beforeEmotional: 4, beforeSocial: 3, afterEmotional: 2, afterSocial: 1, followUpTotal: null, n: 1 }]);

		// The last session is cancelled: the third is now the last, and nothing was asked there, so no pair.
		await seed.db.updateTable('group_session').set({ status: 'cancelled' }).where('id', '=', group.sessionIds[3]!).execute();
		const afterCancel = await groups();
		expect(afterCancel.funnel).toEqual({ started: 1, completed: 1, measuredBefore: 1 });
		expect(afterCancel.combinations).toEqual([]);

		// Leaving before the third session: two sessions held while in the group.
		await seed.db.updateTable('group_participant').set({ left_at: '2025-03-02T20:00:00.000Z' }).where('account_id', '=', person).execute();
		expect((await groups()).outputs).toMatchObject({ sessionsHeld: 3, participants: 1, attended: 3, expected: 2 });
	});

	it('gives an enrolment that follows a group the attendance of the person’s participation, also after a change', async () => {
		const group = await seed.group(noord, 4, 3);
		const person = await seed.groupUnit(group, { attended: 2 });
		await seed.programmeUnit(noord, { person, consent: false, groupId: group.groupId, pre: [5, 4], post: [3, 3] });
		const programmeUnit = () => seed.db.selectFrom('report_unit').select(['attended', 'expected']).where('person_id', '=', person).where('enrolment_id', 'is not', null).execute();
		await refreshReportUnits(seed.db);
		expect(await programmeUnit()).toEqual([{ attended: 2, expected: 4 }]);

		await seed.db.updateTable('group_attendance').set({ status: 'present' }).where('session_id', '=', group.sessionIds[3]!).execute();
		const period = (await loadReportData(seed.db, [scope(noord, 'period')], noFilter)).data;
		expect(await programmeUnit()).toEqual([{ attended: 3, expected: 4 }]);
		// One person in one group, counted as the programme unit, with the participation's attendance.
		expect(period.funnel.started).toBe(1);
		expect(period.outputs).toMatchObject({ groups: 1, sessionsHeld: 4, participants: 1, attended: 3, expected: 4 });
	});

	it('takes in an enrolment that completes', async () => {
		const person = await seed.programmeUnit(noord, { completed: false, pre: [5, 4], post: [3, 3] });
		const programme = async () => (await loadReportData(seed.db, [scope(noord, 'programme')], noFilter)).data;
		expect((await programme()).funnel.completed).toBe(0);
		await seed.db.updateTable('programme_enrolment').set({ state: 'completed' }).where('account_id', '=', person).execute();
		expect((await programme()).combinations).toEqual([{ beforeEmotional: 5, beforeSocial: 4, afterEmotional: 3, afterSocial: 3, followUpTotal: null, n: 1 }]);
	});

	it('keeps no copy of a deleted measurement, not even before the next report', async () => {
		const group = await seed.group(noord, 4, 3);
		const person = await seed.groupUnit(group, { before: [4, 3], after: [2, 1] });
		await refreshReportUnits(seed.db);
		const before = await seed.db.selectFrom('measurement').select('id').where('account_id', '=', person).where('emotional', '=', 4).executeTakeFirstOrThrow();

		await seed.db.deleteFrom('measurement').where('id', '=', before.id).execute();
		const left = await seed.db.selectFrom('report_unit').select('be').where('before_id', '=', before.id).execute();
		expect(left).toEqual([]);
		expect((await unitsOf(person)).map((unit) => unit.be)).not.toContain(4);

		// The next report rebuilds the unit, measured after only.
		expect((await groups()).funnel).toEqual({ started: 1, completed: 1, measuredBefore: 0 });
		expect(await unitsOf(person)).toEqual([{ completed: 1, be: null, bs: null, ae: 2, a_s: 1, attended: 4, expected: 4 }]);
	});

	it('loses a deleted account’s units with the account', async () => {
		const group = await seed.group(noord, 4, 3);
		const person = await seed.groupUnit(group, { before: [4, 3], after: [2, 1] });
		const other = await seed.programmeUnit(noord, { pre: [5, 4], post: [3, 3], groupId: group.groupId });
		await refreshReportUnits(seed.db);
		await seed.db.deleteFrom('account').where('id', 'in', [person, other]).execute();
		expect(await unitsOf(person)).toEqual([]);
		expect(await unitsOf(other)).toEqual([]);
		expect((await groups()).funnel.started).toBe(0);
	});
});
