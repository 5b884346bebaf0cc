/**
 * The professional's side of the programme, for a client who shares the `programme` scope with them. Every call goes
 * through `withClientAccess` (queues behind a consent change, then checks), and every read writes a
 * `client.programme.read` audit event in the same transaction.
 * - `clientProgramme(db, { actor, personId, now })`: the client's running (else newest) enrolment: week, what was
 *   done, the check-ins the client chose to share, the before/after scores, the messages, whether reminders stopped.
 * - `startProgrammeForClient`: starts it for the client with a personal welcome line (the clock starts when the
 *   client opens week 0).
 * - `sendProgrammeMessage`: a short message shown on the client's overview.
 * - `setDiscussFirst`, `markConversationHeld`: a week that opens only after the conversation; marking it held opens it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { encrypt, encryptOptional, encryptedColumns } from '$lib/server/crypto';
import { withClientAccess } from '$lib/kernel/policy.server';
import { recordClientRead } from '$lib/kernel/audit.server';
import { localDay } from '$lib/time';
import { insertEnrolment, latestEnrolment, runningEnrolment } from './enrolment.server';
import { enrolmentMessages, openCheckIn, statesOf, weekRow, type CheckIn, type ProgrammeMessage } from './progress.server';
import { currentWeekOf, type EnrolmentState, type MeasurementMoment, type WeekState } from './programme';
import type { ClientStartInput, ProgrammeMessageInput } from './programme-input.schema';

type Db = Kysely<Database>;

export interface MomentScore {
	takenAt: string;
	total: number | null;
	band: string | null;
}

export interface ClientProgrammeView {
	id: string;
	state: EnrolmentState;
	startedBy: 'person' | 'professional';
	createdDay: string;
	startDay: string | null;
	pausedSince: string | null;
	currentWeek: number;
	weeks: (WeekState & { discussed: boolean; checkIn: CheckIn | null })[];
	scores: Partial<Record<MeasurementMoment, MomentScore>>;
	messages: ProgrammeMessage[];
	remindersStopped: boolean;
}

async function momentScores(db: Db, enrolmentId: string): Promise<Partial<Record<MeasurementMoment, MomentScore>>> {
	const rows = await db
		.selectFrom('programme_measurement')
		.innerJoin('measurement', 'measurement.id', 'programme_measurement.measurement_id')
		.select(['programme_measurement.moment', 'measurement.taken_at', 'measurement.total', 'measurement.band'])
		.where('programme_measurement.enrolment_id', '=', enrolmentId)
		.execute();
	return Object.fromEntries(rows.map((row) => [row.moment, { takenAt: row.taken_at, total: row.total === null ? null : Number(row.total), band: row.band }]));
}

export function clientProgramme(
	db: Db,
	options: { actor: SignedInAccount | null; personId: string; now?: Date }
): Promise<{ enrolment: ClientProgrammeView | null; canStart: boolean }> {
	const now = options.now ?? new Date();
	return withClientAccess(db, options.actor, { personId: options.personId, scope: 'programme' }, async (trx, grant, actor) => {
		const running = await runningEnrolment(trx, options.personId);
		const row = running ?? (await latestEnrolment(trx, options.personId));
		await recordClientRead(trx, { actor, grant, action: 'client.programme.read', object: row?.id ?? 'none', now });
		if (!row) return { enrolment: null, canStart: true };
		const [{ weeks }, scores, messages, weekRows] = await Promise.all([
			statesOf(trx, row, localDay(now)),
			momentScores(trx, row.id),
			enrolmentMessages(trx, row.id),
			trx
				.selectFrom('programme_week')
				.select(['id', 'week', 'went_well', 'tried', 'take_away', 'checkin_at', 'checkin_shared', 'discussed_at'])
				.where('enrolment_id', '=', row.id)
				.execute()
		]);
		const enrolment: ClientProgrammeView = {
			id: row.id,
			state: row.state as EnrolmentState,
			startedBy: row.started_by === 'professional' ? 'professional' : 'person',
			createdDay: row.created_day,
			startDay: row.start_day,
			pausedSince: row.paused_since,
			currentWeek: currentWeekOf(weeks),
			weeks: weeks.map((week) => {
				const stored = weekRows.find((r) => Number(r.week) === week.week);
				// Only what the client chose to share; an unshared check-in is not even said to exist.
				const checkIn = stored && Boolean(Number(stored.checkin_shared)) ? openCheckIn(stored) : null;
				return { ...week, checkedIn: checkIn !== null, discussed: stored?.discussed_at != null, checkIn };
			}),
			scores,
			messages,
			remindersStopped: row.reminders_stopped_at !== null
		};
		return { enrolment, canStart: !running };
	});
}

export function startProgrammeForClient(
	db: Db,
	options: { actor: SignedInAccount | null; personId: string; input: ClientStartInput; now?: Date }
): Promise<{ ok: true; id: string } | { ok: false; reason: 'already_running' }> {
	const now = options.now ?? new Date();
	return withClientAccess(db, options.actor, { personId: options.personId, scope: 'programme' }, async (trx, grant, actor) => {
		if (await runningEnrolment(trx, options.personId)) return { ok: false, reason: 'already_running' } as const;
		const id = crypto.randomUUID();
		return insertEnrolment(trx, {
			id,
			accountId: options.personId,
			startedBy: 'professional',
			starterId: actor.id,
			organisationId: grant.organisationId,
			welcome: encryptOptional(options.input.welcome, encryptedColumns.programmeWelcome.context(id)),
			reminders: 'week_start',
			now
		});
	});
}

export function sendProgrammeMessage(
	db: Db,
	options: { actor: SignedInAccount | null; personId: string; input: ProgrammeMessageInput; now?: Date }
): Promise<{ ok: true; id: string } | { ok: false; reason: 'no_programme' }> {
	const now = options.now ?? new Date();
	return withClientAccess(db, options.actor, { personId: options.personId, scope: 'programme' }, async (trx, grant, actor) => {
		const row = await runningEnrolment(trx, options.personId);
		if (!row) return { ok: false, reason: 'no_programme' } as const;
		const id = crypto.randomUUID();
		await trx
			.insertInto('programme_message')
			.values({
				id,
				enrolment_id: row.id,
				author_id: actor.id,
				organisation_id: grant.organisationId,
				body: encrypt(options.input.body, encryptedColumns.programmeMessageBody.context(id)),
				created_at: now.toISOString()
			})
			.execute();
		return { ok: true, id } as const;
	});
}

type WeekChange = { ok: true } | { ok: false; reason: 'no_programme' | 'week_invalid' };

/** The week's row of the client's running enrolment, made when needed. */
async function clientWeekRow(trx: Db, personId: string, week: number): Promise<string | 'no_programme'> {
	const row = await runningEnrolment(trx, personId);
	return row ? weekRow(trx, row.id, week) : 'no_programme';
}

export function setDiscussFirst(
	db: Db,
	options: { actor: SignedInAccount | null; personId: string; week: number; discussFirst: boolean }
): Promise<WeekChange> {
	// Week 0 is the welcome: the person must always be able to begin.
	if (options.week < 1 || options.week > 9) return Promise.resolve({ ok: false, reason: 'week_invalid' });
	return withClientAccess(db, options.actor, { personId: options.personId, scope: 'programme' }, async (trx) => {
		const id = await clientWeekRow(trx, options.personId, options.week);
		if (id === 'no_programme') return { ok: false, reason: id } as const;
		await trx.updateTable('programme_week').set({ discuss_first: options.discussFirst ? 1 : 0 }).where('id', '=', id).execute();
		return { ok: true } as const;
	});
}

export function markConversationHeld(
	db: Db,
	options: { actor: SignedInAccount | null; personId: string; week: number; now?: Date }
): Promise<WeekChange> {
	if (options.week < 0 || options.week > 9) return Promise.resolve({ ok: false, reason: 'week_invalid' });
	const now = options.now ?? new Date();
	return withClientAccess(db, options.actor, { personId: options.personId, scope: 'programme' }, async (trx, _grant, actor) => {
		const id = await clientWeekRow(trx, options.personId, options.week);
		if (id === 'no_programme') return { ok: false, reason: id } as const;
		await trx.updateTable('programme_week').set({ discussed_at: now.toISOString(), discussed_by: actor.id }).where('id', '=', id).execute();
		return { ok: true } as const;
	});
}
