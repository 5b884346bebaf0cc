/**
 * The choice to count, without one's name, in an organisation's figures, on both databases: on and off keep history
 * and write one audit event each (the same choice twice changes nothing); it is asked when connecting with a
 * professional's code and when joining a group (unticked: off, also when the person counted before; left out: as it
 * is); the switch refuses an organisation the person has no link with; the export lists every choice with its dates
 * and deleting the account takes the rows with it.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { DatabaseHandle } from '$lib/server/db/client';
import { acceptClientInvitation } from '$lib/composers/consent-changes.server';
import { deleteAccount, exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import { acceptInvitationSchema } from '$lib/features/consent/consent.schema';
import { createClientInvitation } from '$lib/features/consent/consent.server';
import { joinGroupSchema } from '$lib/features/groups/participation.schema';
import { joinGroup, previewGroup } from '$lib/features/groups/participation.server';
import { chooseReportConsent, countsInReports, reportConsentsOf, setReportConsent } from '$lib/features/report-consent/index.server';
import { testDatabases } from './databases';
import { groupFixtures, type TestGroup } from './group-fixtures';
import { professionalFixtures, type TestOrganisation } from './professional-fixtures';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-report-consent-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const at = (iso: string) => new Date(iso);
const noon = (day: string) => new Date(`${day}T11:00:00Z`);
const mailer = { send: async () => ({ delivered: 'outbox' as const, messageId: 'test' }) };
const linkFor = () => 'https://brug.test/nl/connect';

describe.each(testDatabases())('counting in the figures on $name', (target) => {
	let handle: DatabaseHandle;
	let noord: TestOrganisation;
	let zuid: TestOrganisation;
	let piet: SignedInAccount;
	let anna: SignedInAccount;
	let group: TestGroup;

	beforeEach(async () => {
		handle = await target.open();
		const fixtures = professionalFixtures(handle);
		noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		zuid = await fixtures.organisation('Welzijn Zuid', { email: 'zoe@zuid.nl', name: 'Zoë Admin' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		group = await groupFixtures(handle).group(noord, [piet], { days: ['2026-03-03', '2026-03-10'], now: noon('2026-03-01') });
	});
	afterEach(() => handle.close());

	const rows = () => handle.db.selectFrom('report_consent').selectAll().where('person_id', '=', anna.id).orderBy('granted_at').execute();
	const events = async () =>
		(await handle.db.selectFrom('audit_event').select(['action', 'object', 'organisation_id']).where('subject_id', '=', anna.id).orderBy('at').execute()).filter((e) =>
			e.action.startsWith('report_consent.')
		);

	/** As the form on /account/koppelen sends it: an unticked box is "no". */
	async function connect(ticked: boolean | undefined, now = at('2026-03-01T09:00:00Z')) {
		const { code } = await createClientInvitation(handle.db, { actor: piet, locale: 'nl', mailer, linkFor, now });
		const input = acceptInvitationSchema.parse({ code, scopes: ['measurements'], countInReports: ticked === undefined ? undefined : ticked ? 'yes' : 'no' });
		const outcome = await acceptClientInvitation(handle.db, { actor: anna, ...input, now });
		expect(outcome.ok).toBe(true);
	}

	it('turns on and off with history, one audit event per change, and the same choice twice changes nothing', async () => {
		const on = { personId: anna.id, organisationId: noord.id, on: true };
		expect(await setReportConsent(handle.db, { ...on, now: at('2026-03-01T10:00:00Z') })).toEqual({ changed: true });
		expect(await setReportConsent(handle.db, { ...on, now: at('2026-03-02T10:00:00Z') })).toEqual({ changed: false });
		expect(await setReportConsent(handle.db, { ...on, on: false, now: at('2026-03-03T10:00:00Z') })).toEqual({ changed: true });
		expect(await setReportConsent(handle.db, { ...on, on: false, now: at('2026-03-04T10:00:00Z') })).toEqual({ changed: false });
		expect(await setReportConsent(handle.db, { ...on, now: at('2026-03-05T10:00:00Z') })).toEqual({ changed: true });

		expect((await rows()).map((r) => [r.organisation_id, r.granted_at, r.ended_at])).toEqual([
			[noord.id, '2026-03-01T10:00:00.000Z', '2026-03-03T10:00:00.000Z'],
			[noord.id, '2026-03-05T10:00:00.000Z', null]
		]);
		expect(await events()).toEqual([
			{ action: 'report_consent.granted', object: noord.id, organisation_id: noord.id },
			{ action: 'report_consent.withdrawn', object: noord.id, organisation_id: noord.id },
			{ action: 'report_consent.granted', object: noord.id, organisation_id: noord.id }
		]);
		expect(await countsInReports(handle.db, anna.id, noord.id)).toBe(true);
		expect(await countsInReports(handle.db, anna.id, zuid.id)).toBe(false);
	});

	it('asks when connecting: unticked is off, ticked is on, unticked again is off, left out keeps it', async () => {
		await connect(false);
		expect(await rows()).toEqual([]);
		expect(await reportConsentsOf(handle.db, anna.id)).toEqual([{ organisationId: noord.id, organisationName: 'Buurtteam Noord', on: false, since: null }]);

		await connect(true, at('2026-03-02T09:00:00Z'));
		expect(await reportConsentsOf(handle.db, anna.id)).toEqual([{ organisationId: noord.id, organisationName: 'Buurtteam Noord', on: true, since: '2026-03-02T09:00:00.000Z' }]);

		// An API client that leaves the choice out changes nothing.
		await connect(undefined, at('2026-03-03T09:00:00Z'));
		expect(await countsInReports(handle.db, anna.id, noord.id)).toBe(true);

		await connect(false, at('2026-03-04T09:00:00Z'));
		expect(await reportConsentsOf(handle.db, anna.id)).toEqual([{ organisationId: noord.id, organisationName: 'Buurtteam Noord', on: false, since: '2026-03-04T09:00:00.000Z' }]);
		expect((await events()).map((e) => e.action)).toEqual(['report_consent.granted', 'report_consent.withdrawn']);
	});

	it("asks when joining a group, for the group's organisation; the preview shows the person's earlier choice", async () => {
		const join = (ticked: boolean) =>
			joinGroup(handle.db, { actor: anna, input: joinGroupSchema.parse({ code: group.code, personName: 'Anna B.', countInReports: ticked ? 'yes' : 'no' }), now: noon('2026-03-02') });
		expect(await join(false)).toMatchObject({ ok: true });
		expect(await rows()).toEqual([]);
		expect(await previewGroup(handle.db, { actor: anna, code: group.code, now: noon('2026-03-02') })).toMatchObject({ countsInReports: false });

		// Joining again after leaving, now ticked.
		await handle.db.updateTable('consent_grant').set({ ended_at: noon('2026-03-02').toISOString(), end_reason: 'withdrawn' }).where('person_id', '=', anna.id).execute();
		await handle.db.updateTable('group_participant').set({ left_at: noon('2026-03-02').toISOString() }).where('account_id', '=', anna.id).execute();
		expect(await join(true)).toMatchObject({ ok: true });
		expect((await rows()).map((r) => [r.organisation_id, r.ended_at])).toEqual([[noord.id, null]]);
		expect(await previewGroup(handle.db, { actor: anna, code: group.code, now: noon('2026-03-02') })).toMatchObject({ countsInReports: true });
	});

	it('switches only for an organisation the person has a grant with (or had)', async () => {
		expect(await chooseReportConsent(handle.db, { actor: anna, organisationId: noord.id, on: true })).toEqual({ ok: false, reason: 'not_found' });
		await connect(false);
		expect(await chooseReportConsent(handle.db, { actor: anna, organisationId: noord.id, on: true, now: at('2026-03-05T09:00:00Z') })).toEqual({ ok: true, on: true });
		expect(await chooseReportConsent(handle.db, { actor: anna, organisationId: zuid.id, on: true })).toEqual({ ok: false, reason: 'not_found' });
		expect(await chooseReportConsent(handle.db, { actor: anna, organisationId: 'no-such-organisation', on: true })).toEqual({ ok: false, reason: 'not_found' });
		expect(await reportConsentsOf(handle.db, anna.id)).toEqual([{ organisationId: noord.id, organisationName: 'Buurtteam Noord', on: true, since: '2026-03-05T09:00:00.000Z' }]);
		// Nobody signed in: refused before anything is read.
		await expect(chooseReportConsent(handle.db, { actor: null, organisationId: noord.id, on: false })).rejects.toMatchObject({ status: 401 });
	});

	it('is in the export with its dates, and goes with the account', async () => {
		await connect(true, at('2026-03-01T09:00:00Z'));
		await chooseReportConsent(handle.db, { actor: anna, organisationId: noord.id, on: false, now: at('2026-03-06T09:00:00Z') });
		await chooseReportConsent(handle.db, { actor: anna, organisationId: noord.id, on: true, now: at('2026-03-07T09:00:00Z') });
		const exported = await exportPersonalData(handle.db, { account: anna });
		expect(exported.reportConsents).toEqual([
			{ organisation: 'Buurtteam Noord', grantedAt: '2026-03-01T09:00:00.000Z', endedAt: '2026-03-06T09:00:00.000Z' },
			{ organisation: 'Buurtteam Noord', grantedAt: '2026-03-07T09:00:00.000Z', endedAt: null }
		]);
		expect(await deleteAccount(handle.db, { account: anna })).toEqual({ ok: true });
		expect(await handle.db.selectFrom('report_consent').select('id').execute()).toEqual([]);
	});
});
