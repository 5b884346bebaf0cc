/**
 * The programme for a group that follows it: joining enrols the person (or moves their running enrolment to the
 * group), and week N opens on the day of the group's session N; a moved session moves its week.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import { startProgramme } from '$lib/features/programme/enrolment.server';
import { followGroupProgramme } from '$lib/features/programme/group-link.server';
import { createGroupCode } from '$lib/features/groups/codes.server';
import { joinGroupSchema } from '$lib/features/groups/participation.schema';
import { joinGroup } from '$lib/features/groups/participation.server';
import { programmeView } from '$lib/features/programme/progress.server';
import type { DatabaseHandle } from '$lib/server/db/client';
import { localInstant } from '$lib/time';
import { testDatabases } from './databases';
import { groupFixtures, type GroupFixtures, type TestGroup } from './group-fixtures';
import { professionalFixtures } from './professional-fixtures';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-group-programme-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const days = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20'];
const at = (day: string) => localInstant(day, '12:00');

describe.each(testDatabases())('the programme in a group on $name', (target) => {
	let handle: DatabaseHandle;
	let anna: SignedInAccount;
	let group: TestGroup;
	let piet: SignedInAccount;
	let groups: GroupFixtures;

	beforeEach(async () => {
		handle = await target.open();
		const fixtures = professionalFixtures(handle);
		const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		groups = groupFixtures(handle);
		group = await groups.group(noord, [piet], { days, returnDay: '2026-07-13', programme: true, now: at('2026-02-01') });
	});
	const join = () => groups.join(anna, group, { at: at('2026-02-20') });
	afterEach(() => handle.close());

	const follow = () => handle.db.transaction().execute((trx) => followGroupProgramme(trx, { personId: anna.id, groupId: group.id, now: at('2026-02-20') }));
	const open = async (day: string) => ((await programmeView(handle.db, { actor: anna, now: at(day) }))?.weeks ?? []).filter((w) => w.state !== 'locked').map((w) => w.week);

	it('joining enrols the person; week N opens on the day of session N, the follow-up on the return meeting', async () => {
		// Following the group by itself makes a new enrolment; joining (which follows it too) keeps that one.
		const followed = await follow();
		expect(followed.moved).toBe(false);
		await join();
		const row = await handle.db.selectFrom('programme_enrolment').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ id: followed.enrolmentId, account_id: anna.id, group_id: group.id, state: 'active', organisation_id: group.organisationId });
		expect(await open('2026-03-01')).toEqual([0]);
		expect(await open('2026-03-02')).toEqual([0, 1]);
		expect(await open('2026-03-17')).toEqual([0, 1, 2, 3]);
		expect(await open('2026-07-12')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
		expect((await programmeView(handle.db, { actor: anna, now: at('2026-03-17') }))?.weeks[4]?.opensOn).toBe('2026-03-23');
		expect(await open('2026-07-13')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});

	it('joining by code enrols the person on the days of the group, with the programme in what the leaders see', async () => {
		const bob = await professionalFixtures(handle).person('bob@example.nl', 'Bob');
		const { code } = await createGroupCode(handle.db, { actor: piet, groupId: group.id, now: at('2026-02-20') });
		const joined = await joinGroup(handle.db, { actor: bob, input: joinGroupSchema.parse({ code, personName: 'Bob' }), now: at('2026-02-21') });
		expect(joined).toEqual({ ok: true, groupId: group.id });
		const enrolment = await handle.db.selectFrom('programme_enrolment').selectAll().where('account_id', '=', bob.id).executeTakeFirstOrThrow();
		expect(enrolment).toMatchObject({ group_id: group.id, state: 'active' });
		const grant = await handle.db.selectFrom('consent_grant').selectAll().where('person_id', '=', bob.id).executeTakeFirstOrThrow();
		expect(JSON.parse(grant.scopes)).toEqual(['group', 'programme']);
		expect((await programmeView(handle.db, { actor: bob, now: at('2026-03-09') }))?.weeks.filter((w) => w.state !== 'locked').map((w) => w.week)).toEqual([0, 1, 2]);
	});

	it('a running enrolment moves to the group, and a moved session moves its week', async () => {
		const started = await startProgramme(handle.db, { actor: anna, input: { reminders: 'none' }, now: at('2026-01-05') });
		expect(started.ok).toBe(true);
		await join();
		expect(await follow()).toEqual({ enrolmentId: (started as { id: string }).id, moved: true });
		expect(await handle.db.selectFrom('programme_enrolment').select('id').execute()).toHaveLength(1);
		await handle.db.updateTable('group_session').set({ day: '2026-03-04' }).where('id', '=', group.sessionIds[0]!).execute();
		expect(await open('2026-03-03')).toEqual([0]);
		expect(await open('2026-03-04')).toEqual([0, 1]);
	});
});
