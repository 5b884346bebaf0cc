/**
 * A group's sessions: planning a weekly series, and the changes participants are told about. A move or a cancel
 * raises the session's `sequence` (the calendar feed's SEQUENCE) and, once committed, announces the change: one mail
 * per current participant (session-mail.server.ts).
 * - `insertSeries(trx, groupId, series, now)`: the rows of a weekly series and its return meeting (no access check:
 *   for createGroup and addSessions).
 * - `addSessions(db, { actor, groupId, input })`: a manager adds a weekly series (and a return meeting).
 * - `moveSession(db, { actor, groupId, sessionId, input })`: a planned session gets another day, time, place or link.
 * - `cancelSession(db, { actor, groupId, sessionId })`: a planned session does not take place.
 * - `markSessionHeld(db, { actor, groupId, sessionId, held })`: a leader marks it held, or takes that back.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { addDays } from '$lib/time';
import { requireGroupLeader, requireGroupManager } from './group-access.server';
import type { SessionChangeInput, SessionSeriesInput } from './group.schema';
import { announceSessionChange, type Enqueue } from './session-mail.server';
import { askGroupMeasurements } from './group-measurements.server';

type Db = Kysely<Database>;

export type SessionChange = 'changed' | 'unchanged' | 'not_found' | 'not_planned';

export async function insertSeries(trx: Db, groupId: string, series: SessionSeriesInput, now: Date): Promise<string[]> {
	const days = Array.from({ length: series.count }, (_, week) => ({ day: addDays(series.firstDay, 7 * week), isReturn: 0 }));
	if (series.returnDay) days.push({ day: series.returnDay, isReturn: 1 });
	const rows = days.map(({ day, isReturn }) => ({
		id: crypto.randomUUID(),
		group_id: groupId,
		day,
		starts_at: series.startsAt,
		ends_at: series.endsAt,
		place: series.place,
		video_url: series.videoUrl,
		status: 'planned' as const,
		is_return: isReturn,
		held_at: null,
		updated_at: now.toISOString()
	}));
	await trx.insertInto('group_session').values(rows).execute();
	return rows.map((row) => row.id);
}

export async function addSessions(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; input: SessionSeriesInput; now?: Date }
): Promise<string[]> {
	await requireGroupManager(db, options.actor, options.groupId);
	return db.transaction().execute((trx) => insertSeries(trx, options.groupId, options.input, options.now ?? new Date()));
}

/** Applies a change to a planned session of the group and raises its sequence; the new sequence, or why not. */
async function changeSession(
	db: Db,
	groupId: string,
	sessionId: string,
	change: (current: { day: string; starts_at: string; ends_at: string; place: string | null; video_url: string | null }) => Partial<Database['group_session']> | null,
	now: Date
): Promise<{ outcome: SessionChange; sequence?: number }> {
	return db.transaction().execute(async (trx) => {
		const current = await trx.selectFrom('group_session').selectAll().where('id', '=', sessionId).where('group_id', '=', groupId).executeTakeFirst();
		if (!current) return { outcome: 'not_found' as const };
		if (current.status !== 'planned') return { outcome: 'not_planned' as const };
		const fields = change(current);
		if (!fields) return { outcome: 'unchanged' as const };
		const sequence = Number(current.sequence) + 1;
		// Guarded by the sequence read: of two changes at once, the second finds it raised and changes nothing.
		const result = await trx
			.updateTable('group_session')
			.set({ ...fields, sequence, updated_at: now.toISOString() })
			.where('id', '=', sessionId)
			.where('sequence', '=', Number(current.sequence))
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) return { outcome: 'unchanged' as const };
		return { outcome: 'changed' as const, sequence };
	});
}

export async function moveSession(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; sessionId: string; input: SessionChangeInput; now?: Date; enqueue?: Enqueue }
): Promise<SessionChange> {
	await requireGroupManager(db, options.actor, options.groupId);
	const { input } = options;
	const result = await changeSession(
		db,
		options.groupId,
		options.sessionId,
		(current) => {
			const next = { day: input.day, starts_at: input.startsAt, ends_at: input.endsAt, place: input.place, video_url: input.videoUrl };
			const same = (Object.keys(next) as (keyof typeof next)[]).every((key) => next[key] === current[key]);
			return same ? null : next;
		},
		options.now ?? new Date()
	);
	if (result.sequence !== undefined) await announceSessionChange({ sessionId: options.sessionId, sequence: result.sequence, enqueue: options.enqueue });
	return result.outcome;
}

export async function cancelSession(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; sessionId: string; now?: Date; enqueue?: Enqueue }
): Promise<SessionChange> {
	await requireGroupManager(db, options.actor, options.groupId);
	const result = await changeSession(db, options.groupId, options.sessionId, () => ({ status: 'cancelled' }), options.now ?? new Date());
	if (result.sequence !== undefined) await announceSessionChange({ sessionId: options.sessionId, sequence: result.sequence, enqueue: options.enqueue });
	return result.outcome;
}

/** Held (or, with `held: false`, planned again); a cancelled session stays cancelled. Not a change mailed to anyone. */
export async function markSessionHeld(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; sessionId: string; held: boolean; now?: Date }
): Promise<'held' | 'planned' | 'not_found' | 'cancelled'> {
	await requireGroupLeader(db, options.actor, options.groupId);
	const now = options.now ?? new Date();
	return db.transaction().execute(async (trx) => {
		const current = await trx.selectFrom('group_session').select(['status']).where('id', '=', options.sessionId).where('group_id', '=', options.groupId).executeTakeFirst();
		if (!current) return 'not_found' as const;
		if (current.status === 'cancelled') return 'cancelled' as const;
		await trx
			.updateTable('group_session')
			.set(options.held ? { status: 'held', held_at: current.status === 'held' ? undefined : now.toISOString() } : { status: 'planned', held_at: null })
			.where('id', '=', options.sessionId)
			.execute();
		// The group's first and last regular session ask each current participant for the DJG-11 (once).
		if (options.held) await askGroupMeasurements(trx, { sessionId: options.sessionId, actorId: options.actor!.id, now });
		return options.held ? ('held' as const) : ('planned' as const);
	});
}
