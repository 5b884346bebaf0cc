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
import { patternCheck } from '$lib/features/patterns/pattern-check';

/**
 * Tables whose rows are the person's own (by this column): what the deletion page counts and names, kind by kind.
 * Which tables there are comes from the features' faces; rows reached through another (a programme's weeks, a
 * person's contact moments) are named with the row they belong to.
 */
const ownRows = {
	measurement: 'account_id',
	auth_session: 'account_id',
	api_token: 'account_id',
	journal_entry: 'account_id',
	thought_record: 'account_id',
	kind_moment: 'account_id',
	step_plan: 'account_id',
	exercise_done: 'account_id',
	relation: 'account_id',
	health_web: 'account_id',
	self_sufficiency_rating: 'person_id',
	conversation_note: 'person_id',
	measurement_request: 'person_id'
} as const satisfies Partial<Record<keyof Database, string>>;
export type OwnRowsTable = keyof typeof ownRows;

function isOwnRowsTable(table: string): table is OwnRowsTable {
	return Object.hasOwn(ownRows, table);
}

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
	/** Rows per kind of data, for every table with the person's own rows that holds any. */
	kinds: Partial<Record<OwnRowsTable, number>>;
	/** Test results, without the pattern checks (kept in the same table, counted apart). */
	measurements: number;
	patternChecks: number;
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
	const kinds: Partial<Record<OwnRowsTable, number>> = {};
	for (const table of personDataFeatures.flatMap((feature) => feature.tables).filter(isOwnRowsTable)) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where(ownRows[table], '=', options.account.id)
			.executeTakeFirstOrThrow();
		if (Number(row.n) > 0) kinds[table] = Number(row.n);
	}
	const patternChecks = await db
		.selectFrom('measurement')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('account_id', '=', options.account.id)
		.where('instrument_id', '=', patternCheck.id)
		.executeTakeFirstOrThrow();
	return {
		kinds,
		measurements: (kinds.measurement ?? 0) - Number(patternChecks.n),
		patternChecks: Number(patternChecks.n),
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
