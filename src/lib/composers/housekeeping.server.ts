/**
 * Regular clean-up: a recurring job that runs once every six hours for the whole cluster, however many instances run
 * (src/lib/server/jobs). Removes what holds an address past its use: accounts never confirmed, outbox mails older
 * than a day, expired invitations and long-expired API tokens; and the record of jobs that ended long ago. Then
 * the freed space is reclaimed (src/lib/server/db/reclaim.ts).
 */
import { purgeExpiredInvitationsAndTokens, purgeUnconfirmedAccounts } from '$lib/features/accounts/housekeeping.server';
import { config } from '$lib/server/env';
import { databaseKind, db } from '$lib/server/db';
import { reclaimDeletedSpace } from '$lib/server/db/reclaim';
import { forgetEndedJobs, jobs, type JobRunner } from '$lib/server/jobs';
import { log } from '$lib/server/log';
import { outboxDir, pruneOutbox } from '$lib/server/mail/mailer';

export const housekeepingJob = 'housekeeping';
const every = 6 * 60 * 60 * 1000;
/** A job's key is remembered this long after it ended; no key is enqueued again that late. */
const rememberJobs = 90 * 24 * 60 * 60 * 1000;

/** Runs every step once, one after the other; throws (after a log line) when one fails, so the job is tried again. */
export async function runHousekeeping(): Promise<void> {
	const kind = databaseKind();
	if (!kind) return;
	try {
		const removed = {
			unconfirmedAccounts: await purgeUnconfirmedAccounts(db(), { kind }),
			expiredInvitationsAndTokens: await purgeExpiredInvitationsAndTokens(db()),
			outboxMails: await pruneOutbox(outboxDir(config().dataDir)),
			endedJobs: await forgetEndedJobs(db(), new Date(Date.now() - rememberJobs))
		};
		// Last: what the steps above deleted leaves the disk (SQLite) or its space is made reusable (PostgreSQL).
		await reclaimDeletedSpace(db(), kind);
		if (Object.values(removed).some((count) => count > 0)) log().info(removed, 'housekeeping removed');
	} catch (error) {
		log().error({ error: error instanceof Error ? error.name : 'unknown' }, 'housekeeping failed');
		throw error;
	}
}

/** Registers housekeeping on the runner (the process-wide one by default) as a job once per six hours. */
export async function startHousekeeping(runner: JobRunner = jobs(), periodMs = every): Promise<void> {
	await runner.register(housekeepingJob, () => runHousekeeping(), { maxAttempts: 3, retryDelaySeconds: 10 * 60 });
	runner.every(housekeepingJob, periodMs);
}
