/**
 * Programme reminders on both databases: the hourly run enqueues a reminder only when one is due and only between
 * 09:00 and 19:59 local time; the reminder job sends at most one mail a day per person, with the one-click stop
 * headers; the stop link stops them (a bad link changes nothing); three left unanswered stop them and are noted for
 * the professional; a reminder queued for an account that was deleted sends nothing.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { JobPayload } from '$lib/server/jobs';
import type { OutgoingMail } from '$lib/server/mail/mailer';
import { deleteAccount } from '$lib/composers/personal-data/personal-data.server';
import { startProgramme } from '$lib/features/programme/enrolment.server';
import { openWeek } from '$lib/features/programme/progress.server';
import {
	programmeReminderJob,
	reminderJobKey,
	reminderStopPath,
	reminderStopStatus,
	scanProgrammeReminders,
	sendProgrammeReminder,
	stopRemindersByToken
} from '$lib/features/programme/reminder-jobs.server';
import { testDatabases } from './databases';
import { professionalFixtures } from './professional-fixtures';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-programme-reminders-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const secret = 'programme-reminders-test-secret-'.padEnd(48, 'x');
/** 10:30 in Amsterdam in winter time (March, before the 29th). */
const morning = (day: string) => new Date(`${day}T09:30:00Z`);
/** The start of the hour that holds `at`: what the hourly run is given. */
const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
const linkFor = (path: string, locale: 'nl' | 'en') => `https://brug.example.nl/${locale}${path}`;

interface Queued {
	kind: string;
	key: string;
	payload: JobPayload;
}

describe.each(testDatabases())('programme reminders on $name', (target) => {
	let handle: DatabaseHandle;
	let anna: SignedInAccount;
	let queue: Queued[];
	let mails: OutgoingMail[];
	const mailer = { send: async (mail: OutgoingMail) => (mails.push(mail), { delivered: 'outbox' as const, messageId: `m-${mails.length}` }) };

	/** As the job table does: a key is queued once, ever. */
	const enqueue = async (kind: string, key: string, payload: JobPayload) => {
		if (queue.some((job) => job.kind === kind && job.key === key)) return false;
		queue.push({ kind, key, payload });
		return true;
	};
	const scan = (at: Date) => scanProgrammeReminders(handle.db, { periodStart: hourOf(at), enqueue, secret });
	/** Runs every queued reminder job once, at `at`, and empties the queue. */
	const runQueued = async (at: Date) => {
		const jobs = queue.splice(0);
		return Promise.all(jobs.map((job) => sendProgrammeReminder(handle.db, job.payload, { mailer, secret, linkFor, now: at })));
	};
	const enrolment = () => handle.db.selectFrom('programme_enrolment').selectAll().where('account_id', '=', anna.id).executeTakeFirstOrThrow();
	const reminderRows = () => handle.db.selectFrom('programme_reminder').select(['day', 'kind', 'week', 'acted_at']).orderBy('day').execute();

	beforeEach(async () => {
		handle = await target.open();
		anna = await professionalFixtures(handle).person('anna@example.nl', 'Anna');
		queue = [];
		mails = [];
		// Started and week 0 opened on Monday 2 March 2026: week 1 opens on 9 March, week 2 on 16 March.
		expect((await startProgramme(handle.db, { actor: anna, input: { reminders: 'week_start' }, now: morning('2026-03-02') })).ok).toBe(true);
		expect(await openWeek(handle.db, { actor: anna, week: 0, now: morning('2026-03-02') })).toEqual({ ok: true });
	});
	afterEach(() => handle.close());

	it('sends a reminder when a week opens, only in the day-time hours, and once', async () => {
		// Nothing open beyond week 0, which the person just saw: nothing to remind of.
		expect(await scan(morning('2026-03-05'))).toEqual({ enqueued: 0, stopped: 0 });
		// Week 1 is open, but at 07:30 local no reminder goes out, nor at 20:00.
		expect(await scan(new Date('2026-03-09T06:30:00Z'))).toEqual({ enqueued: 0, stopped: 0 });
		expect(await scan(new Date('2026-03-09T19:00:00Z'))).toEqual({ enqueued: 0, stopped: 0 });
		expect(await scan(new Date('2026-03-09T08:00:00Z'))).toEqual({ enqueued: 1, stopped: 0 });
		const { id } = await enrolment();
		expect(queue).toEqual([
			{ kind: programmeReminderJob, key: reminderJobKey(secret, id, '2026-03-09', 'week_start'), payload: { enrolmentId: id, day: '2026-03-09', kind: 'week_start', week: 1 } }
		]);
		// The job key holds no id in clear.
		expect(queue[0]!.key).not.toContain(id);
		expect(queue[0]!.key).not.toContain(anna.id);
		// The next hour's run finds the same reminder: the same key, so it is not queued twice.
		expect(await scan(morning('2026-03-09'))).toEqual({ enqueued: 0, stopped: 0 });

		expect(await runQueued(morning('2026-03-09'))).toEqual(['sent']);
		expect(mails).toHaveLength(1);
		const [mail] = mails;
		expect(mail).toMatchObject({ to: 'anna@example.nl', locale: 'nl' });
		expect(mail!.text).toContain('https://brug.example.nl/nl/programma/week/1');
		const stopUrl = `https://brug.example.nl/nl${reminderStopPath(id, secret)}`;
		expect(mail!.text).toContain(stopUrl);
		expect(mail!.headers).toEqual({ 'List-Unsubscribe': `<${stopUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
		expect(await reminderRows()).toEqual([{ day: '2026-03-09', kind: 'week_start', week: 1, acted_at: null }]);

		// Later that day: one was sent today, so nothing more; the same job again sends nothing either.
		expect(await scan(new Date('2026-03-09T15:00:00Z'))).toEqual({ enqueued: 0, stopped: 0 });
		expect(await sendProgrammeReminder(handle.db, { enrolmentId: id, day: '2026-03-09', kind: 'week_start', week: 1 }, { mailer, secret, linkFor, now: morning('2026-03-09') })).toBe('not_due');
		// The next day: week 1 was reminded of once, and nothing else is open.
		expect(await scan(morning('2026-03-10'))).toEqual({ enqueued: 0, stopped: 0 });
		expect(mails).toHaveLength(1);
	});

	it('sends one mail when two jobs for the same day run at once, and none for a job that is no longer due', async () => {
		await scan(morning('2026-03-09'));
		const [job] = queue;
		const results = await Promise.all([0, 1].map(() => sendProgrammeReminder(handle.db, job!.payload, { mailer, secret, linkFor, now: morning('2026-03-09') })));
		// The other one finds the row (not due any more) or runs into its unique key (already sent).
		expect(results.filter((result) => result === 'sent')).toHaveLength(1);
		expect(results.filter((result) => result === 'not_due' || result === 'already_sent')).toHaveLength(1);
		expect(mails).toHaveLength(1);

		// Week 2 opens on the 16th; the person opens it before the reminder job runs: no longer due.
		queue = [];
		await scan(morning('2026-03-16'));
		expect(queue).toHaveLength(1);
		await openWeek(handle.db, { actor: anna, week: 2, now: morning('2026-03-16') });
		expect(await runQueued(morning('2026-03-16'))).toEqual(['not_due']);
		// Bad payloads and reminders that waited too long send nothing.
		expect(await sendProgrammeReminder(handle.db, { enrolmentId: 'x', day: 'gisteren', kind: 'week_start', week: 1 }, { mailer, secret, linkFor })).toBe('invalid');
		expect(await sendProgrammeReminder(handle.db, job!.payload, { mailer, secret, linkFor, now: morning('2026-03-12') })).toBe('stale');
		expect(mails).toHaveLength(1);
	});

	it('stops with the stop link, and a bad or stale link changes nothing', async () => {
		const { id } = await enrolment();
		const token = reminderStopPath(id, secret).split('/').at(-1)!;
		const otherSecret = `${secret}-other`;
		for (const bad of ['', 'abc', `${id}.${'A'.repeat(32)}`, reminderStopPath(id, otherSecret).split('/').at(-1)!]) {
			expect(await reminderStopStatus(handle.db, { token: bad, secret }), bad).toBe('unknown');
			expect(await stopRemindersByToken(handle.db, { token: bad, secret }), bad).toBe('unknown');
		}
		expect((await enrolment()).reminder_choice).toBe('week_start');

		expect(await reminderStopStatus(handle.db, { token, secret })).toBe('valid');
		expect(await stopRemindersByToken(handle.db, { token, secret })).toBe('stopped');
		expect((await enrolment()).reminder_choice).toBe('none');
		// Twice is fine: a mail app and the person may both press it.
		expect(await stopRemindersByToken(handle.db, { token, secret })).toBe('stopped');
		expect(await scan(morning('2026-03-09'))).toEqual({ enqueued: 0, stopped: 0 });
		expect(queue).toEqual([]);
	});

	it('stops after three reminders left unanswered in a row, and notes when', async () => {
		// Weeks 1, 2 and 3 open and are each reminded of once; the person does not come back.
		for (const day of ['2026-03-09', '2026-03-16', '2026-03-23']) {
			expect(await scan(morning(day))).toEqual({ enqueued: 1, stopped: 0 });
			expect(await runQueued(morning(day))).toEqual(['sent']);
		}
		// The day after the third, it still has its chance; a day later nothing is sent and the stop is noted.
		expect(await scan(new Date('2026-03-23T15:00:00Z'))).toEqual({ enqueued: 0, stopped: 0 });
		expect((await enrolment()).reminders_stopped_at).toBeNull();
		expect(await scan(morning('2026-03-30'))).toEqual({ enqueued: 0, stopped: 1 });
		expect((await enrolment()).reminders_stopped_at).toBe(hourOf(morning('2026-03-30')).toISOString());
		expect(await scan(morning('2026-04-06'))).toEqual({ enqueued: 0, stopped: 0 });
		expect(mails).toHaveLength(3);
	});

	it('counts coming back as an answer, so reminders go on', async () => {
		for (const day of ['2026-03-09', '2026-03-16']) {
			await scan(morning(day));
			await runQueued(morning(day));
		}
		// Opening a week answers the reminders before it.
		await openWeek(handle.db, { actor: anna, week: 2, now: morning('2026-03-17') });
		expect((await reminderRows()).every((row) => row.acted_at !== null)).toBe(true);
		for (const day of ['2026-03-23', '2026-03-30']) {
			expect(await scan(morning(day))).toEqual({ enqueued: 1, stopped: 0 });
			expect(await runQueued(morning(day))).toEqual(['sent']);
		}
		expect(mails).toHaveLength(4);
		expect((await enrolment()).reminders_stopped_at).toBeNull();
	});

	it('sends nothing for a reminder that was queued before the account was deleted', async () => {
		await scan(morning('2026-03-09'));
		expect(queue).toHaveLength(1);
		expect(await deleteAccount(handle.db, { account: anna })).toEqual({ ok: true });
		expect(await runQueued(morning('2026-03-09'))).toEqual(['gone']);
		expect(mails).toEqual([]);
		expect(await reminderRows()).toEqual([]);
	});
});
