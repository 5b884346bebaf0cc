/**
 * Leading a group: the leaders see the participants by the name they chose, record attendance in one step each, keep
 * an encrypted note per participant per session, see drop-out signals and check-in totals (from 3 answers; a person's
 * own answers only when shared). Every read writes one `client.group.read` per participant shown. Admins and other
 * professionals never see a participant; a participant who left is gone from the leaders' pages at once.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db/client';
import {
	deleteGroupNote,
	groupOverviewForLeader,
	recordAttendance,
	recordEveryoneArrived,
	saveGroupNote,
	sessionForLeader
} from '$lib/features/groups/leading.server';
import { testDatabases } from './databases';
import { groupNow, groupWorld, type GroupWorld, type TestParticipant } from './group-fixtures';
import { refusal } from './refusal';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-groups-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const noAccess = { status: 403, reason: 'no_access' };
/** After the third session (16 March), before the fourth. */
const afterThird = new Date('2026-03-17T09:00:00Z');

describe.each(testDatabases())('leading a group on $name', (target) => {
	let handle: DatabaseHandle;
	let world: GroupWorld;
	let anna: TestParticipant;
	let ben: TestParticipant;
	let cor: TestParticipant;

	beforeEach(async () => {
		handle = await target.open();
		world = await groupWorld(handle);
		anna = await world.join('anna@example.nl', 'Anna', { share: true });
		ben = await world.join('ben@example.nl', 'Ben');
		cor = await world.join('cor@example.nl', 'Cor');
	});
	afterEach(() => handle.close());

	const groupReads = () =>
		handle.db.selectFrom('audit_event').select(['actor_id', 'subject_id', 'object']).where('action', '=', 'client.group.read').execute();
	const base = () => ({ groupId: world.group.id });
	const mark = (participant: TestParticipant, session: number, status: 'present' | 'late' | 'excused' | 'absent' | 'stopped' | 'expected', actor = world.lotte) =>
		recordAttendance(handle.db, { actor, ...base(), sessionId: world.sessionIds[session]!, participantId: participant.id, status, now: afterThird });
	const checkIn = (participant: TestParticipant, session: number, answers: [number, number, number], line?: string) =>
		world.groups.checkIn(world.sessionIds[session]!, participant, { welcome: answers[0], enjoyed: answers[1], comeAgain: answers[2], line, at: afterThird.toISOString() });

	it('records attendance in one step each, shows "absent twice" and completion, and audits one read per participant', async () => {
		for (const session of [0, 1, 2]) await mark(anna, session, 'present');
		await mark(ben, 0, 'present');
		await mark(ben, 1, 'absent');
		await mark(ben, 2, 'excused');
		await mark(cor, 0, 'late');
		await mark(cor, 1, 'present');
		await mark(cor, 2, 'absent');

		const overview = await groupOverviewForLeader(handle.db, { actor: world.lars, ...base(), now: afterThird });
		expect(overview.participants.map((p) => p.name)).toEqual(['Anna', 'Ben', 'Cor']);
		const byName = Object.fromEntries(overview.participants.map((p) => [p.name, p]));
		expect(byName.Anna).toMatchObject({ attended: 3, completed: false, signals: [] });
		expect(byName.Ben!.signals).toEqual(['absent_twice']);
		expect(byName.Cor!.signals).toEqual(['absent_without_notice']);
		expect(overview.nextSession).toMatchObject({ id: world.sessionIds[3], day: '2026-03-23', startsAt: '10:00', place: 'Buurthuis De Brug' });
		expect(await groupReads()).toEqual(
			expect.arrayContaining([anna, ben, cor].map((p) => ({ actor_id: world.lars.id, subject_id: p.person.id, object: world.group.id })))
		);
		expect(await groupReads()).toHaveLength(3);

		// "Expected" clears a status (nothing recorded is no absence); stopped outranks the rest.
		await mark(ben, 2, 'expected');
		await mark(cor, 2, 'stopped');
		const again = await groupOverviewForLeader(handle.db, { actor: world.lotte, ...base(), now: afterThird });
		expect(Object.fromEntries(again.participants.map((p) => [p.name, p.signals]))).toEqual({ Anna: [], Ben: [], Cor: ['stopped'] });
		expect(again.participants.find((p) => p.name === 'Ben')!.attendance).toEqual({ [world.sessionIds[0]!]: 'present', [world.sessionIds[1]!]: 'absent' });
	});

	it('marks everyone without a status present in one step, leaving an afmelding as it is', async () => {
		await mark(ben, 0, 'excused');
		expect(await recordEveryoneArrived(handle.db, { actor: world.lotte, ...base(), sessionId: world.sessionIds[0]!, now: afterThird })).toBe(2);
		const session = await sessionForLeader(handle.db, { actor: world.lotte, ...base(), sessionId: world.sessionIds[0]!, now: afterThird });
		expect(session!.participants.map((p) => [p.name, p.status])).toEqual([['Anna', 'present'], ['Ben', 'excused'], ['Cor', 'present']]);
	});

	it('keeps one encrypted note per participant per session, editable by either leader and deletable', async () => {
		const sessionId = world.sessionIds[1]!;
		const note = (body: string, actor = world.lotte) => saveGroupNote(handle.db, { actor, ...base(), sessionId, participantId: ben.id, body, now: afterThird });
		expect(await note('Ben was stil vandaag.')).toBe('saved');
		expect(await note('Ben was stil. Na afloop even gepraat.', world.lars)).toBe('saved');
		const rows = await handle.db.selectFrom('group_note').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.body).not.toContain('Ben');
		const session = await sessionForLeader(handle.db, { actor: world.lotte, ...base(), sessionId, now: afterThird });
		expect(session!.participants.find((p) => p.name === 'Ben')!.note).toMatchObject({ body: 'Ben was stil. Na afloop even gepraat.' });
		expect(session!.participants.find((p) => p.name === 'Anna')!.note).toBeNull();
		expect(await deleteGroupNote(handle.db, { actor: world.lotte, ...base(), sessionId, participantId: ben.id })).toBe('deleted');
		expect(await handle.db.selectFrom('group_note').selectAll().execute()).toEqual([]);
	});

	it('shows check-in totals only from three answers, and a person’s own answers only when they shared them', async () => {
		await checkIn(anna, 0, [5, 4, 5], 'Fijn om er te zijn.');
		await checkIn(ben, 0, [2, 3, 2], 'Ik voelde me een beetje alleen.');
		await checkIn(anna, 1, [4, 4, 4]);
		await checkIn(ben, 1, [3, 3, 3]);
		await checkIn(cor, 0, [4, 5, 4]);
		const overview = await groupOverviewForLeader(handle.db, { actor: world.lotte, ...base(), now: afterThird });
		const totals = Object.fromEntries(overview.checkInTotals.map((t) => [t.sessionId, t]));
		expect(totals[world.sessionIds[0]!]!.answered).toBe(3);
		expect(totals[world.sessionIds[0]!]!.items!.find((i) => i.item === 'welcome')).toMatchObject({ answered: 3, mean: 11 / 3 });
		expect(totals[world.sessionIds[1]!]).toEqual({ sessionId: world.sessionIds[1], answered: 2, items: null });
		const byName = Object.fromEntries(overview.participants.map((p) => [p.name, p]));
		expect(byName.Anna!.checkIns).toEqual(expect.arrayContaining([expect.objectContaining({ welcome: 5, line: 'Fijn om er te zijn.' })]));
		expect(byName.Ben!.checkIns).toBeNull();
		expect(JSON.stringify(overview)).not.toContain('alleen');
	});

	it('lets only the group’s leaders in: not an admin, a colleague or another organisation; a leaver is gone at once', async () => {
		for (const actor of [world.noord.admin, world.piet, world.karel, anna.person, null]) {
			const refused = await refusal(groupOverviewForLeader(handle.db, { actor, ...base() }));
			expect(refused.status === 401 || refused.status === 403).toBe(true);
		}
		expect(await refusal(mark(anna, 0, 'present', world.piet))).toMatchObject(noAccess);
		await world.groups.leave(cor, groupNow);
		const overview = await groupOverviewForLeader(handle.db, { actor: world.lotte, ...base(), now: afterThird });
		expect(overview.participants.map((p) => p.name)).toEqual(['Anna', 'Ben']);
		expect(await mark(cor, 0, 'present')).toBe('not_found');
		// A grant that ended before the participation was closed lets nobody in either.
		await handle.db.updateTable('consent_grant').set({ ended_at: afterThird.toISOString() }).where('id', '=', ben.grantId).execute();
		expect(await refusal(mark(ben, 0, 'present'))).toMatchObject(noAccess);
		expect((await groupReads()).filter((r) => r.subject_id === cor.person.id || r.subject_id === ben.person.id)).toHaveLength(1);
	});

	it('serves the session page for a group of twelve quickly (server time)', async () => {
		for (let i = 4; i <= 12; i++) await world.join(`deelnemer${i}@example.nl`, `Deelnemer ${String(i).padStart(2, '0')}`);
		for (const session of [0, 1]) await recordEveryoneArrived(handle.db, { actor: world.lotte, ...base(), sessionId: world.sessionIds[session]!, now: afterThird });
		const sessionId = world.sessionIds[2]!;
		await sessionForLeader(handle.db, { actor: world.lotte, ...base(), sessionId, now: afterThird });
		const times: number[] = [];
		for (let run = 0; run < 20; run++) {
			const started = performance.now();
			const page = await sessionForLeader(handle.db, { actor: world.lotte, ...base(), sessionId, now: afterThird });
			times.push(performance.now() - started);
			expect(page!.participants).toHaveLength(12);
		}
		times.sort((a, b) => a - b);
		console.info(`sessionForLeader, 12 participants on ${target.name}: median ${times[10]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
		expect(times[10]).toBeLessThan(250);
	});
});
