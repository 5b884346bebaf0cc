import { afterEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { migrateToLatest, migrations } from '$lib/server/db/migrate';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';
import { decrypt, encryptedColumns } from '$lib/server/crypto';
import { listConsentGrantsForPerson } from '$lib/features/consent/consent.server';

const migrationsBefore = (number: string) => Object.fromEntries(Object.entries(migrations).filter(([name]) => name < number));

describe.each(testDatabases())('migrations on $name', (target) => {
	let handle: DatabaseHandle | undefined;
	afterEach(() => handle?.close());

	it('roll back as a whole when one fails', async () => {
		handle = await target.open({ migrate: false });
		// A broken extra migration after the real ones: the real ones must not stay applied.
		const broken = {
			...migrations,
			'999-broken': {
				// eslint-disable-next-line @typescript-eslint/no-explicit-any
				up: async (db: Kysely<any>) => {
					await sql`select * from table_that_does_not_exist`.execute(db);
				}
			}
		};
		await expect(migrateToLatest(handle.db, broken)).rejects.toThrow(/999-broken/);
		const tables = await handle.db.introspection.getTables();
		expect(tables.map((t) => t.name)).not.toContain('measurement');
	});

	it('keeps every consent grant through 007, which lets professional_id go empty when that account is deleted', async () => {
		handle = await target.open({ migrate: false });
		await migrateToLatest(handle.db, migrationsBefore('007'));
		const at = '2026-03-02T09:00:00.000Z';
		const account = (id: string, email: string) => ({ id, email, email_verified: 1, name: email, locale: 'nl', created_at: at, updated_at: at });
		// Written as 006 left the tables: plain rows, no audience column yet.
		const db = handle.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		const person = account('p-1', 'anna@example.nl');
		const professional = account('p-2', 'piet@noord.nl');
		for (const row of [person, professional]) {
			await db
				.insertInto('account')
				.values(handle.kind === 'postgres' ? { ...row, email_verified: true, created_at: new Date(at), updated_at: new Date(at) } : row)
				.execute();
		}
		await db.insertInto('organisation').values({ id: 'o-1', name: 'Buurtteam Noord', kind: 'welfare', created_at: at }).execute();
		const grant = { person_id: 'p-1', professional_id: 'p-2', organisation_id: 'o-1', scopes: '["measurements"]', person_name: 'Anna', granted_at: at, previous_grant_id: null };
		await db.insertInto('consent_grant').values({ ...grant, id: 'g-1', ended_at: at, end_reason: 'changed' }).execute();
		await db.insertInto('consent_grant').values({ ...grant, id: 'g-2', ended_at: null, end_reason: null, previous_grant_id: 'g-1' }).execute();

		// Up to 010, which encrypts the names (tested below).
		await migrateToLatest(handle.db, migrationsBefore('010'));
		const rows = await handle.db.selectFrom('consent_grant').selectAll().orderBy('id').execute();
		expect(rows).toEqual([
			{ ...grant, id: 'g-1', ended_at: at, end_reason: 'changed', audience: 'professional' },
			{ ...grant, id: 'g-2', ended_at: null, end_reason: null, previous_grant_id: 'g-1', audience: 'professional' }
		]);
		// The professional's account goes: the grants stay, without him; the person's account goes: they go too.
		await handle.db.deleteFrom('account').where('id', '=', 'p-2').execute();
		expect((await handle.db.selectFrom('consent_grant').select('professional_id').execute()).map((r) => r.professional_id)).toEqual([null, null]);
		await handle.db.deleteFrom('account').where('id', '=', 'p-1').execute();
		expect(await handle.db.selectFrom('consent_grant').select('id').execute()).toEqual([]);
	});

	it('010 encrypts the names people chose for their professional, and the consent pages read them back', async () => {
		handle = await target.open({ migrate: false });
		await migrateToLatest(handle.db, migrationsBefore('010'));
		const at = '2026-03-02T09:00:00.000Z';
		const db = handle.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		const postgres = handle.kind === 'postgres';
		for (const [id, email] of [['p-1', 'anna@example.nl'], ['p-2', 'piet@noord.nl']] as const) {
			await db
				.insertInto('account')
				.values({ id, email, name: email, locale: 'nl', email_verified: postgres ? true : 1, created_at: postgres ? new Date(at) : at, updated_at: postgres ? new Date(at) : at })
				.execute();
		}
		await db.insertInto('organisation').values({ id: 'o-1', name: 'Buurtteam Noord', kind: 'welfare', created_at: at }).execute();
		// As the consent feature wrote them before 010: the name in plain text, and once left empty.
		const grant = { person_id: 'p-1', professional_id: 'p-2', organisation_id: 'o-1', scopes: '["measurements"]', granted_at: at, audience: 'professional' };
		await db.insertInto('consent_grant').values({ ...grant, id: 'g-1', person_name: 'Annechien Zuylen', ended_at: at, end_reason: 'changed', previous_grant_id: null }).execute();
		await db.insertInto('consent_grant').values({ ...grant, id: 'g-2', person_name: '', ended_at: null, end_reason: null, previous_grant_id: 'g-1' }).execute();

		await migrateToLatest(handle.db);
		const stored = await handle.db.selectFrom('consent_grant').select(['id', 'person_name']).orderBy('id').execute();
		for (const row of stored) {
			expect(row.person_name, row.id).toMatch(/^v1\./);
			expect(row.person_name.toLowerCase(), row.id).not.toContain('zuylen');
		}
		expect(stored.map((row) => decrypt(row.person_name, encryptedColumns.consentPersonName.context(row.id)))).toEqual(['Annechien Zuylen', '']);
		const anna = { id: 'p-1', email: 'anna@example.nl', locale: 'nl' as const, twoFactorEnabled: false };
		expect((await listConsentGrantsForPerson(handle.db, { actor: anna })).map((g) => g.personName)).toEqual(['', 'Annechien Zuylen']);
		// The two-step table has the column for single-use codes.
		const columns = (await handle.db.introspection.getTables()).find((t) => t.name === 'auth_two_factor')!.columns.map((c) => c.name);
		expect(columns).toContain('last_used_step');
	});
});
