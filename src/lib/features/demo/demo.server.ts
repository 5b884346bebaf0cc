/**
 * The demo marker in the database (migrations/015-demo-marker.ts).
 * - `readDemoMarker(db)`: the accounts the demo made, or null when this is not a demo database.
 * - `writeDemoMarker(db, accountIds)`: marks the database as the demo, after `npm run demo` filled it.
 * - `loadDemoBanner(db)` on start, then `demoBannerShown()` for every page: the marker is read once per process, so
 *   pages of a real installation cost no extra query. `npm run demo` runs with brug stopped (docs/demo.md).
 * - The pages built as files (prerendered) never reach the app: scripts/serve.js answers them before it, from memory.
 *   So `loadDemoBanner` also leaves the banner's markup per language where serve.js, in the same process, reads it
 *   once after the app started (`demoBannerKey` on `globalThis`), to put it into those pages; null in a real
 *   installation, whose pages stay exactly as built.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { demoBannerMarkup, parseDemoAccountIds } from './demo';

const markerId = 'demo';
let bannerShown = false;
/** Where scripts/serve.js finds the banner's markup per language (also spelled out there). */
export const demoBannerKey = Symbol.for('brug.demoBannerMarkup');

export async function readDemoMarker(db: Kysely<Database>): Promise<string[] | null> {
	const row = await db.selectFrom('demo_installation').select('account_ids').where('id', '=', markerId).executeTakeFirst();
	return row ? parseDemoAccountIds(row.account_ids) : null;
}

export async function writeDemoMarker(db: Kysely<Database>, options: { accountIds: readonly string[]; now?: Date }): Promise<void> {
	const values = { id: markerId, made_at: (options.now ?? new Date()).toISOString(), account_ids: JSON.stringify(options.accountIds) };
	await db
		.insertInto('demo_installation')
		.values(values)
		.onConflict((conflict) => conflict.column('id').doUpdateSet({ made_at: values.made_at, account_ids: values.account_ids }))
		.execute();
}

export async function loadDemoBanner(db: Kysely<Database>): Promise<boolean> {
	bannerShown = (await readDemoMarker(db)) !== null;
	(globalThis as Record<symbol, unknown>)[demoBannerKey] = bannerShown ? demoBannerMarkup() : null;
	return bannerShown;
}

export function demoBannerShown(): boolean {
	return bannerShown;
}
