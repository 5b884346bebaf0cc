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
});
