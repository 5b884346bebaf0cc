/**
 * The demo marker (`npm run demo`, docs/demo.md): one row in `demo_installation` says that this database holds the
 * demo workspace, so every page shows that the people in it are made up. `account_ids` (a JSON array) lists the
 * accounts the demo made: a later run rebuilds the demo only when there is no other account. A real installation
 * never has a row here.
 * Forward-only: never edit this file once released.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('demo_installation')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('made_at', 'text', (c) => c.notNull())
		.addColumn('account_ids', 'text', (c) => c.notNull())
		.execute();
}
