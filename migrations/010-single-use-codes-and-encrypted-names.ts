/**
 * Two changes to sign-in and consent data:
 * - `auth_two_factor.last_used_step`: the time step of the last accepted app code, so a code is never taken twice
 *   (RFC 6238 §5.2), also when several brug processes share the database (src/lib/server/auth/single-use-totp.ts).
 * - `consent_grant.person_name` (the name a person chooses for the professional) is encrypted at rest like every other
 *   text a person writes: the rows already there are encrypted here, with the same context the consent feature uses.
 * Forward-only: never edit this file once released; add a new numbered migration instead.
 */
import type { Kysely } from 'kysely';
import { encrypt, encryptedColumns } from '../src/lib/server/crypto';

const batchSize = 500;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('auth_two_factor').addColumn('last_used_step', 'integer').execute();

	// Ids are text (decisions/002), so the walk goes by id; every row is plain text before this migration.
	let after = '';
	for (;;) {
		const rows: { id: string; person_name: string }[] = await db
			.selectFrom('consent_grant')
			.select(['id', 'person_name'])
			.where('id', '>', after)
			.orderBy('id')
			.limit(batchSize)
			.execute();
		for (const row of rows) {
			await db
				.updateTable('consent_grant')
				.set({ person_name: encrypt(row.person_name, encryptedColumns.consentPersonName.context(row.id)) })
				.where('id', '=', row.id)
				.execute();
		}
		if (rows.length < batchSize) break;
		after = rows[rows.length - 1]!.id;
	}
}
