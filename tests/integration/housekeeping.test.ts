import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Auth } from '$lib/server/auth/auth';
import { lastToken, testAuth, type SentLink } from './auth-fixture';
import { purgeUnconfirmedAccounts } from '$lib/features/accounts/housekeeping.server';
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
