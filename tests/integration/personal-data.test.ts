import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '$lib/server/auth/auth';
import { lastToken, testAuth, type SentLink } from './auth-fixture';
import { getInstrument, instruments } from '$lib/features/instruments/instruments';
import {
	claimMeasurement,
	findMeasurementByToken,
	listMeasurementsForAccount,
	saveAnonymousMeasurement
} from '$lib/features/measurements/measurements.server';
import { currentAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { deleteAccount, describeAccountForDeletion, exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';
import { patternCheck } from '$lib/features/patterns/pattern-check';
import { savePatternCheck } from '$lib/features/patterns/pattern-checks.server';

const djg11 = instruments['djg-11'];
const answers = Object.fromEntries(djg11.items.map((item) => [item.number, 'more_or_less']));

describe.each(testDatabases())('personal data on $name', (target) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	let sent: SentLink[];

	beforeEach(async () => {
		handle = await target.open();
		sent = [];
		auth = testAuth(handle, sent);
	});
	afterEach(() => handle.close());

	async function person(email: string): Promise<{ account: SignedInAccount; headers: Headers }> {
		await auth.api.signUpEmail({ body: { email, password: 'lang genoeg wachtwoord', name: '' } });
		await auth.api.verifyEmail({ query: { token: lastToken(sent) } });
		const response = await auth.api.signInEmail({ body: { email, password: 'lang genoeg wachtwoord' }, asResponse: true });
		const headers = new Headers({ cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') });
		const account = await currentAccount(auth, { headers });
		if (!account) throw new Error('not signed in');
		return { account, headers };
	}

	it('claims a saved result into the account; the old link stops working', async () => {
		const { account } = await person('anna@example.nl');
		const { token } = await saveAnonymousMeasurement(handle.db, { instrument: djg11, answers });
		expect(await claimMeasurement(handle.db, { token, accountId: account.id })).toBe(true);
		expect(await findMeasurementByToken(handle.db, { token, instrumentFor: getInstrument })).toBeUndefined();
		const mine = await listMeasurementsForAccount(handle.db, { accountId: account.id, instrumentFor: getInstrument });
		expect(mine.map((m) => m.score.total)).toEqual([11]);
		// Nobody can claim it twice.
		const other = await person('ben@example.nl');
		expect(await claimMeasurement(handle.db, { token, accountId: other.account.id })).toBe(false);
	});

	it('exports everything kept about the account, and nothing of others', async () => {
		const { account } = await person('anna@example.nl');
		const other = await person('ben@example.nl');
		const mine = await saveAnonymousMeasurement(handle.db, { instrument: djg11, answers });
		await claimMeasurement(handle.db, { token: mine.token, accountId: account.id });
		const theirs = await saveAnonymousMeasurement(handle.db, { instrument: djg11, answers: { ...answers, 1: 'yes' } });
		await claimMeasurement(handle.db, { token: theirs.token, accountId: other.account.id });

		const data = await exportPersonalData(handle.db, { account, now: new Date('2026-11-21T12:00:00Z') });
		expect(data.exportedAt).toBe('2026-11-21T12:00:00.000Z');
		expect(data.account).toMatchObject({ email: 'anna@example.nl', emailVerified: true, locale: 'nl' });
		expect(data.measurements).toHaveLength(1);
		expect(data.measurements[0]).toMatchObject({ instrument: 'djg-11', total: 11, band: 'very_severely_lonely' });
		expect(data.sessions.length).toBeGreaterThan(0);
		expect(JSON.stringify(data)).not.toContain('ben@example.nl');
	});

	it('deletes the account so that no row keeps its id or e-mail address', async () => {
		const { account, headers } = await person('anna@example.nl');
		const other = await person('ben@example.nl');
		const saved = await saveAnonymousMeasurement(handle.db, { instrument: djg11, answers });
		await claimMeasurement(handle.db, { token: saved.token, accountId: account.id });
		await auth.api.requestPasswordReset({ body: { email: 'anna@example.nl' } });

		// A pattern check is kept in the same table as the results, and counted apart from them.
		const patternAnswers = Object.fromEntries(patternCheck.statements.map((statement) => [statement.number, 'agree' as const]));
		expect(await savePatternCheck(handle.db, { actor: account, answers: patternAnswers })).toMatchObject({ ok: true });
		expect(await describeAccountForDeletion(handle.db, { account })).toEqual({
			kinds: { measurement: 2, auth_session: 1 },
			measurements: 1,
			patternChecks: 1,
			sessions: 1,
			consents: 0,
			memberships: 0,
			clients: 0,
			people: 0,
			programme: false,
			lastAdminOf: []
		});
		await deleteAccount(handle.db, { account });

		const tables = (await handle.db.introspection.getTables()).map((t) => t.name);
		expect(tables).toEqual(expect.arrayContaining(['account', 'auth_session', 'auth_verification', 'measurement']));
		for (const table of tables) {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			const rows = await (handle.db as any).selectFrom(table).selectAll().execute();
			const text = JSON.stringify(rows);
			expect(text, table).not.toContain(account.id);
			expect(text, table).not.toContain('anna@example.nl');
		}
		// The session is gone; the other person is untouched.
		expect(await currentAccount(auth, { headers })).toBeNull();
		expect(await currentAccount(auth, { headers: other.headers })).toMatchObject({ email: 'ben@example.nl' });
	});
});
