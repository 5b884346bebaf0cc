/**
 * Report definitions and sharing: who may make, change, delete and share a report, the field errors of a wrong
 * definition, and what a funder's reader sees of the organisation (its name and the report's title, kind, period and
 * settings, nothing else).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { SignedInAccount } from '$lib/server/auth/account';
import {
	createReport,
	deleteReport,
	funderOverview,
	listReports,
	openReport,
	reportChoices,
	shareReport,
	unshareReport,
	updateReport
} from '$lib/features/reports/reports.server';
import { requireFunder } from '$lib/features/reports/report-access.server';
import { noFilter } from '$lib/features/reports/filters';
import { testDatabases } from './databases';
import { seeder } from './report-data-seed';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-reports-definitions-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

describe.each(testDatabases())('report definitions and sharing on $name', (target) => {
	let handle: DatabaseHandle;
	let seed: ReturnType<typeof seeder>;
	let noord: string;
	let zuid: string;
	let gemeente: string;
	let admin: SignedInAccount;
	let reader: SignedInAccount;
	let funderReader: SignedInAccount;

	beforeEach(async () => {
		handle = await target.open();
		seed = seeder(handle);
		noord = await seed.organisation('Welzijn Noord');
		zuid = await seed.organisation('Welzijn Zuid');
		gemeente = await seed.organisation('Gemeente Noord', 'funder');
		admin = await seed.member(noord, 'admin');
		reader = await seed.member(noord, 'report_reader');
		funderReader = await seed.member(gemeente, 'report_reader');
	});
	afterEach(() => handle.close());

	const definition = { title: 'Groepen 2025', kind: 'groups', groupIds: [] as string[], from: '2025 K1', to: '2025 K4', scaleSd: '3', reliability: '0,88' };

	it('a report reader makes, changes and deletes a report; wrong fields get their error', async () => {
		const ownGroup = await seed.group(noord);
		const otherGroup = await seed.group(zuid);
		const created = await createReport(seed.db, { actor: reader, organisationId: noord, input: { ...definition, groupIds: [ownGroup.groupId] } });
		expect(created.ok).toBe(true);
		const reportId = created.ok ? created.reportId : '';

		const listed = await listReports(seed.db, reader, noord);
		expect(listed).toMatchObject({ organisationName: 'Welzijn Noord', canShare: false });
		expect(listed.reports).toEqual([
			expect.objectContaining({ id: reportId, title: 'Groepen 2025', kind: 'groups', groupIds: [ownGroup.groupId], from: '2025-Q1', to: '2025-Q4', scaleSd: 3, reliability: 0.88 })
		]);
		const stored = await seed.db.selectFrom('outcome_report').select(['period_from', 'period_to']).where('id', '=', reportId).executeTakeFirstOrThrow();
		expect(stored).toEqual({ period_from: '2025-01-01', period_to: '2025-12-31' });

		expect(await createReport(seed.db, { actor: reader, organisationId: noord, input: { ...definition, groupIds: [otherGroup.groupId] } })).toEqual({
			ok: false,
			errors: { groupIds: 'report_groups_invalid' }
		});
		expect(await createReport(seed.db, { actor: reader, organisationId: noord, input: { title: '', kind: 'programme', programmeId: 'elsewhere' } })).toEqual({
			ok: false,
			errors: { title: 'report_title_missing' }
		});
		expect(await createReport(seed.db, { actor: reader, organisationId: noord, input: { title: 'x', kind: 'programme', programmeId: 'elsewhere' } })).toEqual({
			ok: false,
			errors: { programmeId: 'report_programme_invalid' }
		});

		expect(await updateReport(seed.db, { actor: reader, reportId, input: { ...definition, title: 'Alle groepen' } })).toEqual({ ok: true, reportId });
		expect((await listReports(seed.db, reader, noord)).reports[0]).toMatchObject({ title: 'Alle groepen', groupIds: [] });

		const choices = await reportChoices(seed.db, reader, noord);
		expect(choices.groups.map((g) => g.id)).toEqual([ownGroup.groupId]);
		expect(choices.funders).toEqual([{ id: gemeente, name: 'Gemeente Noord' }]);

		await expect(updateReport(seed.db, { actor: funderReader, reportId, input: definition })).rejects.toMatchObject({ status: 404 });
		await deleteReport(seed.db, { actor: reader, reportId });
		expect((await listReports(seed.db, reader, noord)).reports).toEqual([]);
	});

	it('only an admin shares, only with a funder; the funder reads it but never changes it', async () => {
		const reportId = await seed.report(noord, { kind: 'programme' });
		const unshared = await seed.report(noord, { kind: 'programme' });
		await expect(shareReport(seed.db, { actor: reader, reportId, input: { funderId: gemeente } })).rejects.toMatchObject({ status: 403 });
		expect(await shareReport(seed.db, { actor: admin, reportId, input: { funderId: zuid } })).toEqual({ ok: false, errors: { funderId: 'report_funder_invalid' } });
		expect(await shareReport(seed.db, { actor: admin, reportId, input: { funderId: '' } })).toEqual({ ok: false, errors: { funderId: 'report_funder_invalid' } });
		expect(await shareReport(seed.db, { actor: admin, reportId, input: { funderId: gemeente } })).toEqual({ ok: true });
		// Sharing twice is harmless.
		expect(await shareReport(seed.db, { actor: admin, reportId, input: { funderId: gemeente } })).toEqual({ ok: true });

		const byAdmin = await openReport(seed.db, admin, reportId, noFilter);
		expect(byAdmin).toMatchObject({ canEdit: true, canShare: true, shares: [{ funderId: gemeente, funderName: 'Gemeente Noord' }] });

		const overview = await funderOverview(seed.db, funderReader);
		expect(overview).toEqual([
			{
				funderId: gemeente,
				funderName: 'Gemeente Noord',
				organisations: [
					{ organisationName: 'Welzijn Noord', reports: [{ id: reportId, title: 'Rapport', kind: 'programme', from: null, to: null, scaleSd: 3, reliability: 0.88, sharedAt: expect.any(String) }] }
				]
			}
		]);
		await expect(openReport(seed.db, funderReader, unshared, noFilter)).rejects.toMatchObject({ status: 404 });
		await expect(deleteReport(seed.db, { actor: funderReader, reportId })).rejects.toMatchObject({ status: 403 });
		await expect(shareReport(seed.db, { actor: funderReader, reportId, input: { funderId: gemeente } })).rejects.toMatchObject({ status: 403 });
		// A reader of one organisation never reaches another's reports, nor a funder it is not part of.
		const zuidReader = await seed.member(zuid, 'report_reader');
		await expect(openReport(seed.db, zuidReader, reportId, noFilter)).rejects.toMatchObject({ status: 404 });
		await expect(listReports(seed.db, zuidReader, noord)).rejects.toMatchObject({ status: 403 });
		await expect(requireFunder(seed.db, zuidReader, gemeente)).rejects.toMatchObject({ status: 404 });
		await expect(funderOverview(seed.db, await seed.member(noord, 'professional'))).rejects.toMatchObject({ status: 403 });

		await unshareReport(seed.db, { actor: admin, reportId, funderId: gemeente });
		await expect(openReport(seed.db, funderReader, reportId, noFilter)).rejects.toMatchObject({ status: 404 });
		expect((await funderOverview(seed.db, funderReader))[0]?.organisations).toEqual([]);
	});
});
