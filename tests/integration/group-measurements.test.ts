/**
 * The group's measurement: the first and the last regular session, once held, ask each current participant for the
 * De Jong Gierveld scale (11 items), due that day, once; the request is the person's task while they are in the group
 * (not by the measurements scope), and leaving ends it.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { askGroupMeasurements } from '$lib/features/groups/group-measurements.server';
import { markSessionHeld } from '$lib/features/groups/sessions.server';
import { listMeasurementTasks } from '$lib/features/measurement-requests/measurement-requests.server';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';
import { groupFixtures, type TestGroup, type TestParticipant } from './group-fixtures';
import { professionalFixtures } from './professional-fixtures';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-group-measurements-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const days = ['2026-03-02', '2026-03-09', '2026-03-16'];
const now = new Date('2026-03-02T11:30:00Z');

describe.each(testDatabases())('group measurements on $name', (target) => {
	let handle: DatabaseHandle;
	let piet: SignedInAccount;
	let anna: SignedInAccount;
	let bert: SignedInAccount;
	let group: TestGroup;
	let annaIn: TestParticipant;
	let groups: ReturnType<typeof groupFixtures>;

	beforeEach(async () => {
		handle = await target.open();
		const fixtures = professionalFixtures(handle);
		const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		bert = await fixtures.person('bert@example.nl', 'Bert');
		groups = groupFixtures(handle);
		group = await groups.group(noord, [piet], { days, returnDay: '2026-06-08' });
		annaIn = await groups.join(anna, group, { name: 'Anna' });
		const bertIn = await groups.join(bert, group, { name: 'Bert' });
		// Bert left before the first session: he is asked nothing.
		expect(await withdrawConsent(handle.db, { actor: bert, grantId: bertIn.grantId, now: new Date('2026-03-01T10:00:00Z') })).toBe(true);
	});
	afterEach(() => handle.close());

	const ask = async (sessionId: string) => {
		await groups.held(sessionId);
		return handle.db.transaction().execute((trx) => askGroupMeasurements(trx, { sessionId, actorId: piet.id, now }));
	};
	const requests = () => handle.db.selectFrom('measurement_request').selectAll().orderBy('due_day').execute();

	it('the first and the last regular session ask each current participant once, due that day; others ask nothing', async () => {
		// Not held yet: nothing.
		expect(await handle.db.transaction().execute((trx) => askGroupMeasurements(trx, { sessionId: group.sessionIds[0]!, actorId: piet.id, now }))).toBe(0);
		expect(await ask(group.sessionIds[0]!)).toBe(1);
		expect(await ask(group.sessionIds[0]!)).toBe(0);
		expect(await ask(group.sessionIds[1]!)).toBe(0);
		expect(await ask(group.returnSessionId!)).toBe(0);
		expect(await ask(group.sessionIds[2]!)).toBe(1);
		expect(await requests()).toEqual([
			expect.objectContaining({ person_id: anna.id, professional_id: piet.id, organisation_id: group.organisationId, instrument_id: 'djg-11', due_day: '2026-03-02', repeat_weeks: null, group_session_id: group.sessionIds[0], ended_at: null }),
			expect.objectContaining({ person_id: anna.id, due_day: '2026-03-16', group_session_id: group.sessionIds[2] })
		]);
	});

	it('a leader marking the first session held asks through markSessionHeld, once', async () => {
		expect(await markSessionHeld(handle.db, { actor: piet, groupId: group.id, sessionId: group.sessionIds[0]!, held: true, now })).toBe('held');
		expect(await markSessionHeld(handle.db, { actor: piet, groupId: group.id, sessionId: group.sessionIds[0]!, held: true, now })).toBe('held');
		expect(await requests()).toEqual([expect.objectContaining({ person_id: anna.id, professional_id: piet.id, group_session_id: group.sessionIds[0] })]);
	});

	it('the request is a task while the person is in the group, without the measurements scope; leaving ends it', async () => {
		await ask(group.sessionIds[0]!);
		expect(await listMeasurementTasks(handle.db, { actor: anna, today: '2026-03-01' })).toEqual([]);
		expect(await listMeasurementTasks(handle.db, { actor: anna, today: '2026-03-02' })).toEqual([
			expect.objectContaining({ instrument: 'djg-11', dueDay: '2026-03-02', professionalName: 'Piet' })
		]);
		expect(await withdrawConsent(handle.db, { actor: anna, grantId: annaIn.grantId, now: new Date('2026-03-05T10:00:00Z') })).toBe(true);
		expect(await listMeasurementTasks(handle.db, { actor: anna, today: '2026-03-05' })).toEqual([]);
		expect(await requests()).toEqual([expect.objectContaining({ ended_at: '2026-03-05T10:00:00.000Z', end_reason: 'consent_withdrawn' })]);
	});
});
