/**
 * The group reminder with two real job runners on one database (two instances of brug), on both databases: each
 * registers the hourly scan and the sending, the scan runs every period on both, and the participant gets one mail.
 * Reminder hours are the whole day here, so the test does not depend on the clock.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/client';
import { migrateToLatest } from '$lib/server/db/migrate';
import { openJobRunner, type JobDatabase, type JobRunner } from '$lib/server/jobs';
import type { OutgoingMail } from '$lib/server/mail/mailer';
import { addDays, localDay } from '$lib/time';
import { joinGroupSchema } from '$lib/features/groups/participation.schema';
import { joinGroup } from '$lib/features/groups/participation.server';
import { startGroupReminders } from '$lib/features/groups/group-reminders.server';
import { testDatabases } from './databases';
import { professionalFixtures } from './professional-fixtures';
import { groupFixtures } from './group-fixtures';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-group-reminder-runners-${Date.now()}`);
	vi.stubEnv('BRUG_REMINDER_HOURS', '0-24');
});
afterAll(() => vi.unstubAllEnvs());

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const secret = 'group-reminder-runners-secret-'.padEnd(48, 'x');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await pause(50);
	}
}

describe.each(testDatabases())('group reminders with two runners on $name', (target) => {
	let handle: DatabaseHandle;
	let instances: { db: JobDatabase; close: () => Promise<void> }[];
	let runners: JobRunner[];
	let dropDatabase: () => Promise<void>;

	beforeEach(async () => {
		runners = [];
		if (target.name === 'sqlite') {
			handle = await target.open();
			// One process: both runners share the handle, as two SQLite "instances" would share the file.
			instances = [0, 1].map(() => ({ db: { kind: 'sqlite', db: handle.db } as JobDatabase, close: async () => {} }));
			dropDatabase = async () => {};
		} else {
			const empty = await target.createEmpty!();
			handle = openDatabase({ kind: 'postgres', url: empty.url, maxConnections: 3 });
			await migrateToLatest(handle.db);
			instances = [0, 1].map(() => {
				const own = openDatabase({ kind: 'postgres', url: empty.url, maxConnections: 3 });
				return { db: { kind: 'postgres', db: own.db, url: empty.url } as JobDatabase, close: () => own.close() };
			});
			dropDatabase = () => empty.drop();
		}
	});
	afterEach(async () => {
		await Promise.all(runners.map((runner) => runner.stop()));
		await Promise.all(instances.map((instance) => instance.close()));
		await handle.close();
		await dropDatabase();
	});

	it('sends the reminder for tomorrow once, with both runners scanning every period', async () => {
		const fixtures = professionalFixtures(handle);
		const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		const piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		const anna = await fixtures.person('anna@example.nl', 'Anna');
		const group = await groupFixtures(handle).group(noord, [piet], { days: [addDays(localDay(), 1)] });
		expect(await joinGroup(handle.db, { actor: anna, input: joinGroupSchema.parse({ code: group.code, personName: 'Anna' }) })).toMatchObject({ ok: true });

		const mails: OutgoingMail[] = [];
		const mailer = { send: async (mail: OutgoingMail) => (mails.push(mail), { delivered: 'outbox' as const, messageId: `m-${mails.length}` }) };
		for (const instance of instances) {
			const runner = openJobRunner(instance.db, { logger: quiet, pollMs: target.name === 'postgres' ? 500 : 50 });
			runners.push(runner);
			await runner.start();
			await startGroupReminders({ runner, db: () => instance.db.db, mailer, secret, periodMs: 400, linkFor: (path, locale) => `https://brug.example.nl/${locale}${path}` });
		}
		await until(() => mails.length > 0);
		// Several more periods on both runners: still the one mail.
		await pause(2_000);
		expect(mails.map((mail) => mail.to)).toEqual(['anna@example.nl']);
		expect(await handle.db.selectFrom('group_mail').select('key').execute()).toEqual([{ key: `reminder:${group.sessionIds[0]}` }]);
	}, 40_000);
});
