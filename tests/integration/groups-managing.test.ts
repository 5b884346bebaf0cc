/**
 * Running a group as an organisation: creating it (an admin or a professional, who need not lead it), its settings
 * and leaders, archiving, the lists for leaders and admins (counts only), and sessions: a weekly series with a return
 * meeting, moved or cancelled with one mail per participant per change, once, also with two instances running.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { migrateToLatest } from '$lib/server/db/migrate';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/client';
import { openJobRunner, jobRecord, type JobDatabase, type JobRunner } from '$lib/server/jobs';
import type { OutgoingMail } from '$lib/server/mail/mailer';
import { archiveGroup, createGroup, groupForManager, listGroupsForManager, listGroupsForOrganisation, listGroupsForProfessional, updateGroup } from '$lib/features/groups/group.server';
import { groupSchema, newGroupSchema, sessionChangeSchema, sessionSeriesSchema } from '$lib/features/groups/group.schema';
import { addSessions, cancelSession, markSessionHeld, moveSession } from '$lib/features/groups/sessions.server';
import { sendSessionChangeMails, sessionChangeJob, sessionChangeKey, startGroupSessionMails } from '$lib/features/groups/session-mail.server';
import { testDatabases, type TestDatabase } from './databases';
import { groupNow, groupWorld, type GroupWorld } from './group-fixtures';
import { refusal } from './refusal';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-groups-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const noAccess = { status: 403, reason: 'no_access' };
const linkFor = (path: string, locale: 'nl' | 'en') => `https://brug.test/${locale}${path}`;

function recordingMailer() {
	const mails: OutgoingMail[] = [];
	return { mails, send: async (mail: OutgoingMail) => (mails.push(mail), { delivered: 'outbox' as const, messageId: `m-${mails.length}` }) };
}

async function until(check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

/** One database and a way to open a second "instance" on it (PostgreSQL: a pool of its own, as another process). */
async function openShared(target: TestDatabase): Promise<{ handle: DatabaseHandle; instance(): JobDatabase; close(): Promise<void> }> {
	if (target.name === 'sqlite') {
		const handle = await target.open();
		return { handle, instance: () => ({ kind: 'sqlite', db: handle.db }), close: () => handle.close() };
	}
	const empty = await target.createEmpty!();
	const handles = [openDatabase({ kind: 'postgres', url: empty.url, maxConnections: 3 })];
	await migrateToLatest(handles[0]!.db);
	return {
		handle: handles[0]!,
		instance: () => {
			const opened = openDatabase({ kind: 'postgres', url: empty.url, maxConnections: 3 });
			handles.push(opened);
			return { kind: 'postgres', db: opened.db, url: empty.url };
		},
		close: async () => {
			await Promise.all(handles.map((h) => h.close()));
			await empty.drop();
		}
	};
}

describe.each(testDatabases())('managing a group on $name', (target) => {
	let shared: Awaited<ReturnType<typeof openShared>>;
	let handle: DatabaseHandle;
	let world: GroupWorld;
	const runners: JobRunner[] = [];

	beforeEach(async () => {
		shared = await openShared(target);
		handle = shared.handle;
		world = await groupWorld(handle);
	});
	afterEach(async () => {
		await Promise.all(runners.splice(0).map((runner) => runner.stop()));
		await shared.close();
	});

	const sessions = () => handle.db.selectFrom('group_session').selectAll().where('group_id', '=', world.group.id).orderBy('day').execute();
	const input = (fields: Record<string, unknown> = {}) =>
		newGroupSchema.parse({ name: 'Nieuw begin', leaderIds: [world.lotte.id], firstDay: '2026-05-04', startsAt: '14:00', endsAt: '15:30', videoUrl: 'https://meet.example.nl/groep', ...fields });

	it('creates a group by a professional who does not lead it: eight weekly sessions, two leaders, a return meeting', async () => {
		const rows = await sessions();
		expect(rows.map((s) => s.day)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20']);
		const managed = await groupForManager(handle.db, { actor: world.lotte, groupId: world.group.id });
		expect(managed).toMatchObject({ name: 'Samen sterker', capacity: 12, completeAfter: 6, access: { leads: true, admin: false } });
		expect(managed.leaders.map((l) => l.name).sort()).toEqual(['Lars Leider', 'Lotte Leider']);
		// The creator manages nothing they do not lead; an admin manages, a colleague and another organisation not.
		expect(await refusal(groupForManager(handle.db, { actor: world.piet, groupId: world.group.id }))).toMatchObject(noAccess);
		expect(await refusal(groupForManager(handle.db, { actor: world.karel, groupId: world.group.id }))).toMatchObject(noAccess);
		expect((await groupForManager(handle.db, { actor: world.noord.admin, groupId: world.group.id })).access).toEqual({ leads: false, admin: true });

		const withReturn = await createGroup(handle.db, { actor: world.noord.admin, organisationId: world.noord.id, input: input({ returnDay: '2026-08-31' }), now: groupNow });
		expect(withReturn.ok).toBe(true);
		const returnRows = await handle.db.selectFrom('group_session').select(['day', 'is_return', 'video_url']).where('group_id', '=', withReturn.ok ? withReturn.groupId : '').orderBy('day').execute();
		expect(returnRows).toHaveLength(9);
		expect(returnRows.at(-1)).toMatchObject({ day: '2026-08-31', is_return: 1, video_url: 'https://meet.example.nl/groep' });
	});

	it('refuses leaders who are not professionals of the organisation, and creators from elsewhere', async () => {
		for (const leaderIds of [[world.noord.admin.id], [world.karel.id], [world.lotte.id, 'unknown']]) {
			expect(await createGroup(handle.db, { actor: world.lotte, organisationId: world.noord.id, input: input({ leaderIds }) })).toEqual({ ok: false, errors: { leaderIds: 'leaders_invalid' } });
		}
		expect(await refusal(createGroup(handle.db, { actor: world.karel, organisationId: world.noord.id, input: input() }))).toMatchObject(noAccess);
		const person = await world.person('eva@example.nl', 'Eva');
		expect((await refusal(createGroup(handle.db, { actor: person, organisationId: world.noord.id, input: input() }))).status).toBe(403);
		expect(await handle.db.selectFrom('group_training').select('id').execute()).toHaveLength(1);
	});

	it('updates name, capacity, complete-after and leaders within limits; archives; lists for leaders and admins with counts only', async () => {
		const anna = await world.join('anna@example.nl', 'Anna');
		await world.join('ben@example.nl', 'Ben');
		const update = (fields: Record<string, unknown>) =>
			updateGroup(handle.db, { actor: world.lotte, groupId: world.group.id, input: groupSchema.omit({ programme: true }).parse({ name: 'Samen', leaderIds: [world.lotte.id], ...fields }) });
		expect(await update({ completeAfter: 9 })).toEqual({ ok: false, errors: { completeAfter: 'complete_after_too_high' } });
		expect(await update({ capacity: 2, leaderIds: [world.piet.id, world.karel.id] })).toEqual({ ok: false, errors: { leaderIds: 'leaders_invalid' } });
		expect(await update({ capacity: 8, completeAfter: 7, leaderIds: [world.lotte.id, world.piet.id] })).toMatchObject({ ok: true });
		expect((await listGroupsForProfessional(handle.db, { actor: world.piet, now: groupNow })).map((g) => g.name)).toEqual(['Samen']);
		expect(await listGroupsForProfessional(handle.db, { actor: world.lars, now: groupNow })).toEqual([]);

		const [listed] = await listGroupsForOrganisation(handle.db, { actor: world.noord.admin, organisationId: world.noord.id, now: groupNow });
		expect(listed).toMatchObject({ name: 'Samen', participants: 2, capacity: 8, nextSession: { day: '2026-03-02' } });
		expect(JSON.stringify(listed)).not.toMatch(/Anna|anna@/);
		await world.groups.leave(anna, groupNow);
		expect((await groupForManager(handle.db, { actor: world.noord.admin, groupId: world.group.id })).participants).toBe(1);
		expect(await refusal(listGroupsForOrganisation(handle.db, { actor: world.lotte, organisationId: world.noord.id }))).toMatchObject(noAccess);
		// The group pages' list: a leader's own groups; an admin's whole organisation (counts only); nobody else's.
		expect((await listGroupsForManager(handle.db, { actor: world.noord.admin, now: groupNow })).map((g) => g.name)).toEqual(['Samen']);
		expect((await listGroupsForManager(handle.db, { actor: world.piet, now: groupNow })).map((g) => g.name)).toEqual(['Samen']);
		expect(await listGroupsForManager(handle.db, { actor: world.lars, now: groupNow })).toEqual([]);
		expect(await refusal(listGroupsForManager(handle.db, { actor: anna.person }))).toMatchObject(noAccess);

		expect(await archiveGroup(handle.db, { actor: world.noord.admin, groupId: world.group.id })).toBe(true);
		expect(await archiveGroup(handle.db, { actor: world.lotte, groupId: world.group.id })).toBe(false);
	});

	it('adds a series, marks a session held and back, and refuses to move or hold a cancelled one', async () => {
		const added = await addSessions(handle.db, { actor: world.lars, groupId: world.group.id, input: sessionSeriesSchema.parse({ firstDay: '2026-05-04', count: '2', startsAt: '10:00', endsAt: '11:00', place: 'Bibliotheek' }) });
		expect(added).toHaveLength(2);
		const [first, second] = world.sessionIds as [string, string];
		const held = (sessionId: string, isHeld: boolean) => markSessionHeld(handle.db, { actor: world.lotte, groupId: world.group.id, sessionId, held: isHeld, now: groupNow });
		expect(await held(first, true)).toBe('held');
		expect((await sessions())[0]).toMatchObject({ status: 'held', held_at: groupNow.toISOString() });
		expect(await held(first, false)).toBe('planned');
		expect((await sessions())[0]).toMatchObject({ status: 'planned', held_at: null, sequence: 0 });
		// An admin manages sessions but does not run them.
		expect(await refusal(markSessionHeld(handle.db, { actor: world.noord.admin, groupId: world.group.id, sessionId: first, held: true }))).toMatchObject(noAccess);
		const enqueued: string[] = [];
		const enqueue = async (_kind: string, key: string) => (enqueued.push(key), true);
		expect(await cancelSession(handle.db, { actor: world.noord.admin, groupId: world.group.id, sessionId: second, enqueue })).toBe('changed');
		expect(await cancelSession(handle.db, { actor: world.lotte, groupId: world.group.id, sessionId: second, enqueue })).toBe('not_planned');
		expect(await held(second, true)).toBe('cancelled');
		const change = sessionChangeSchema.parse({ day: '2026-03-10', startsAt: '10:00', endsAt: '11:30', place: 'Buurthuis De Brug' });
		expect(await moveSession(handle.db, { actor: world.lotte, groupId: world.group.id, sessionId: second, input: change, enqueue })).toBe('not_planned');
		expect(await moveSession(handle.db, { actor: world.lotte, groupId: world.group.id, sessionId: 'nope', input: change, enqueue })).toBe('not_found');
		expect(enqueued).toEqual([sessionChangeKey(second, 1)]);
	});

	it('mails each current participant once per change, with two instances running the job', async () => {
		const anna = await world.join('anna@example.nl', 'Anna');
		await world.join('ben@example.nl', 'Ben');
		const cor = await world.join('cor@example.nl', 'Cor');
		await handle.db.updateTable('account').set({ locale: 'en' }).where('id', '=', cor.person.id).execute();
		const dan = await world.join('dan@example.nl', 'Dan');
		await world.groups.leave(dan, groupNow);
		const mailer = recordingMailer();
		const [a, b] = [openJobRunner(shared.instance(), { logger: console, pollMs: 50 }), openJobRunner(shared.instance(), { logger: console, pollMs: 50 })];
		runners.push(a, b);
		for (const runner of [a, b]) {
			await runner.start();
			await startGroupSessionMails({ linkFor, runner, mailer, db: () => handle.db });
		}
		const sessionId = world.sessionIds[3]!;
		const change = sessionChangeSchema.parse({ day: '2026-03-24', startsAt: '13:00', endsAt: '14:30', place: 'Wijkcentrum Oost' });
		const moved = await moveSession(handle.db, { actor: world.lotte, groupId: world.group.id, sessionId, input: change, enqueue: (...args) => a.enqueue(...args) });
		expect(moved).toBe('changed');
		// The other instance announcing the same change enqueues nothing new.
		expect(await b.enqueue(sessionChangeJob, sessionChangeKey(sessionId, 1), { sessionId, sequence: 1 })).toBe(false);
		await until(async () => (await jobRecord(handle.db, sessionChangeJob, sessionChangeKey(sessionId, 1)))?.state === 'done');
		expect(mailer.mails.map((m) => m.to).sort()).toEqual(['anna@example.nl', 'ben@example.nl', 'cor@example.nl']);
		const toAnna = mailer.mails.find((m) => m.to === 'anna@example.nl')!;
		expect(toAnna.subject).toBe('Nieuwe tijd voor Samen sterker');
		expect(toAnna.text).toContain('dinsdag 24 maart, van 13:00 tot 14:30');
		expect(toAnna.text).toContain('Wijkcentrum Oost');
		expect(toAnna.text).toContain(`https://brug.test/nl/groep/${world.group.id}`);
		expect(mailer.mails.find((m) => m.to === 'cor@example.nl')!.subject).toBe('New time for Samen sterker');
		expect((await sessions())[3]).toMatchObject({ day: '2026-03-24', starts_at: '13:00', sequence: 1 });

		// The job itself run again, by both instances at once, sends nothing more.
		const again = await Promise.all([a, b].map(() => sendSessionChangeMails(handle.db, { sessionId, sequence: 1 }, { mailer, linkFor })));
		expect(again).toEqual([{ outcome: 'done', sent: 0 }, { outcome: 'done', sent: 0 }]);

		// Cancelling is the next change: one more mail each; an overtaken change mails nobody.
		expect(await cancelSession(handle.db, { actor: world.lars, groupId: world.group.id, sessionId, enqueue: (...args) => b.enqueue(...args) })).toBe('changed');
		await until(async () => (await jobRecord(handle.db, sessionChangeJob, sessionChangeKey(sessionId, 2)))?.state === 'done');
		expect(mailer.mails.filter((m) => m.to === 'anna@example.nl').map((m) => m.subject)).toEqual(['Nieuwe tijd voor Samen sterker', 'Bijeenkomst Samen sterker gaat niet door']);
		expect(mailer.mails).toHaveLength(6);
		expect(await sendSessionChangeMails(handle.db, { sessionId, sequence: 1 }, { mailer, linkFor })).toEqual({ outcome: 'superseded' });
		expect(await handle.db.selectFrom('group_mail').select('key').where('participant_id', '=', anna.id).orderBy('key').execute()).toEqual([
			{ key: sessionChangeKey(sessionId, 1) },
			{ key: sessionChangeKey(sessionId, 2) }
		]);
	});
});
