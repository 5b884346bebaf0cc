import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Auth } from '$lib/server/auth/auth';
import { lastToken, testAuth, type SentLink } from './auth-fixture';
import { purgeExpiredInvitationsAndTokens, purgeUnconfirmedAccounts } from '$lib/features/accounts/housekeeping.server';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import { pruneOutbox } from '$lib/server/mail/mailer';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';

describe.each(testDatabases())('housekeeping on $name', (target) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	let sent: SentLink[];

	beforeEach(async () => {
		handle = await target.open();
		sent = [];
		auth = testAuth(handle, sent);
	});
	afterEach(() => handle.close());

	it('removes accounts never confirmed once the link has expired, and nothing else', async () => {
		await auth.api.signUpEmail({ body: { email: 'nooit@example.nl', password: 'lang genoeg wachtwoord', name: '' } });
		await auth.api.signUpEmail({ body: { email: 'wel@example.nl', password: 'lang genoeg wachtwoord', name: '' } });
		await auth.api.verifyEmail({ query: { token: lastToken(sent) } });
		const emails = async () => (await handle.db.selectFrom('account').select('email').orderBy('email').execute()).map((r) => r.email);

		// Within the day the link works: nothing goes.
		expect(await purgeUnconfirmedAccounts(handle.db, { kind: handle.kind })).toBe(0);
		expect(await emails()).toEqual(['nooit@example.nl', 'wel@example.nl']);

		const later = new Date(Date.now() + 25 * 60 * 60 * 1000);
		expect(await purgeUnconfirmedAccounts(handle.db, { kind: handle.kind, now: later })).toBe(1);
		expect(await emails()).toEqual(['wel@example.nl']);
		expect(await handle.db.selectFrom('auth_credential').selectAll().execute()).toHaveLength(1);
	});

	it('removes expired invitations at once and API tokens a month after they expired, and nothing current', async () => {
		const created = await createVerifiedAccount(auth, { email: 'pro@example.nl', password: 'lang genoeg wachtwoord', name: 'Pro', locale: 'nl' });
		if (!created.ok) throw new Error('no account');
		const now = new Date('2026-06-01T12:00:00Z');
		const at = (days: number) => new Date(now.getTime() + days * 24 * 60 * 60 * 1000).toISOString();
		await handle.db.insertInto('organisation').values({ id: 'org', name: 'Org', kind: 'welfare', created_at: at(-30) }).execute();
		const invitation = (id: string, expires: string) => ({
			id, professional_id: created.accountId, organisation_id: 'org', email: `${id}@example.nl`, code_hash: id, created_at: at(-20), expires_at: expires
		});
		await handle.db.insertInto('client_invitation').values([invitation('old', at(-1)), invitation('open', at(1))]).execute();
		const memberInvitation = (id: string, expires: string) => ({
			id, organisation_id: 'org', email: `${id}@example.nl`, role: 'professional' as const, token_hash: id, invited_by: null, created_at: at(-20), expires_at: expires
		});
		await handle.db.insertInto('organisation_invitation').values([memberInvitation('m-old', at(-1)), memberInvitation('m-open', at(1))]).execute();
		const token = (id: string, expires: string) => ({
			id, account_id: created.accountId, label: id, token_hash: id, created_at: at(-400), last_used_at: null, expires_at: expires
		});
		await handle.db.insertInto('api_token').values([token('t-long-gone', at(-31)), token('t-recent', at(-2)), token('t-live', at(100))]).execute();

		expect(await purgeExpiredInvitationsAndTokens(handle.db, { now })).toBe(3);
		const ids = async (table: 'client_invitation' | 'organisation_invitation' | 'api_token') =>
			(await handle.db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
		expect(await ids('client_invitation')).toEqual(['open']);
		expect(await ids('organisation_invitation')).toEqual(['m-open']);
		// A recently expired token stays a while, so its owner still sees it in the list and knows why it stopped.
		expect(await ids('api_token')).toEqual(['t-live', 't-recent']);
	});
});

describe('pruneOutbox', () => {
	it('removes .eml files older than a day and keeps newer ones', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-outbox-'));
		try {
			const old = path.join(dir, 'old.eml');
			const fresh = path.join(dir, 'fresh.eml');
			fs.writeFileSync(old, 'x');
			fs.writeFileSync(fresh, 'x');
			fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
			const twoDaysAgo = (Date.now() - 48 * 60 * 60 * 1000) / 1000;
			fs.utimesSync(old, twoDaysAgo, twoDaysAgo);
			expect(await pruneOutbox(dir)).toBe(1);
			expect(fs.readdirSync(dir).sort()).toEqual(['fresh.eml', 'notes.txt']);
			expect(await pruneOutbox(path.join(dir, 'missing'))).toBe(0);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

});
