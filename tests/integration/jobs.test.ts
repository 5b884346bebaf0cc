import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/client';
import { migrateToLatest } from '$lib/server/db/migrate';
import { forgetEndedJobs, jobRecord, openJobRunner, type JobDatabase, type JobPayload, type JobRunner, type PeriodPayload } from '$lib/server/jobs';
import { keyHash } from '$lib/server/jobs/ledger';
import { periodIndex, periodKey } from '$lib/server/jobs/timing';
import { housekeepingJob, startHousekeeping } from '$lib/composers/housekeeping.server';
import { testDatabases, type TestDatabase } from './databases';

interface LogLine {
	level: string;
	details: object;
	message: string;
}

function recordingLogger(lines: LogLine[]) {
	const at = (level: string) => (details: object, message: string) => void lines.push({ level, details, message });
	return { info: at('info'), warn: at('warn'), error: at('error') };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One database with a way to open another "instance" on it: on PostgreSQL a connection pool of its own, as a second
 * process would have; SQLite is one process, so its instances share the handle.
 */
interface Shared {
	handle: DatabaseHandle;
	instance(): Promise<JobDatabase>;
	close(): Promise<void>;
}

async function openShared(target: TestDatabase): Promise<Shared> {
	if (target.name === 'sqlite') {
		const handle = await target.open();
		return { handle, instance: async () => ({ kind: 'sqlite', db: handle.db }), close: () => handle.close() };
	}
	const empty = await target.createEmpty!();
	const handles: DatabaseHandle[] = [];
	const open = () => {
		const opened = openDatabase({ kind: 'postgres', url: empty.url, maxConnections: 3 });
		handles.push(opened);
		return opened;
	};
	const handle = open();
	await migrateToLatest(handle.db);
	return {
		handle,
		instance: async () => ({ kind: 'postgres', db: open().db, url: empty.url }),
		close: async () => {
			await Promise.all(handles.map((h) => h.close()));
			await empty.drop();
		}
	};
}

describe.each(testDatabases())('jobs on $name', (target) => {
	let shared: Shared;
	let runners: JobRunner[];
	let lines: LogLine[];
	// PostgreSQL: pg-boss polls at most every half second.
	const pollMs = target.name === 'postgres' ? 500 : 50;

	beforeEach(async () => {
		shared = await openShared(target);
		runners = [];
		lines = [];
	});
	afterEach(async () => {
		await Promise.all(runners.map((runner) => runner.stop()));
		await shared.close();
	});

	async function runner(): Promise<JobRunner> {
		const opened = openJobRunner(await shared.instance(), { logger: recordingLogger(lines), pollMs });
		runners.push(opened);
		await opened.start();
		return opened;
	}

	it('runs a keyed job once, enqueued many times by two instances and again after a restart', async () => {
		const runs: JobPayload[] = [];
		const reminder = async (payload: JobPayload) => void runs.push(payload);
		const [a, b] = [await runner(), await runner()];
		await a.register('reminder', reminder);
		await b.register('reminder', reminder);

		const key = 'person-7:2026-12-07';
		const enqueued = await Promise.all(
			Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).enqueue('reminder', key, { personId: 'person-7' }))
		);
		expect(enqueued.filter(Boolean)).toHaveLength(1);
		await until(async () => (await jobRecord(shared.handle.db, 'reminder', key))?.state === 'done');

		await a.stop();
		await b.stop();
		const restarted = await runner();
		await restarted.register('reminder', reminder);
		expect(await restarted.enqueue('reminder', key, { personId: 'person-7' })).toBe(false);
		await pause(pollMs * 3);

		expect(runs).toEqual([{ personId: 'person-7' }]);
		expect(await jobRecord(shared.handle.db, 'reminder', key)).toMatchObject({ state: 'done', attempts: 1 });
		// The ended job keeps neither the person's id nor its payload.
		const rows = await shared.handle.db.selectFrom('job').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ key_hash: keyHash(key), payload: null });
		expect(JSON.stringify(rows)).not.toContain('person-7');
	});

	it('runs a recurring job once per period with two instances', async () => {
		const periods: string[] = [];
		const tick = async (payload: PeriodPayload) => void periods.push(payload.periodStart);
		const periodMs = 400;
		for (const instance of [await runner(), await runner()]) {
			await instance.register('tick', tick);
			instance.every('tick', periodMs);
		}
		await until(() => new Set(periods).size >= 3);
		await Promise.all(runners.map((r) => r.stop()));

		expect(periods.length).toBe(new Set(periods).size);
		for (const start of periods) {
			const key = periodKey(periodIndex(new Date(start), periodMs));
			expect(await jobRecord(shared.handle.db, 'tick', key)).toMatchObject({ state: 'done', attempts: 1 });
		}
	});

	it('retries a failing job, then gives it up with a log line that names no person', async () => {
		let calls = 0;
		const instance = await runner();
		await instance.register(
			'failing',
			async () => {
				calls += 1;
				throw new Error('could not reach anna@example.nl');
			},
			{ maxAttempts: 3, retryDelaySeconds: 0 }
		);
		await instance.enqueue('failing', 'person-8:2026-12-07', { personId: 'person-8' });
		await until(async () => (await jobRecord(shared.handle.db, 'failing', 'person-8:2026-12-07'))?.state === 'failed');

		expect(calls).toBe(3);
		expect(lines.filter((line) => line.level === 'warn').map((line) => line.message)).toEqual([
			'job failed and will be tried again',
			'job failed and will be tried again'
		]);
		const givenUp = lines.filter((line) => line.level === 'error');
		expect(givenUp).toEqual([{ level: 'error', details: { job: 'failing', attempts: 3, error: 'Error' }, message: 'job failed and was given up' }]);
		expect(JSON.stringify(lines)).not.toMatch(/anna@example\.nl|person-8/);
		if (target.name === 'postgres') {
			// pg-boss keeps what the worker threw: the error's name, not its message.
			const { rows } = await sql<{ output: unknown }>`select output from pgboss.job where name = 'failing'`.execute(shared.handle.db);
			expect(rows.length).toBeGreaterThan(0);
			expect(JSON.stringify(rows)).not.toContain('anna@example.nl');
		}
	});

	it('waits on stop for the job that is running', async () => {
		let started = false;
		let finished = false;
		const instance = await runner();
		await instance.register('slow', async () => {
			started = true;
			await pause(400);
			finished = true;
		});
		await instance.enqueue('slow', 'once', {});
		await until(() => started);
		await instance.stop();

		expect(finished).toBe(true);
		expect(await jobRecord(shared.handle.db, 'slow', 'once')).toMatchObject({ state: 'done', attempts: 1 });
	});

	it('withdraws a job that has not started, and keeps its key from coming back', async () => {
		let calls = 0;
		const instance = await runner();
		await instance.register('later', async () => void (calls += 1));
		const runAt = new Date(Date.now() + 60 * 60 * 1000);
		expect(await instance.enqueue('later', 'person-9:2026-12-08', { personId: 'person-9' }, { runAt })).toBe(true);
		expect(await instance.cancel('later', 'person-9:2026-12-08')).toBe(true);
		expect(await instance.cancel('later', 'person-9:2026-12-08')).toBe(false);
		expect(await instance.enqueue('later', 'person-9:2026-12-08', { personId: 'person-9' })).toBe(false);

		expect(await jobRecord(shared.handle.db, 'later', 'person-9:2026-12-08')).toMatchObject({ state: 'cancelled', attempts: 0 });
		expect(calls).toBe(0);
	});

	it('forgets jobs that ended before a given instant, and nothing waiting or running', async () => {
		const at = (iso: string) => new Date(iso).toISOString();
		const row = (id: string, state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled', finished: string | null) => ({
			id, kind: 'k', key_hash: keyHash(id), payload: null, state, run_at: at('2026-01-01T00:00:00Z'), attempts: 1, max_attempts: 3,
			locked_until: null, created_at: at('2026-01-01T00:00:00Z'), finished_at: finished && at(finished)
		});
		await shared.handle.db
			.insertInto('job')
			.values([
				row('old-done', 'done', '2026-02-01T00:00:00Z'),
				row('old-failed', 'failed', '2026-02-01T00:00:00Z'),
				row('recent', 'done', '2026-05-01T00:00:00Z'),
				row('waiting', 'queued', null),
				row('running', 'running', null)
			])
			.execute();
		expect(await forgetEndedJobs(shared.handle.db, new Date('2026-04-01T00:00:00Z'))).toBe(2);
		const ids = (await shared.handle.db.selectFrom('job').select('id').orderBy('id').execute()).map((r) => r.id);
		expect(ids).toEqual(['recent', 'running', 'waiting']);
	});

	it('runs a job not before its time', async () => {
		const ranAt: number[] = [];
		const instance = await runner();
		await instance.register('timed', async () => void ranAt.push(Date.now()));
		const runAt = new Date(Date.now() + 800);
		await instance.enqueue('timed', 'person-10:2026-12-07', { personId: 'person-10' }, { runAt });
		await until(() => ranAt.length === 1);
		expect(ranAt[0]).toBeGreaterThanOrEqual(runAt.getTime());
	});

	// On PostgreSQL pg-boss brings back a job whose worker went silent (after its expiry, 15 minutes).
	if (target.name === 'sqlite') it('starts again a job left running by a process that was killed, once its lease passed', async () => {
		const runs: JobPayload[] = [];
		const past = new Date(Date.now() - 1000).toISOString();
		await shared.handle.db
			.insertInto('job')
			.values({ id: 'j-1', kind: 'orphan', key_hash: keyHash('k'), payload: '{"personId":"person-11"}', state: 'running', run_at: past, attempts: 1, max_attempts: 3, locked_until: past, created_at: past, finished_at: null })
			.execute();
		const instance = await runner();
		await instance.register('orphan', async (payload) => void runs.push(payload));
		await until(async () => (await jobRecord(shared.handle.db, 'orphan', 'k'))?.state === 'done');
		expect(runs).toEqual([{ personId: 'person-11' }]);
		expect(await jobRecord(shared.handle.db, 'orphan', 'k')).toMatchObject({ attempts: 2 });
	});

	// SQLite has no connections to count: the runner uses brug's own.
	if (target.name === 'postgres') it('holds at most two connections of its own per instance on PostgreSQL', async () => {
		const instance = await runner();
		let done = 0;
		await instance.register('count', async () => void (done += 1));
		for (const key of ['a', 'b', 'c']) await instance.enqueue('count', key, {});
		await until(() => done === 3);
		const { rows } = await sql<{ connections: string }>`select count(*) as connections from pg_stat_activity
			where datname = current_database() and application_name = 'brug-jobs'`.execute(shared.handle.db);
		expect(Number(rows[0]!.connections)).toBeGreaterThan(0);
		expect(Number(rows[0]!.connections)).toBeLessThanOrEqual(2);
	});

	it('runs housekeeping as one job per period for the cluster', async () => {
		const periodMs = 60 * 60 * 1000;
		for (const instance of [await runner(), await runner()]) await startHousekeeping(instance, periodMs);
		const key = periodKey(periodIndex(new Date(), periodMs));
		await until(async () => (await jobRecord(shared.handle.db, housekeepingJob, key))?.state === 'done');
		expect(await jobRecord(shared.handle.db, housekeepingJob, key)).toMatchObject({ attempts: 1 });
	});
});
