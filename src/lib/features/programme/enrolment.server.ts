/**
 * A person's enrolment in the programme: start it alone, pause, resume, stop, choose reminders. Only the person's own
 * enrolment; a professional starts one for a client in guidance.server.ts.
 * - `runningEnrolment(db, accountId)`: the active or paused enrolment, or undefined; `latestEnrolment`: also an
 *   ended one (the newest).
 * - `startProgramme(db, { actor, input, now })`: a new self-guided enrolment in the latest version; refused while
 *   one runs (a database index makes that hold for two starts at once too).
 * - `pauseProgramme`, `resumeProgramme`, `stopProgramme`: change the state; data stays until the person deletes it.
 * - `setReminderChoice`: none, week start only, or also open steps; choosing again restarts reminders that had
 *   stopped after being ignored (the reminders sent so far count as answered).
 * - `enrolmentClock(row, groupDays?)`: the row as the pure rules need it (with the group's days when it follows one).
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { ProgrammeEnrolmentTable } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { localDay } from '$lib/time';
import { latestProgrammeVersion } from './programme.content';
import { programmeId, type EnrolmentClock, type EnrolmentState, type ReminderChoice } from './programme';
import { pauseEnded } from './schedule';
import type { StartProgrammeInput } from './programme-input.schema';

export type EnrolmentRow = ProgrammeEnrolmentTable;

export function runningEnrolment(db: Kysely<Database>, accountId: string): Promise<EnrolmentRow | undefined> {
	return db
		.selectFrom('programme_enrolment')
		.selectAll()
		.where('account_id', '=', accountId)
		.where('state', 'in', ['active', 'paused'])
		.executeTakeFirst();
}

export function latestEnrolment(db: Kysely<Database>, accountId: string): Promise<EnrolmentRow | undefined> {
	return db
		.selectFrom('programme_enrolment')
		.selectAll()
		.where('account_id', '=', accountId)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** `groupDays`: for an enrolment that follows a group, the days its weeks open (group-link.server.ts). */
export function enrolmentClock(row: EnrolmentRow, groupDays: readonly string[] | null = null): EnrolmentClock {
	return {
		groupDays,
		startDay: row.start_day,
		pausedSince: row.paused_since,
		pausedDays: Number(row.paused_days),
		state: row.state as EnrolmentState,
		endedDay: row.ended_at ? localDay(new Date(row.ended_at)) : null
	};
}

/** A unique-index violation on either database: the other start won. */
export function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}

/** The version a new enrolment follows; the content fails to load without one, so this never throws in practice. */
function currentVersion(): number {
	const version = latestProgrammeVersion(programmeId);
	if (version === undefined) throw new Error(`No content for the programme ${programmeId}`);
	return version;
}

export interface NewEnrolment {
	accountId: string;
	startedBy: 'person' | 'professional';
	starterId: string | null;
	organisationId: string | null;
	welcome: string | null;
	reminders: ReminderChoice;
	now: Date;
	/** The group whose session days open the weeks. */
	groupId?: string | null;
}

/**
 * Inserts an enrolment; `already_running` when the person has one (checked by the index, not by a read).
 * The conflict is skipped rather than raised: inside a transaction on PostgreSQL a raised violation would abort it.
 */
export async function insertEnrolment(
	db: Kysely<Database>,
	enrolment: NewEnrolment & { id?: string }
): Promise<{ ok: true; id: string } | { ok: false; reason: 'already_running' }> {
	const id = enrolment.id ?? crypto.randomUUID();
	const inserted = await db
		.insertInto('programme_enrolment')
		.values({
			id,
			account_id: enrolment.accountId,
			programme_id: programmeId,
			programme_version: currentVersion(),
			created_day: localDay(enrolment.now),
			start_day: null,
			started_by: enrolment.startedBy,
			starter_id: enrolment.starterId,
			organisation_id: enrolment.organisationId,
			welcome: enrolment.welcome,
			state: 'active',
			paused_since: null,
			paused_days: 0,
			ended_at: null,
			reminder_choice: enrolment.reminders,
			reminders_stopped_at: null,
			created_at: enrolment.now.toISOString(),
			group_id: enrolment.groupId ?? null
		})
		.onConflict((conflict) => conflict.doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!inserted) return { ok: false, reason: 'already_running' };
	return { ok: true, id };
}

export async function startProgramme(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; input: StartProgrammeInput; now?: Date }
): Promise<{ ok: true; id: string } | { ok: false; reason: 'already_running' }> {
	const account = requireSignedIn(options.actor);
	if (await runningEnrolment(db, account.id)) return { ok: false, reason: 'already_running' };
	return insertEnrolment(db, {
		accountId: account.id,
		startedBy: 'person',
		starterId: null,
		organisationId: null,
		welcome: null,
		reminders: options.input.reminders,
		now: options.now ?? new Date()
	});
}

type StateChange = { ok: true } | { ok: false; reason: 'not_running' | 'not_paused' | 'not_active' };

export async function pauseProgramme(db: Kysely<Database>, options: { actor: SignedInAccount | null; now?: Date }): Promise<StateChange> {
	const account = requireSignedIn(options.actor);
	const today = localDay(options.now);
	const result = await db
		.updateTable('programme_enrolment')
		.set({ state: 'paused', paused_since: today })
		.where('account_id', '=', account.id)
		.where('state', '=', 'active')
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) > 0) return { ok: true };
	// A second tap on "pause" finds it paused already: that is what was asked.
	return (await runningEnrolment(db, account.id))?.state === 'paused' ? { ok: true } : { ok: false, reason: 'not_active' };
}

export async function resumeProgramme(db: Kysely<Database>, options: { actor: SignedInAccount | null; now?: Date }): Promise<StateChange> {
	const account = requireSignedIn(options.actor);
	const today = localDay(options.now);
	return db.transaction().execute(async (trx) => {
		const row = await runningEnrolment(trx, account.id);
		// A second tap on "carry on" finds it running already: that is what was asked.
		if (row?.state === 'active') return { ok: true } as const;
		if (!row) return { ok: false, reason: 'not_paused' } as const;
		const resumed = pauseEnded(enrolmentClock(row), today);
		await trx
			.updateTable('programme_enrolment')
			.set({ state: 'active', paused_since: null, paused_days: row.start_day === null ? 0 : resumed.pausedDays })
			.where('id', '=', row.id)
			.where('state', '=', 'paused')
			.execute();
		return { ok: true } as const;
	});
}

export async function stopProgramme(db: Kysely<Database>, options: { actor: SignedInAccount | null; now?: Date }): Promise<StateChange> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	return db.transaction().execute(async (trx) => {
		const row = await runningEnrolment(trx, account.id);
		if (!row) return { ok: false, reason: 'not_running' } as const;
		// A pause that ends in a stop (after the start; before it nothing counts) still counts as paused, so the weeks reached stay as they were.
		const clock = row.state === 'paused' && row.start_day !== null ? pauseEnded(enrolmentClock(row), localDay(now)) : enrolmentClock(row);
		await trx
			.updateTable('programme_enrolment')
			.set({ state: 'stopped', ended_at: now.toISOString(), paused_since: null, paused_days: clock.pausedDays })
			.where('id', '=', row.id)
			.execute();
		return { ok: true } as const;
	});
}

export async function setReminderChoice(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; choice: ReminderChoice; now?: Date }
): Promise<{ ok: boolean }> {
	const account = requireSignedIn(options.actor);
	const now = (options.now ?? new Date()).toISOString();
	return db.transaction().execute(async (trx) => {
		const row = await runningEnrolment(trx, account.id);
		if (!row) return { ok: false };
		await trx.updateTable('programme_enrolment').set({ reminder_choice: options.choice, reminders_stopped_at: null }).where('id', '=', row.id).execute();
		// Choosing again is an answer to the reminders sent so far: the count of ignored ones starts afresh.
		await trx.updateTable('programme_reminder').set({ acted_at: now }).where('enrolment_id', '=', row.id).where('acted_at', 'is', null).execute();
		return { ok: true };
	});
}
