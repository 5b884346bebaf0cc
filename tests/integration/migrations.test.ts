import { afterEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { migrateToLatest, migrations } from '$lib/server/db/migrate';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';

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
		const before007 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '007'));
		await migrateToLatest(handle.db, before007);
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

		await migrateToLatest(handle.db);
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
});
