/**
 * Consent to a whole organisation: a person may let every professional of the organisation see what they
 * share (a team), instead of only the professional who invited them. Colleagues are never let in by default; the
 * person can narrow it again at any moment, and requests the new consent no longer covers end at once.
 */
import { changeConsentScopes, removeMember, withdrawConsent } from '$lib/composers/consent-changes.server';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { deleteAccount } from '$lib/composers/personal-data/personal-data.server';
import { openCaseload } from '$lib/composers/caseload/caseload.server';
import { openClientRecord } from '$lib/composers/client-record/clients.server';
import { listConsentGrantsForPerson } from '$lib/features/consent/consent.server';
import { listMeasurementTasks, listRequestsForClient, requestMeasurement } from '$lib/features/measurement-requests/measurement-requests.server';
import { rateSelfSufficiency, listRatings } from '$lib/features/self-sufficiency/ratings.server';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';
import { professionalFixtures, type TestOrganisation } from './professional-fixtures';
import { refusal } from './refusal';

const today = '2026-03-02';
const noAccess = { status: 403, reason: 'no_access' };

describe.each(testDatabases())('consent to a team on $name', (target) => {
	let handle: DatabaseHandle;
	let noord: TestOrganisation;
	/** Anna's professional at Noord, and two colleagues of his there. */
	let piet: SignedInAccount;
	let kees: SignedInAccount;
	let karin: SignedInAccount;
	/** A professional at another organisation. */
	let olaf: SignedInAccount;
	let anna: SignedInAccount;
	let fixtures: ReturnType<typeof professionalFixtures>;

	const caseloadNames = async (actor: SignedInAccount) =>
		(await openCaseload(handle.db, { actor, today })).entries.map((entry) => entry.facts.name);
	const request = (actor: SignedInAccount) =>
		requestMeasurement(handle.db, { actor, personId: anna.id, input: { instrument: 'djg-11', repeatWeeks: 4, startDay: today } });
	const requestStates = async () =>
		(await handle.db.selectFrom('measurement_request').select(['professional_id', 'end_reason']).orderBy('created_at').execute()).map(
			(row) => [row.professional_id, row.end_reason]
		);

	beforeEach(async () => {
		handle = await target.open();
		fixtures = professionalFixtures(handle);
		noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		kees = await fixtures.professional(noord, 'kees@noord.nl', 'Kees Collega');
		karin = await fixtures.professional(noord, 'karin@noord.nl', 'Karin Collega');
		const zuid = await fixtures.organisation('Buurtteam Zuid', { email: 'zora@zuid.nl', name: 'Zora Admin' });
		olaf = await fixtures.professional(zuid, 'olaf@zuid.nl', 'Olaf Zuid');
		anna = await fixtures.person('anna@example.nl', 'Anna');
	});

	it('lets colleagues in only when the person chose the organisation', async () => {
		await fixtures.connect(anna, piet, ['measurements']);
		expect(await refusal(requireClientAccess(handle.db, kees, { personId: anna.id }))).toEqual(noAccess);
		expect(await caseloadNames(kees)).toEqual([]);
		expect(await caseloadNames(piet)).toEqual(['Anna']);
		expect((await openClientRecord(handle.db, { actor: piet, personId: anna.id })).sharedWithTeam).toBe(false);

		const [grant] = await listConsentGrantsForPerson(handle.db, { actor: anna });
		expect(grant).toMatchObject({ audience: 'professional', professionalActive: true });
		await changeConsentScopes(handle.db, { actor: anna, grantId: grant!.id, scopes: ['measurements'], audience: 'organisation' });

		expect(await requireClientAccess(handle.db, kees, { personId: anna.id, scope: 'measurements' })).toMatchObject({
			personId: anna.id,
			organisationId: noord.id,
			scopes: ['measurements']
		});
		expect(await caseloadNames(kees)).toEqual(['Anna']);
		// Another organisation never, and the admin (no professional role) never.
		expect(await refusal(requireClientAccess(handle.db, olaf, { personId: anna.id }))).toEqual(noAccess);
		expect(await refusal(requireClientAccess(handle.db, noord.admin, { personId: anna.id }))).toEqual(noAccess);
		expect(await caseloadNames(olaf)).toEqual([]);
	});

	it('keeps the scopes: a colleague sees what the person shares, nothing more', async () => {
		await fixtures.connect(anna, piet, ['health_web'], { audience: 'organisation' });
		expect(await refusal(requireClientAccess(handle.db, kees, { personId: anna.id, scope: 'measurements' }))).toEqual(noAccess);
		const record = await openClientRecord(handle.db, { actor: kees, personId: anna.id });
		expect(record.scopes).toEqual(['health_web']);
		expect(record.sharedWithTeam).toBe(true);
		// The colleague's read is in the person's access log under the colleague's name.
		const reads = await handle.db.selectFrom('audit_event').select(['actor_id', 'action']).where('subject_id', '=', anna.id).where('actor_id', '=', kees.id).execute();
		expect(reads.map((row) => row.action)).toContain('client.record.read');
	});

	it('adds up a grant to the professional and one to the team in the same organisation', async () => {
		await fixtures.connect(anna, piet, ['measurements']);
		await fixtures.connect(anna, karin, ['health_web'], { audience: 'organisation' });
		expect((await requireClientAccess(handle.db, piet, { personId: anna.id })).scopes).toEqual(['measurements', 'health_web']);
		expect((await requireClientAccess(handle.db, kees, { personId: anna.id })).scopes).toEqual(['health_web']);
		// One row in the caseload, with both scopes.
		const [entry] = (await openCaseload(handle.db, { actor: piet, today })).entries;
		expect(entry).toMatchObject({ facts: { name: 'Anna' }, scopes: ['measurements', 'health_web'] });
	});

	it('shares ratings within the organisation: a colleague continues where the other left off', async () => {
		await fixtures.connect(anna, piet, ['measurements'], { audience: 'organisation' });
		await rateSelfSufficiency(handle.db, { actor: piet, personId: anna.id, rating: { social_network: { level: 2, source: 'network', note: 'Zus komt vaak' } } });
		const ratings = await listRatings(handle.db, { actor: kees, personId: anna.id });
		expect(ratings).toHaveLength(1);
		expect(ratings[0]).toMatchObject({ professionalName: 'Piet Prof' });
	});

	it('ends a colleague’s questionnaire requests when the person narrows consent to one professional', async () => {
		await fixtures.connect(anna, piet, ['measurements'], { audience: 'organisation' });
		await request(piet);
		await request(kees);
		// Within the team each sees the other's open request (not their own twice), so nobody asks again.
		expect((await listRequestsForClient(handle.db, { actor: piet, personId: anna.id })).colleagues.map((r) => r.professionalName)).toEqual(['Kees Collega']);
		expect((await listRequestsForClient(handle.db, { actor: kees, personId: anna.id })).colleagues.map((r) => r.professionalName)).toEqual(['Piet Prof']);
		expect((await listMeasurementTasks(handle.db, { actor: anna, today })).map((task) => task.professionalName).sort()).toEqual([
			'Kees Collega',
			'Piet Prof'
		]);

		const [grant] = await listConsentGrantsForPerson(handle.db, { actor: anna });
		await changeConsentScopes(handle.db, { actor: anna, grantId: grant!.id, scopes: ['measurements'], audience: 'professional' });

		expect(await refusal(requireClientAccess(handle.db, kees, { personId: anna.id }))).toEqual(noAccess);
		expect(await requestStates()).toEqual([
			[piet.id, null],
			[kees.id, 'consent_changed']
		]);
		// Only Piet now: no team, so no colleagues' requests to show.
		expect((await listRequestsForClient(handle.db, { actor: piet, personId: anna.id })).colleagues).toEqual([]);
		expect((await listMeasurementTasks(handle.db, { actor: anna, today })).map((task) => task.professionalName)).toEqual(['Piet Prof']);
		// The history keeps both grants, the new one for only Piet.
		const grants = await listConsentGrantsForPerson(handle.db, { actor: anna });
		expect(grants.map((g) => [g.audience, g.endReason])).toEqual([
			['professional', null],
			['organisation', 'changed']
		]);
	});

	it('ends everything on withdrawal', async () => {
		const grantId = await fixtures.connect(anna, piet, ['measurements'], { audience: 'organisation' });
		await request(kees);
		expect(await withdrawConsent(handle.db, { actor: anna, grantId })).toBe(true);
		expect(await refusal(requireClientAccess(handle.db, kees, { personId: anna.id }))).toEqual(noAccess);
		expect(await refusal(requireClientAccess(handle.db, piet, { personId: anna.id }))).toEqual(noAccess);
		expect(await requestStates()).toEqual([[kees.id, 'consent_withdrawn']]);
		expect(await listMeasurementTasks(handle.db, { actor: anna, today })).toEqual([]);
	});

	it('keeps consent to the team when the professional who invited leaves, and ends only their requests', async () => {
		await fixtures.connect(anna, piet, ['measurements'], { audience: 'organisation' });
		await request(piet);
		await request(kees);
		const membership = await handle.db
			.selectFrom('membership')
			.select('id')
			.where('account_id', '=', piet.id)
			.where('organisation_id', '=', noord.id)
			.executeTakeFirstOrThrow();
		expect(await removeMember(handle.db, { actor: noord.admin, organisationId: noord.id, membershipId: membership.id })).toMatchObject({ ok: true });

		expect(await refusal(requireClientAccess(handle.db, piet, { personId: anna.id }))).toEqual(noAccess);
		expect(await caseloadNames(kees)).toEqual(['Anna']);
		expect(await requestStates()).toEqual([
			[piet.id, 'professional_left'],
			[kees.id, null]
		]);
		const [grant] = await listConsentGrantsForPerson(handle.db, { actor: anna });
		expect(grant).toMatchObject({ audience: 'organisation', endedAt: null, professionalActive: false });
		// "Only Piet" would be a grant nobody can use: refused, and the team grant stays as it was.
		expect(await changeConsentScopes(handle.db, { actor: anna, grantId: grant!.id, scopes: ['measurements'], audience: 'professional' })).toEqual({
			ok: false,
			reason: 'professional_left'
		});
		expect(await listConsentGrantsForPerson(handle.db, { actor: anna })).toHaveLength(1);
		// Other scopes for the team still work.
		expect(await changeConsentScopes(handle.db, { actor: anna, grantId: grant!.id, scopes: ['measurements', 'programme'] })).toMatchObject({ ok: true });
	});

	it('ends a grant to only the professional when they leave, as before', async () => {
		await fixtures.connect(anna, piet, ['measurements']);
		await request(piet);
		const membership = await handle.db.selectFrom('membership').select('id').where('account_id', '=', piet.id).executeTakeFirstOrThrow();
		await removeMember(handle.db, { actor: noord.admin, organisationId: noord.id, membershipId: membership.id });
		const [grant] = await listConsentGrantsForPerson(handle.db, { actor: anna });
		expect(grant).toMatchObject({ endReason: 'professional_left' });
		expect(await requestStates()).toEqual([[piet.id, 'professional_left']]);
	});

	it('keeps the professional’s own requests when the person connects again with them', async () => {
		await fixtures.connect(anna, piet, ['measurements'], { audience: 'organisation' });
		await request(piet);
		await request(kees);
		// A new code from Piet, now for only him: his request stays, Kees's ends.
		await fixtures.connect(anna, piet, ['measurements']);
		expect(await requestStates()).toEqual([
			[piet.id, null],
			[kees.id, 'consent_changed']
		]);
	});

	it('never lets a professional in on their own record, also when they are a client of their own team', async () => {
		await fixtures.connect(kees, piet, ['measurements', 'health_web'], { audience: 'organisation', personName: 'Kees' });
		expect(await refusal(requireClientAccess(handle.db, kees, { personId: kees.id }))).toEqual(noAccess);
		expect(await caseloadNames(kees)).toEqual([]);
		expect(await caseloadNames(karin)).toEqual(['Kees']);
	});

	it('takes the organisation of a grant to the professional before a newer team grant elsewhere', async () => {
		// Piet works at Zuid too (added directly: the joining itself is tested in organisations.test.ts).
		const zuid = await handle.db.selectFrom('organisation').select('id').where('name', '=', 'Buurtteam Zuid').executeTakeFirstOrThrow();
		await handle.db
			.insertInto('membership')
			.values({ id: crypto.randomUUID(), account_id: piet.id, organisation_id: zuid.id, role: 'professional', created_at: new Date().toISOString() })
			.execute();
		// Anna shares her measurements with Piet at Noord; later her programme with the whole Zuid team.
		await fixtures.connect(anna, piet, ['measurements'], { organisationId: noord.id });
		await fixtures.connect(anna, olaf, ['programme'], { audience: 'organisation' });
		expect(await requireClientAccess(handle.db, piet, { personId: anna.id, scope: 'measurements' })).toMatchObject({
			organisationId: noord.id,
			scopes: ['measurements']
		});
	});

	it('audits reading the ratings, by whoever reads them', async () => {
		await fixtures.connect(anna, piet, ['measurements'], { audience: 'organisation' });
		await listRatings(handle.db, { actor: kees, personId: anna.id });
		const reads = await handle.db.selectFrom('audit_event').select(['actor_id', 'object']).where('subject_id', '=', anna.id).where('action', '=', 'client.ratings.read').execute();
		expect(reads).toEqual([{ actor_id: kees.id, object: 'list' }]);
	});

	it('names a client without a chosen name by their address', async () => {
		await fixtures.connect(anna, piet, ['measurements'], { personName: '' });
		expect((await requireClientAccess(handle.db, piet, { personId: anna.id })).personName).toBe('anna@example.nl');
	});

	it('keeps consent to the team when the professional who invited deletes their account; consent to only them ends', async () => {
		await fixtures.connect(anna, piet, ['measurements'], { audience: 'organisation' });
		const ben = await fixtures.person('ben@example.nl', 'Ben');
		await fixtures.connect(ben, piet, ['measurements']);
		await request(piet);
		await request(kees);
		expect(await deleteAccount(handle.db, { account: piet })).toEqual({ ok: true });

		// Anna's team grant goes on for Kees, without Piet's name; his own request ended with him, Kees's stands.
		expect(await requireClientAccess(handle.db, kees, { personId: anna.id, scope: 'measurements' })).toMatchObject({ organisationId: noord.id });
		expect(await requestStates()).toEqual([
			[null, 'professional_left'],
			[kees.id, null]
		]);
		expect(await listConsentGrantsForPerson(handle.db, { actor: anna })).toEqual([
			expect.objectContaining({ professionalName: null, audience: 'organisation', endedAt: null, professionalActive: false })
		]);
		// Kees's request under the team grant ends with his account too, not later for some other reason.
		expect(await deleteAccount(handle.db, { account: kees })).toEqual({ ok: true });
		expect(await requestStates()).toEqual([
			[null, 'professional_left'],
			[null, 'professional_left']
		]);
		// Ben shared with Piet alone: that ended, and stays in his history.
		expect(await listConsentGrantsForPerson(handle.db, { actor: ben })).toEqual([
			expect.objectContaining({ professionalName: null, audience: 'professional', endReason: 'professional_left' })
		]);
	});
});
