/**
 * The person's side of a group training on both databases: a printed code shows the group before joining; joining is
 * a consent grant for the group's leaders (one place, also when two joins arrive at once; never past the capacity);
 * "ik kan er niet bij zijn" and taking it back; the check-in once, in its window; the settings; a person sees only
 * their own part; leaving through the consent composer ends the leaders' access at once.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { DatabaseHandle } from '$lib/server/db/client';
import { clientGrants } from '$lib/kernel/client-access.server';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { checkInSchema, joinGroupSchema } from '$lib/features/groups/participation.schema';
import {
	changeParticipation,
	excuseMe,
	joinGroup,
	myGroup,
	myGroups,
	previewGroup,
	saveCheckIn,
	takeBackExcuse
} from '$lib/features/groups/participation.server';
import { testDatabases } from './databases';
import { professionalFixtures, type TestOrganisation } from './professional-fixtures';
import { recordAttendance } from '$lib/features/groups/leading.server';
import { groupFixtures, type TestGroup } from './group-fixtures';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-groups-participation-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const noon = (day: string) => new Date(`${day}T11:00:00Z`);
const tuesdays = ['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24'];
/** As a person types a printed code: lower case, a space in the middle. */
const typed = (code: string) => `${code.slice(0, 4).toLowerCase()} ${code.slice(5).toLowerCase()}`;
const answers = checkInSchema.parse({ welcome: '5', enjoyed: '4', come_again: '5', line: 'Fijn dat ik er was.' });

describe.each(testDatabases())('group participation on $name', (target) => {
	let handle: DatabaseHandle;
	let noord: TestOrganisation;
	let piet: SignedInAccount;
	let gerda: SignedInAccount;
	let anna: SignedInAccount;
	let ben: SignedInAccount;
	let group: TestGroup;

	beforeEach(async () => {
		handle = await target.open();
		const fixtures = professionalFixtures(handle);
		noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		gerda = await fixtures.professional(noord, 'gerda@noord.nl', 'Gerda Groen');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		ben = await fixtures.person('ben@example.nl', 'Ben');
		group = await groupFixtures(handle).group(noord, [piet, gerda], { days: tuesdays, now: noon('2026-03-01') });
	});
	afterEach(() => handle.close());

	const join = (actor: SignedInAccount, extra: Record<string, unknown> = {}, now = noon('2026-03-02')) =>
		joinGroup(handle.db, { actor, input: joinGroupSchema.parse({ code: typed(group.code), personName: 'Anna B.', ...extra }), now });

	const participantOf = async (person: SignedInAccount) =>
		(await handle.db.selectFrom('group_participant').select('id').where('account_id', '=', person.id).executeTakeFirstOrThrow()).id;

	it('shows the group before joining, then joins with a group grant that reaches the leaders only for the group', async () => {
		const preview = await previewGroup(handle.db, { actor: anna, code: typed(group.code), now: noon('2026-03-02') });
		expect(preview).toMatchObject({ id: group.id, name: 'Samen op dinsdag', organisationName: 'Buurtteam Noord', leaders: ['Gerda Groen', 'Piet Prof'], followsProgramme: false, full: false, alreadyIn: false });
		expect(preview!.sessions.map((s) => s.day)).toEqual(tuesdays);
		// Nothing about who else is in it: no count, no names.
		expect(Object.keys(preview!).sort()).toEqual(['alreadyIn', 'countsInReports', 'followsProgramme', 'full', 'id', 'leaders', 'name', 'organisationName', 'sessions']);
		expect(await previewGroup(handle.db, { actor: anna, code: 'K7QM-4TXP', now: noon('2026-03-02') })).toBeUndefined();

		expect(await join(anna, { shareCheckIns: 'yes' })).toEqual({ ok: true, groupId: group.id });
		const grant = await handle.db.selectFrom('consent_grant').selectAll().where('person_id', '=', anna.id).executeTakeFirstOrThrow();
		expect(grant).toMatchObject({ audience: 'group', group_id: group.id, professional_id: null, organisation_id: noord.id, scopes: '["group"]', ended_at: null });
		expect(grant.person_name).not.toContain('Anna');
		const audit = await handle.db.selectFrom('audit_event').select(['action', 'object']).where('subject_id', '=', anna.id).execute();
		expect(audit).toContainEqual({ action: 'consent.granted', object: 'group' });

		const reached = await clientGrants(handle.db, { professionalId: piet.id, scope: 'group' });
		expect(reached.get(anna.id)).toMatchObject({ personName: 'Anna B.', groupIds: [group.id], guides: false });
		// Without the group scope a leader is not the person's professional.
		expect((await clientGrants(handle.db, { professionalId: piet.id })).has(anna.id)).toBe(false);
		expect((await previewGroup(handle.db, { actor: anna, code: group.code, now: noon('2026-03-02') }))!.alreadyIn).toBe(true);
	});

	it('adds the programme scope when the group follows the programme', async () => {
		group = await groupFixtures(handle).group(noord, [piet], { days: tuesdays, programme: true, now: noon('2026-03-01') });
		expect((await previewGroup(handle.db, { actor: anna, code: group.code, now: noon('2026-03-02') }))!.followsProgramme).toBe(true);
		expect(await join(anna)).toMatchObject({ ok: true });
		const grant = await handle.db.selectFrom('consent_grant').select('scopes').where('person_id', '=', anna.id).executeTakeFirstOrThrow();
		expect(JSON.parse(grant.scopes)).toEqual(['group', 'programme']);
	});

	it('gives one place when the same person joins twice at once, and none past the capacity or in an ended group', async () => {
		const results = await Promise.all([join(anna), join(anna)]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'already_in' });
		expect(await handle.db.selectFrom('group_participant').select('id').where('account_id', '=', anna.id).execute()).toHaveLength(1);
		expect(await handle.db.selectFrom('consent_grant').select('id').where('person_id', '=', anna.id).execute()).toHaveLength(1);

		const small = await groupFixtures(handle).group(noord, [piet], { days: tuesdays, capacity: 2, now: noon('2026-03-01') });
		group = small;
		expect(await join(anna)).toMatchObject({ ok: true });
		const fixtures = professionalFixtures(handle);
		const cor = await fixtures.person('cor@example.nl', 'Cor');
		const last = await Promise.all([join(ben), join(cor)]);
		expect(last.filter((r) => r.ok)).toHaveLength(1);
		expect(last.find((r) => !r.ok)).toEqual({ ok: false, reason: 'full' });
		expect((await previewGroup(handle.db, { actor: anna, code: small.code, now: noon('2026-03-02') }))!.full).toBe(true);

		await handle.db.updateTable('group_training').set({ archived_at: noon('2026-03-02').toISOString() }).where('id', '=', small.id).execute();
		expect(await previewGroup(handle.db, { actor: anna, code: small.code, now: noon('2026-03-02') })).toBeUndefined();
		const dora = await fixtures.person('dora@example.nl', 'Dora');
		expect(await join(dora)).toEqual({ ok: false, reason: 'invalid' });
	});

	it('records "ik kan er niet bij zijn" once, shows it, and lets the person take it back while the session is planned', async () => {
		await join(anna);
		const [first, second] = group.sessionIds as [string, string];
		const excuse = (sessionId: string, day: string) => excuseMe(handle.db, { actor: anna, groupId: group.id, sessionId, now: noon(day) });
		expect(await excuse(second, '2026-03-10')).toEqual({ ok: true });
		expect(await excuse(second, '2026-03-10')).toEqual({ ok: true });
		expect(await excuse(first, '2026-03-10')).toEqual({ ok: false, reason: 'too_late' });
		expect(await excuseMe(handle.db, { actor: ben, groupId: group.id, sessionId: second, now: noon('2026-03-09') })).toEqual({ ok: false, reason: 'not_found' });
		const rows = await handle.db.selectFrom('group_attendance').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ session_id: second, status: 'excused', excused_by_person: 1 });

		const summary = (await myGroups(handle.db, { actor: anna, today: '2026-03-10' }))[0]!;
		expect(summary.next).toMatchObject({ id: second, own: 'excused', canTakeBack: true, place: 'Buurthuis De Brug, zaal 2' });
		const mine = (await myGroup(handle.db, { actor: anna, groupId: group.id, today: '2026-03-10' }))!;
		expect(mine.sessions[1]).toMatchObject({ own: 'excused', canTakeBack: true });

		expect(await takeBackExcuse(handle.db, { actor: anna, groupId: group.id, sessionId: second, now: noon('2026-03-10') })).toEqual({ ok: true });
		expect(await handle.db.selectFrom('group_attendance').selectAll().execute()).toHaveLength(0);

		// A status the leader set stays: the person's afmelding neither replaces it nor takes it away.
		expect(await recordAttendance(handle.db, { actor: piet, groupId: group.id, sessionId: second, participantId: await participantOf(anna), status: 'absent', now: noon('2026-03-10') })).toBe('saved');
		expect(await excuse(second, '2026-03-10')).toEqual({ ok: false, reason: 'recorded' });
		expect(await takeBackExcuse(handle.db, { actor: anna, groupId: group.id, sessionId: second, now: noon('2026-03-10') })).toEqual({ ok: true });
		expect(await handle.db.selectFrom('group_attendance').select('status').executeTakeFirst()).toEqual({ status: 'absent' });
		// An absence is for the leaders, never shown to the person.
		expect((await myGroup(handle.db, { actor: anna, groupId: group.id, today: '2026-03-10' }))!.sessions[1]!.own).toBeNull();
	});

	it('takes a check-in once, after a session and up to 14 days later, never for a cancelled one', async () => {
		await join(anna);
		const [first, second, third] = group.sessionIds as [string, string, string];
		const checkIn = (sessionId: string, day: string) => saveCheckIn(handle.db, { actor: anna, groupId: group.id, sessionId, input: answers, now: noon(day) });
		expect(await checkIn(first, '2026-03-03')).toEqual({ ok: false, reason: 'not_open' });
		expect((await myGroups(handle.db, { actor: anna, today: '2026-03-04' }))[0]!.checkInDue?.id).toBe(first);
		expect(await checkIn(first, '2026-03-04')).toEqual({ ok: true });
		expect(await checkIn(first, '2026-03-05')).toEqual({ ok: false, reason: 'already' });
		expect((await myGroups(handle.db, { actor: anna, today: '2026-03-05' }))[0]!.checkInDue).toBeNull();

		await handle.db.updateTable('group_session').set({ status: 'held' }).where('id', '=', second).execute();
		expect(await checkIn(second, '2026-03-10')).toEqual({ ok: true });
		await handle.db.updateTable('group_session').set({ status: 'cancelled' }).where('id', '=', third).execute();
		expect(await checkIn(third, '2026-03-18')).toEqual({ ok: false, reason: 'not_open' });
		expect(await checkIn(group.sessionIds[3]!, '2026-04-08')).toEqual({ ok: false, reason: 'not_open' });
		// Someone who sent an afmelding is not asked how it was.
		expect(await excuseMe(handle.db, { actor: anna, groupId: group.id, sessionId: group.sessionIds[3]!, now: noon('2026-03-24') })).toEqual({ ok: true });
		expect(await checkIn(group.sessionIds[3]!, '2026-03-25')).toEqual({ ok: false, reason: 'not_open' });
		expect(await saveCheckIn(handle.db, { actor: ben, groupId: group.id, sessionId: second, input: answers, now: noon('2026-03-11') })).toEqual({ ok: false, reason: 'not_found' });

		const rows = await handle.db.selectFrom('group_checkin').selectAll().orderBy('created_at').execute();
		expect(rows.map((r) => [r.session_id, r.welcome, r.enjoyed, r.come_again])).toEqual([[first, 5, 4, 5], [second, 5, 4, 5]]);
		expect(rows[0]!.line).not.toContain('Fijn');
		const mine = (await myGroup(handle.db, { actor: anna, groupId: group.id, today: '2026-03-11' }))!;
		expect(mine.sessions.map((s) => s.checkIn)).toEqual(['done', 'done', null, null]);
	});

	it('keeps the settings, and shows a person only their own groups', async () => {
		await join(anna);
		expect((await myGroup(handle.db, { actor: anna, groupId: group.id }))).toMatchObject({ shareCheckIns: false, reminders: 'day_before', leaders: ['Gerda Groen', 'Piet Prof'] });
		expect(await changeParticipation(handle.db, { actor: anna, groupId: group.id, input: { shareCheckIns: true, reminders: 'none' } })).toEqual({ ok: true });
		expect((await myGroup(handle.db, { actor: anna, groupId: group.id }))).toMatchObject({ shareCheckIns: true, reminders: 'none' });
		expect(await changeParticipation(handle.db, { actor: ben, groupId: group.id, input: { shareCheckIns: true, reminders: 'none' } })).toEqual({ ok: false, reason: 'not_found' });
		expect(await myGroup(handle.db, { actor: ben, groupId: group.id })).toBeNull();
		expect(await myGroups(handle.db, { actor: ben })).toEqual([]);
	});

	it('leaves through the consent composer: the grant ends, the leaders lose access, the group is gone for the person', async () => {
		await join(anna);
		const [summary] = await myGroups(handle.db, { actor: anna, today: '2026-03-02' });
		expect(await withdrawConsent(handle.db, { actor: anna, grantId: summary!.grantId, now: noon('2026-03-05') })).toBe(true);
		const grant = await handle.db.selectFrom('consent_grant').select(['ended_at', 'end_reason']).where('id', '=', summary!.grantId).executeTakeFirstOrThrow();
		expect(grant).toEqual({ ended_at: noon('2026-03-05').toISOString(), end_reason: 'withdrawn' });
		expect((await clientGrants(handle.db, { professionalId: piet.id, scope: 'group' })).has(anna.id)).toBe(false);
		expect((await clientGrants(handle.db, { professionalId: gerda.id, withGroups: true })).has(anna.id)).toBe(false);
		expect(await myGroups(handle.db, { actor: anna })).toEqual([]);
		expect(await excuseMe(handle.db, { actor: anna, groupId: group.id, sessionId: group.sessionIds[1]!, now: noon('2026-03-09') })).toEqual({ ok: false, reason: 'not_found' });
		// Joining again is a new place with a new grant.
		expect(await join(anna, {}, noon('2026-03-06'))).toMatchObject({ ok: true });
		expect((await clientGrants(handle.db, { professionalId: piet.id, scope: 'group' })).has(anna.id)).toBe(true);
	});
});
