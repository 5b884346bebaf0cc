/**
 * A person's rights over their data (GDPR art. 15, 17, 20), over every feature in `person-data-features.ts`.
 * - `exportPersonalData`: everything brug keeps about the account, as plain data (JSON download and printable page).
 * - `describeAccountForDeletion`: what deleting would remove, so the confirmation can name it.
 * - `deleteAccount`: removes the account and everything it owns in one transaction; sessions and consents end with
 *   it, and audit events about it lose the link. Refused while the account is an organisation's only admin. On
 *   SQLite the old pages leave the disk too (db/reclaim.ts), and mails to the address leave the outbox.
 * Each takes the signed-in account itself: a person can only ever reach their own data here.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { truncateWal } from '$lib/server/db/reclaim';
import { forgetMailsTo } from '$lib/server/mail/mailer';
import { personDataFeatures, type PersonDataParts } from '$lib/composers/person-data-features';

export type PersonalDataExport = { exportedAt: string } & PersonDataParts;

export async function exportPersonalData(
	db: Kysely<Database>,
	options: { account: SignedInAccount; now?: Date }
): Promise<PersonalDataExport> {
	const now = options.now ?? new Date();
	const context = { account: options.account, locale: options.account.locale, now };
	const parts: object[] = [];
	for (const feature of personDataFeatures) parts.push(await feature.exportPart(db, context));
	return Object.assign({ exportedAt: now.toISOString() }, ...parts) as PersonalDataExport;
}

export async function describeAccountForDeletion(
	db: Kysely<Database>,
	options: { account: SignedInAccount }
): Promise<{
	measurements: number;
	sessions: number;
	consents: number;
	memberships: number;
	clients: number;
	people: number;
	programme: boolean;
	lastAdminOf: string[];
}> {
	const count = async (table: 'measurement' | 'auth_session' | 'membership' | 'relation' | 'programme_enrolment' | 'programme_plan') => {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('account_id', '=', options.account.id)
			.executeTakeFirstOrThrow();
		return Number(row.n);
	};
	const consents = await db
		.selectFrom('consent_grant')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('person_id', '=', options.account.id)
		.where('ended_at', 'is', null)
		.executeTakeFirstOrThrow();
	const clients = await db
		.selectFrom('consent_grant')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('professional_id', '=', options.account.id)
		.where('ended_at', 'is', null)
		.executeTakeFirstOrThrow();
	return {
		measurements: await count('measurement'),
		sessions: await count('auth_session'),
		consents: Number(consents.n),
		memberships: await count('membership'),
		clients: Number(clients.n),
		people: await count('relation'),
		programme: (await count('programme_enrolment')) + (await count('programme_plan')) > 0,
		lastAdminOf: await organisationsWithOnlyThisAdmin(db, options.account.id)
	};
}

/** An organisation always keeps an admin: its only admin hands the role on before leaving brug. */
async function organisationsWithOnlyThisAdmin(db: Kysely<Database>, accountId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('membership as mine')
		.innerJoin('organisation', 'organisation.id', 'mine.organisation_id')
		.select('organisation.name')
		.where('mine.account_id', '=', accountId)
		.where('mine.role', '=', 'admin')
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('membership as other')
						.select('other.id')
						.whereRef('other.organisation_id', '=', 'mine.organisation_id')
						.where('other.role', '=', 'admin')
						.where('other.account_id', '!=', accountId)
				)
			)
		)
		.orderBy('organisation.name')
		.execute();
	return rows.map((r) => r.name);
}

/** Deletes everything owned by the account; sessions, sign-in data and verification tokens go with it. */
export async function deleteAccount(
	db: Kysely<Database>,
	options: { account: SignedInAccount }
): Promise<{ ok: true } | { ok: false; reason: 'last_admin'; organisations: string[] }> {
	const { id, email } = options.account;
	const lastAdminOf = await organisationsWithOnlyThisAdmin(db, id);
	if (lastAdminOf.length > 0) return { ok: false, reason: 'last_admin', organisations: lastAdminOf };
	await db.transaction().execute(async (trx) => {
		const context = { accountId: id, email, now: new Date().toISOString() };
		for (const feature of personDataFeatures) await feature.deleteFor?.(trx, context);
		// The rest follows by ON DELETE CASCADE (sessions, credentials, memberships, the person's grants, what they
		// wrote); audit events keep what happened but lose the link to this account (ON DELETE SET NULL), as do
		// grants, requests, ratings and notes this professional made.
		await trx.deleteFrom('account').where('id', '=', id).execute();
	});
	// SQLite zeroes the deleted rows in place (secure_delete); the WAL still holds their earlier pages until now.
	await truncateWal(db);
	await forgetMailsTo(email);
	return { ok: true };
}
