/**
 * The group trainings in the composers: a participant's export holds their groups with their own attendance,
 * check-ins and the leaders' notes about them (decrypted); leaving (withdrawing the group grant) ends the participation
 * and the leaders' reach at once; the caseload's facts are only about the reader's own groups, and a check-in the
 * person kept to themselves never becomes a signal; deleting the account takes every group row about them.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import { clientGrants } from '$lib/kernel/client-access.server';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { deleteAccount, exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import { groupsData } from '$lib/features/groups/index.server';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';
import { groupFixtures, type TestGroup, type TestParticipant } from './group-fixtures';
import { professionalFixtures, type TestOrganisation } from './professional-fixtures';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-group-data-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const days = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20'];

describe.each(testDatabases())('group trainings in the composers on $name', (target) => {
	let handle: DatabaseHandle;
	let noord: TestOrganisation;
	let piet: SignedInAccount;
	let kees: SignedInAccount;
	let anna: SignedInAccount;
	let group: TestGroup;
	let other: TestGroup;
	let annaIn: TestParticipant;
	let groups: ReturnType<typeof groupFixtures>;

	beforeEach(async () => {
		handle = await target.open();
		const fixtures = professionalFixtures(handle);
		noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet');
		kees = await fixtures.professional(noord, 'kees@noord.nl', 'Kees');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		groups = groupFixtures(handle);
		group = await groups.group(noord, [piet], { name: 'Samen op maandag', days, returnDay: '2026-07-13', startsAt: '10:00', endsAt: '11:30' });
		other = await groups.group(noord, [kees], { name: 'Wandelgroep', days: ['2026-03-03'] });
		annaIn = await groups.join(anna, group, { name: 'Anna B.', shareCheckIns: false });
	});
	afterEach(() => handle.close());

	it('the export holds the group, the own attendance, check-ins and the leaders’ notes, decrypted', async () => {
		await groups.attend(group.sessionIds[0]!, annaIn, 'present', { by: piet });
		await groups.attend(group.sessionIds[1]!, annaIn, 'excused', { byPerson: true });
		await groups.checkIn(group.sessionIds[0]!, annaIn, { welcome: 5, enjoyed: 4, comeAgain: 5, line: 'Fijn dat Truus er ook was.' });
		await groups.note(group.sessionIds[0]!, annaIn, piet, 'Anna vertelde over haar kleinzoon.');
		const exported = await exportPersonalData(handle.db, { account: anna, now: new Date('2026-03-20T10:00:00Z') });
		expect(exported.groups).toHaveLength(1);
		const [part] = exported.groups;
		expect(part).toMatchObject({ group: 'Samen op maandag', organisation: 'Buurtteam Noord', leftAt: null, sharesCheckIns: false, reminders: 'day_before' });
		expect(part!.sessions).toHaveLength(9);
		expect(part!.sessions.slice(0, 3).map((s) => [s.day, s.attendance, s.excusedByMe])).toEqual([
			['2026-03-02', 'present', false],
			['2026-03-09', 'excused', true],
			['2026-03-16', 'expected', false]
		]);
		expect(part!.sessions.at(-1)).toMatchObject({ day: '2026-07-13', returnMeeting: true });
		expect(part!.checkIns).toEqual([expect.objectContaining({ session: '2026-03-02', welcome: 5, enjoyed: 4, comeAgain: 5, line: 'Fijn dat Truus er ook was.' })]);
		expect(part!.leaderNotes).toEqual([expect.objectContaining({ session: '2026-03-02', by: 'Piet', body: 'Anna vertelde over haar kleinzoon.' })]);
		// Nothing of another member: Bert's rows are not in Anna's export.
		const bert = await professionalFixtures(handle).person('bert@example.nl', 'Bert');
		const bertIn = await groups.join(bert, group, { name: 'Bert' });
		await groups.note(group.sessionIds[0]!, bertIn, piet, 'Bert kwam te laat.');
		const again = await exportPersonalData(handle.db, { account: anna, now: new Date('2026-03-20T10:00:00Z') });
		expect(JSON.stringify(again)).not.toContain('Bert');
	});

	it('leaving (withdrawing the group grant) sets left_at and ends the leaders’ reach at once', async () => {
		expect((await clientGrants(handle.db, { professionalId: piet.id, withGroups: true })).get(anna.id)).toMatchObject({ groupIds: [group.id], guides: false });
		expect(await withdrawConsent(handle.db, { actor: anna, grantId: annaIn.grantId, now: new Date('2026-03-10T08:00:00Z') })).toBe(true);
		const row = await handle.db.selectFrom('group_participant').select('left_at').where('id', '=', annaIn.id).executeTakeFirstOrThrow();
		expect(row.left_at).toBe('2026-03-10T08:00:00.000Z');
		expect((await clientGrants(handle.db, { professionalId: piet.id, withGroups: true })).has(anna.id)).toBe(false);
		expect(await groupsData.readForClients!(handle.db, { readerId: piet.id, personIds: [anna.id], today: '2026-03-20' })).toEqual(new Map());
	});

	it('the caseload facts: only the reader’s groups, signals from attendance, a check-in kept private is no signal', async () => {
		await groups.attend(group.sessionIds[0]!, annaIn, 'present', { by: piet });
		await groups.attend(group.sessionIds[1]!, annaIn, 'absent', { by: piet });
		await groups.attend(group.sessionIds[2]!, annaIn, 'absent', { by: piet });
		await groups.checkIn(group.sessionIds[2]!, annaIn, { welcome: 1, enjoyed: 1, comeAgain: 1 });
		const read = (readerId: string) => groupsData.readForClients!(handle.db, { readerId, personIds: [anna.id], today: '2026-03-20' });
		expect((await read(piet.id)).get(anna.id)).toEqual([
			{
				groupId: group.id,
				groupName: 'Samen op maandag',
				nextSession: { day: '2026-03-23', startsAt: '10:00' },
				attended: 1,
				past: 3,
				signals: ['absent_twice', 'absent_without_notice'],
				completed: false
			}
		]);
		// Kees leads another group: nothing of Anna reaches him.
		expect(await read(kees.id)).toEqual(new Map());
		// Once she shares her check-ins, the low one is a signal too.
		await handle.db.updateTable('group_participant').set({ share_checkins: 1 }).where('id', '=', annaIn.id).execute();
		expect((await read(piet.id)).get(anna.id)![0]!.signals).toEqual(['absent_twice', 'absent_without_notice', 'low_check_in']);
		expect(other.sessionIds).toHaveLength(1);
	});

	it('activity days: check-ins and sessions attended, within the range', async () => {
		await groups.attend(group.sessionIds[0]!, annaIn, 'present', { by: piet });
		await groups.attend(group.sessionIds[1]!, annaIn, 'absent', { by: piet });
		await groups.attend(group.sessionIds[2]!, annaIn, 'late', { by: piet });
		await groups.checkIn(group.sessionIds[0]!, annaIn, { welcome: 4, enjoyed: 4, comeAgain: 4, at: '2026-03-03T09:00:00.000Z' });
		expect(await groupsData.activityDays!(handle.db, anna.id, { from: '2026-03-01', to: '2026-03-10' })).toEqual([
			{ kind: 'group_session', day: '2026-03-02' },
			{ kind: 'group_check_in', day: '2026-03-03' }
		]);
	});

	it('deleting the participant’s account takes every group row about them; the group stays', async () => {
		await groups.attend(group.sessionIds[0]!, annaIn, 'present', { by: piet });
		await groups.checkIn(group.sessionIds[0]!, annaIn, { welcome: 5, enjoyed: 5, comeAgain: 5, line: 'Gezellig.' });
		await groups.note(group.sessionIds[0]!, annaIn, piet, 'Goed gesprek.');
		await handle.db.insertInto('group_mail').values({ participant_id: annaIn.id, key: `reminder:${group.sessionIds[1]}`, sent_at: '2026-03-08T10:00:00.000Z' }).execute();
		expect(await deleteAccount(handle.db, { account: anna })).toEqual({ ok: true });
		for (const table of ['group_participant', 'group_attendance', 'group_checkin', 'group_note', 'group_mail'] as const) {
			expect(await handle.db.selectFrom(table).selectAll().execute(), table).toEqual([]);
		}
		expect(await handle.db.selectFrom('group_session').select('id').where('group_id', '=', group.id).execute()).toHaveLength(9);
		// A leader who leaves brug: the notes stay with the people they are about, without the author.
		const bert = await professionalFixtures(handle).person('bert@example.nl', 'Bert');
		const bertIn = await groups.join(bert, group, { name: 'Bert' });
		await groups.note(group.sessionIds[0]!, bertIn, piet, 'Bert lachte veel.');
		expect(await deleteAccount(handle.db, { account: piet })).toEqual({ ok: true });
		const exported = await exportPersonalData(handle.db, { account: bert, now: new Date('2026-03-20T10:00:00Z') });
		expect(exported.groups[0]!.leaderNotes).toEqual([expect.objectContaining({ by: null, body: 'Bert lachte veel.' })]);
	});
});
