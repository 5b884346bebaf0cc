/**
 * A person's rights over their data (GDPR art. 15, 17, 20).
 * - `exportPersonalData`: everything brug keeps about the account, as plain data (JSON download and printable page).
 * - `describeAccountForDeletion`: what deleting would remove, so the confirmation can name it.
 * - `deleteAccount`: removes the account and everything it owns in one transaction; sessions end with it.
 * Each takes the signed-in account itself: a person can only ever reach their own data here.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { getInstrument } from '$lib/features/instruments/instruments';
import { listMeasurementsForAccount } from '$lib/features/measurements/measurements.server';
import type { SignedInAccount } from './accounts.server';

const toIso = (value: Date | string) => new Date(value).toISOString();

export interface PersonalDataExport {
	exportedAt: string;
	account: { email: string; emailVerified: boolean; locale: string; createdAt: string; twoFactorEnabled: boolean };
	sessions: { createdAt: string; expiresAt: string }[];
	measurements: {
		instrument: string;
		instrumentVersion: string;
		takenAt: string;
		answers: Record<string, string | undefined>;
		total: number | null;
		subscales: { emotional: number | null; social: number | null } | null;
		band: string | null;
	}[];
}

export async function exportPersonalData(
	db: Kysely<Database>,
	options: { account: SignedInAccount; now?: Date }
): Promise<PersonalDataExport> {
	const accountId = options.account.id;
	const row = await db.selectFrom('account').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
	const sessions = await db
		.selectFrom('auth_session')
		.select(['created_at', 'expires_at'])
		.where('account_id', '=', accountId)
		.orderBy('created_at')
		.execute();
	const measurements = await listMeasurementsForAccount(db, { accountId, instrumentFor: getInstrument });
	return {
		exportedAt: (options.now ?? new Date()).toISOString(),
		account: {
			email: row.email,
			emailVerified: Boolean(row.email_verified),
			locale: row.locale,
			createdAt: toIso(row.created_at),
			twoFactorEnabled: Boolean(row.two_factor_enabled)
		},
		sessions: sessions.map((s) => ({ createdAt: toIso(s.created_at), expiresAt: toIso(s.expires_at) })),
		measurements: measurements.map((m) => ({
			instrument: m.score.instrument,
			instrumentVersion: m.score.version,
			takenAt: m.takenAt.toISOString(),
			answers: Object.fromEntries(Object.entries(m.answers)),
			total: m.score.total,
			subscales: m.score.subscales,
			band: m.score.band
		}))
	};
}

export async function describeAccountForDeletion(
	db: Kysely<Database>,
	options: { account: SignedInAccount }
): Promise<{ measurements: number; sessions: number }> {
	const count = async (table: 'measurement' | 'auth_session') => {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('account_id', '=', options.account.id)
			.executeTakeFirstOrThrow();
		return Number(row.n);
	};
	return { measurements: await count('measurement'), sessions: await count('auth_session') };
}

/** Deletes everything owned by the account; sessions, sign-in data and verification tokens go with it. */
export async function deleteAccount(db: Kysely<Database>, options: { account: SignedInAccount }): Promise<void> {
	const { id, email } = options.account;
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('measurement').where('account_id', '=', id).execute();
		// Open e-mail verification or reset tokens name the address or the account.
		await trx.deleteFrom('auth_verification').where('identifier', 'in', [email, id]).execute();
		await trx.deleteFrom('auth_verification').where('value', '=', id).execute();
		// auth_session, auth_credential and auth_two_factor follow by ON DELETE CASCADE.
		await trx.deleteFrom('account').where('id', '=', id).execute();
	});
}
