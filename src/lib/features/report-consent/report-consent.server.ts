/**
 * A person's choice that their results count, without their name, in one organisation's figures. The person alone
 * decides; history is kept (off ends the open row, on starts a new one).
 * - `setReportConsent(db, { personId, organisationId, on, now })`: turns the choice on or off; the same answer twice
 *   changes nothing and records nothing.
 * - `reportConsentsOf(db, personId)`: per organisation the person has or had a grant or a choice with: on or off, since.
 * - `countsInReports(db, personId, organisationId)`: whether the person counts there now.
 * - `chooseReportConsent(db, { actor, organisationId, on })`: the person's switch in the sharing overview, for an
 *   organisation they have or had a grant with.
 * - `reportConsentHistory(db, personId)`: every choice with its dates, for the export.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { recordAuditEvent } from '$lib/kernel/audit.server';
import { lockPersonForConsent } from '$lib/kernel/consent-lock.server';
import { requireSignedIn } from '$lib/kernel/policy.server';

type Db = Kysely<Database>;

export interface ReportConsentChoice {
	organisationId: string;
	organisationName: string;
	on: boolean;
	/** When the current state began: the open row's start, or the last row's end; null when never chosen. */
	since: string | null;
}

function openRow(db: Db, personId: string, organisationId: string) {
	return db
		.selectFrom('report_consent')
		.select('id')
		.where('person_id', '=', personId)
		.where('organisation_id', '=', organisationId)
		.where('ended_at', 'is', null);
}

/**
 * Call it inside the transaction of the decision it belongs to (connecting, joining) where there is one; the caller
 * holds the person's consent lock, so two choices at once queue.
 */
export async function setReportConsent(
	db: Db,
	options: { personId: string; organisationId: string; on: boolean; now?: Date }
): Promise<{ changed: boolean }> {
	const now = options.now ?? new Date();
	const open = await openRow(db, options.personId, options.organisationId).executeTakeFirst();
	if (options.on === (open !== undefined)) return { changed: false };
	if (options.on) {
		const inserted = await db
			.insertInto('report_consent')
			.values({ id: crypto.randomUUID(), person_id: options.personId, organisation_id: options.organisationId, granted_at: now.toISOString(), ended_at: null })
			// An open row made at the same moment by a second request: the unique index keeps one, and that one is on.
			.onConflict((conflict) => conflict.columns(['organisation_id', 'person_id']).where('ended_at', 'is', null).doNothing())
			.executeTakeFirst();
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { changed: false };
	} else {
		await db.updateTable('report_consent').set({ ended_at: now.toISOString() }).where('id', '=', open!.id).where('ended_at', 'is', null).execute();
	}
	await recordAuditEvent(db, {
		actorId: options.personId,
		organisationId: options.organisationId,
		subjectId: options.personId,
		action: options.on ? 'report_consent.granted' : 'report_consent.withdrawn',
		object: options.organisationId,
		now
	});
	return { changed: true };
}

export async function countsInReports(db: Db, personId: string, organisationId: string): Promise<boolean> {
	return (await openRow(db, personId, organisationId).executeTakeFirst()) !== undefined;
}

/** Organisations of the person's grants (current or past) and of their choices, by name. */
export async function reportConsentsOf(db: Db, personId: string): Promise<ReportConsentChoice[]> {
	const [organisations, rows] = await Promise.all([
		db
			.selectFrom('organisation')
			.select(['organisation.id', 'organisation.name'])
			.where((eb) =>
				eb.or([
					eb('organisation.id', 'in', eb.selectFrom('consent_grant').select('organisation_id').where('person_id', '=', personId)),
					eb('organisation.id', 'in', eb.selectFrom('report_consent').select('organisation_id').where('person_id', '=', personId))
				])
			)
			.orderBy('organisation.name')
			.execute(),
		db.selectFrom('report_consent').select(['organisation_id', 'granted_at', 'ended_at']).where('person_id', '=', personId).execute()
	]);
	return organisations.map((organisation) => {
		const own = rows.filter((row) => row.organisation_id === organisation.id);
		const open = own.find((row) => row.ended_at === null);
		const lastEnd = own.map((row) => row.ended_at ?? '').sort().at(-1) || null;
		return { organisationId: organisation.id, organisationName: organisation.name, on: open !== undefined, since: open ? open.granted_at : lastEnd };
	});
}

/** Every row, oldest first, with the organisation's name: the person's export. */
export async function reportConsentHistory(db: Db, personId: string) {
	return db
		.selectFrom('report_consent')
		.innerJoin('organisation', 'organisation.id', 'report_consent.organisation_id')
		.select(['organisation.name as organisation', 'report_consent.granted_at as grantedAt', 'report_consent.ended_at as endedAt'])
		.where('report_consent.person_id', '=', personId)
		.orderBy('report_consent.granted_at')
		.execute();
}

/** Only for an organisation the person knows from a grant (or chose for before): nobody counts anywhere by accident. */
export async function chooseReportConsent(
	db: Db,
	options: { actor: SignedInAccount | null; organisationId: string; on: boolean; now?: Date }
): Promise<{ ok: true; on: boolean } | { ok: false; reason: 'not_found' }> {
	const account = requireSignedIn(options.actor);
	const known = (await reportConsentsOf(db, account.id)).some((choice) => choice.organisationId === options.organisationId);
	if (!known) return { ok: false, reason: 'not_found' };
	await db.transaction().execute(async (trx) => {
		await lockPersonForConsent(trx, account.id, 'update');
		await setReportConsent(trx, { personId: account.id, organisationId: options.organisationId, on: options.on, now: options.now });
	});
	return { ok: true, on: options.on };
}
