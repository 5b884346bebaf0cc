/**
 * Regular clean-up while brug runs: at start and every six hours. Removes what holds an address past its use:
 * accounts never confirmed, outbox mails older than a day, expired invitations and long-expired API tokens.
 */
import { purgeExpiredInvitationsAndTokens, purgeUnconfirmedAccounts } from '$lib/features/accounts/housekeeping.server';
import { config } from '$lib/server/env';
import { databaseKind, db } from '$lib/server/db';
import { reclaimDeletedSpace } from '$lib/server/db/reclaim';
import { log } from '$lib/server/log';
import { outboxDir, pruneOutbox } from '$lib/server/mail/mailer';

const every = 6 * 60 * 60 * 1000;
let timer: NodeJS.Timeout | undefined;

export async function runHousekeeping(): Promise<void> {
	const kind = databaseKind();
	if (!kind) return;
	try {
		const accounts = await purgeUnconfirmedAccounts(db(), { kind });
		const expired = await purgeExpiredInvitationsAndTokens(db());
		const mails = await pruneOutbox(outboxDir(config().dataDir));
		await reclaimDeletedSpace(db(), kind);
		if (accounts || mails || expired) {
			log().info({ unconfirmedAccounts: accounts, outboxMails: mails, expiredInvitationsAndTokens: expired }, 'housekeeping removed');
		}
	} catch (error) {
		log().error({ error: error instanceof Error ? error.name : 'unknown' }, 'housekeeping failed');
	}
}

export function startHousekeeping(): void {
	void runHousekeeping();
	// unref: the timer never keeps the process alive on shutdown.
	timer ??= setInterval(() => void runHousekeeping(), every).unref();
}

export function stopHousekeeping(): void {
	if (timer) clearInterval(timer);
	timer = undefined;
}
