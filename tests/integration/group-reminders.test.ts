/**
 * The group reminder the day before a session, on both databases: the hourly run enqueues it only between 09:00 and
 * 19:59 local time, only for participants who want it; two instances sending it at once send one mail; it carries a
 * one-click stop link that turns reminders off (a bad link changes nothing); leaving stops it.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { JobPayload } from '$lib/server/jobs';
import type { OutgoingMail } from '$lib/server/mail/mailer';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { joinGroupSchema } from '$lib/features/groups/participation.schema';
import { joinGroup, myGroups } from '$lib/features/groups/participation.server';
import {
	groupReminderStopPath,
	groupReminderStopStatus,
	scanGroupReminders,
	sendGroupReminder,
	stopGroupRemindersByToken
} from '$lib/features/groups/group-reminders.server';
import { testDatabases } from './databases';
import { professionalFixtures } from './professional-fixtures';
import { groupFixtures, type TestGroup } from './group-fixtures';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-group-reminders-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const secret = 'group-reminders-test-secret-'.padEnd(48, 'x');
/** 10:00 in Amsterdam (winter time). */
const morning = (day: string) => new Date(`${day}T09:00:00Z`);
const linkFor = (path: string, locale: 'nl' | 'en') => `https://brug.example.nl/${locale}${path}`;

describe.each(testDatabases())('group reminders on $name', (target) => {
	let handle: DatabaseHandle;
	let anna: SignedInAccount;
	let ben: SignedInAccount;
	let group: TestGroup;
	let queue: { key: string; payload: JobPayload }[];
	let mails: OutgoingMail[];
	const mailer = { send: async (mail: OutgoingMail) => (mails.push(mail), { delivered: 'outbox' as const, messageId: `m-${mails.length}` }) };
	/** As the job table does: a key is queued once, ever. */
	const enqueue = async (_kind: string, key: string, payload: JobPayload) => {
		if (queue.some((job) => job.key === key)) return false;
		queue.push({ key, payload });
		return true;
	};

	beforeEach(async () => {
		handle = await target.open();
		queue = [];
		mails = [];
		const fixtures = professionalFixtures(handle);
		const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		const piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		ben = await fixtures.person('ben@example.nl', 'Ben');
		group = await groupFixtures(handle).group(noord, [piet], { days: ['2026-03-10', '2026-03-17'], now: morning('2026-03-01') });
		for (const [person, reminders] of [[anna, 'day_before'], [ben, 'none']] as const) {
			const input = joinGroupSchema.parse({ code: group.code, personName: 'Naam', reminders });
			expect(await joinGroup(handle.db, { actor: person, input, now: morning('2026-03-02') })).toMatchObject({ ok: true });
		}
	});
	afterEach(() => handle.close());

	it('sends one reminder the day before, once, also with two instances sending at once', async () => {
		// Too early in the day, and two days before: nothing.
		expect(await scanGroupReminders(handle.db, { periodStart: new Date('2026-03-09T06:00:00Z'), enqueue, secret })).toEqual({ enqueued: 0 });
		expect(await scanGroupReminders(handle.db, { periodStart: morning('2026-03-08'), enqueue, secret })).toEqual({ enqueued: 0 });
		// Two instances scan the same hour: one job, for Anna only (Ben chose none).
		await Promise.all([0, 1].map(() => scanGroupReminders(handle.db, { periodStart: morning('2026-03-09'), enqueue, secret })));
		expect(queue).toHaveLength(1);
		const results = await Promise.all([0, 1].map(() => sendGroupReminder(handle.db, queue[0]!.payload, { mailer, secret, linkFor, now: morning('2026-03-09') })));
		// The other finds it noted (no longer due) or runs into the row's key (already sent).
		expect(results.filter((result) => result === 'sent')).toHaveLength(1);
		expect(results.filter((result) => result === 'not_due' || result === 'already_sent')).toHaveLength(1);
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({ to: 'anna@example.nl', subject: 'Morgen: Samen op dinsdag' });
		expect(mails[0]!.text).toContain('14:00');
		expect(mails[0]!.text).toContain(`https://brug.example.nl/nl/groep/${group.id}`);
		expect(mails[0]!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
		// The next hour finds it sent; a stale or bad job sends nothing.
		queue = [];
		expect(await scanGroupReminders(handle.db, { periodStart: new Date('2026-03-09T10:00:00Z'), enqueue, secret })).toEqual({ enqueued: 0 });
		expect(await sendGroupReminder(handle.db, { participantId: 'x', sessionId: 'y', day: 'morgen' }, { mailer, secret, linkFor })).toBe('invalid');
		expect(await sendGroupReminder(handle.db, { participantId: 'x', sessionId: 'y', day: '2026-03-09' }, { mailer, secret, linkFor, now: morning('2026-03-10') })).toBe('stale');
		expect(mails).toHaveLength(1);
	});

	it('stops with the one-click link, and after leaving; a bad link changes nothing', async () => {
		const participant = await handle.db.selectFrom('group_participant').select('id').where('account_id', '=', anna.id).executeTakeFirstOrThrow();
		const token = groupReminderStopPath(participant.id, secret).split('/').at(-1)!;
		for (const bad of ['', 'abc', `${participant.id}.${'A'.repeat(32)}`, groupReminderStopPath(participant.id, `${secret}-other`).split('/').at(-1)!]) {
			expect(await groupReminderStopStatus(handle.db, { token: bad, secret }), bad).toBe('unknown');
			expect(await stopGroupRemindersByToken(handle.db, { token: bad, secret }), bad).toBe('unknown');
		}
		expect(await groupReminderStopStatus(handle.db, { token, secret })).toBe('valid');
		expect(await stopGroupRemindersByToken(handle.db, { token, secret })).toBe('stopped');
		expect(await scanGroupReminders(handle.db, { periodStart: morning('2026-03-09'), enqueue, secret })).toEqual({ enqueued: 0 });

		await handle.db.updateTable('group_participant').set({ reminders: 'day_before' }).execute();
		const [mine] = await myGroups(handle.db, { actor: anna });
		await withdrawConsent(handle.db, { actor: anna, grantId: mine!.grantId, now: morning('2026-03-05') });
		// Only Ben, who now wants them too, is reminded; Anna left.
		await scanGroupReminders(handle.db, { periodStart: morning('2026-03-09'), enqueue, secret });
		expect(queue.map((job) => job.payload.participantId)).not.toContain(participant.id);
		expect(queue).toHaveLength(1);
	});
});
