/**
 * Planned moments of connection: a meeting or call with someone from the person's map, on a day and time. After it
 * starts, brug asks "how did it go?"; the answer closes the plan and, when it happened, becomes a contact moment on
 * the planned day. Only the person's own rows; place and note are encrypted at rest.
 * - `planMoment`, `updatePlannedMoment` (open plans only), `deletePlannedMoment`, `getPlannedMoment`.
 * - `listPlannedMoments`: open ones by start (all, or one relation's), or closed ones newest first.
 * - `closePlannedMoment`: the answer to "how did it go?"; once only, also when sent twice at once.
 * - `hasStarted(moment, now)`: whether it is time to ask.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { PlannedMomentTable } from '$lib/server/db/schema';
import { decryptOptional, encryptOptional, encryptedColumns } from '$lib/server/crypto';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { localDay, localTime } from '$lib/time';
import type { ContactKind } from './relationships';
import type { MomentOutcomeInput, PlannedMomentInput } from './relationships.schema';

export interface PlannedMoment {
	id: string;
	relationId: string;
	kind: ContactKind;
	day: string;
	time: string;
	place: string | null;
	note: string | null;
	closedAt: string | null;
	/** The answer to "how did it go?": whether it happened; null while open. */
	happened: boolean | null;
	/** The contact moment it became, when it happened (null again if the person deletes that contact). */
	contactMomentId: string | null;
	createdAt: string;
	updatedAt: string;
}

const { plannedMomentPlace, plannedMomentNote } = encryptedColumns;

/** A stored row as a planned moment: place and note decrypted. Also used by the calendar feed. */
export function openPlannedMoment(row: PlannedMomentTable & { contact_moment_id?: string | null }): PlannedMoment {
	return {
		id: row.id,
		relationId: row.relation_id,
		kind: row.kind as ContactKind,
		day: row.day,
		time: row.time,
		place: decryptOptional(row.place, plannedMomentPlace.context(row.id)),
		note: decryptOptional(row.note, plannedMomentNote.context(row.id)),
		closedAt: row.closed_at,
		happened: row.happened === null ? null : row.happened === 1,
		contactMomentId: row.contact_moment_id ?? null,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

function storedFields(id: string, input: PlannedMomentInput) {
	return {
		kind: input.kind,
		day: input.day,
		time: input.time,
		place: encryptOptional(input.place, plannedMomentPlace.context(id)),
		note: encryptOptional(input.note, plannedMomentNote.context(id))
	};
}

/** It is time to ask "how did it go?" from the moment's start on (local day and time). */
export function hasStarted(moment: { day: string; time: string }, now: Date = new Date()): boolean {
	const today = localDay(now);
	return moment.day < today || (moment.day === today && moment.time <= localTime(now));
}

async function ownsRelation(db: Kysely<Database>, accountId: string, relationId: string): Promise<boolean> {
	const row = await db.selectFrom('relation').select('id').where('id', '=', relationId).where('account_id', '=', accountId).executeTakeFirst();
	return row !== undefined;
}

export async function planMoment(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; relationId: string; input: PlannedMomentInput; now?: Date }
): Promise<{ ok: true; id: string } | { ok: false }> {
	const account = requireSignedIn(options.actor);
	if (!(await ownsRelation(db, account.id, options.relationId))) return { ok: false };
	const now = (options.now ?? new Date()).toISOString();
	const id = crypto.randomUUID();
	await db
		.insertInto('planned_moment')
		.values({
			id,
			account_id: account.id,
			relation_id: options.relationId,
			...storedFields(id, options.input),
			closed_at: null,
			happened: null,
			created_at: now,
			updated_at: now
		})
		.execute();
	return { ok: true, id };
}

/** Moves or rewords an open plan; a closed one is history and stays as it was. */
export async function updatePlannedMoment(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string; input: PlannedMomentInput; now?: Date }
): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db
		.updateTable('planned_moment')
		.set({ ...storedFields(options.id, options.input), updated_at: (options.now ?? new Date()).toISOString() })
		.where('id', '=', options.id)
		.where('account_id', '=', account.id)
		.where('closed_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** A contact moment it became stays: it happened. */
export async function deletePlannedMoment(db: Kysely<Database>, options: { actor: SignedInAccount | null; id: string }): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('planned_moment').where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

function selectMoments(db: Kysely<Database>, accountId: string) {
	return db
		.selectFrom('planned_moment')
		.leftJoin('contact_moment', 'contact_moment.planned_moment_id', 'planned_moment.id')
		.selectAll('planned_moment')
		.select('contact_moment.id as contact_moment_id')
		.where('planned_moment.account_id', '=', accountId);
}

export async function getPlannedMoment(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string }
): Promise<PlannedMoment | undefined> {
	const account = requireSignedIn(options.actor);
	const row = await selectMoments(db, account.id).where('planned_moment.id', '=', options.id).executeTakeFirst();
	return row && openPlannedMoment(row);
}

export async function listPlannedMoments(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; state?: 'open' | 'closed'; relationId?: string; limit?: number }
): Promise<PlannedMoment[]> {
	const account = requireSignedIn(options.actor);
	let query = selectMoments(db, account.id);
	if (options.relationId !== undefined) query = query.where('planned_moment.relation_id', '=', options.relationId);
	query =
		options.state === 'closed'
			? query.where('planned_moment.closed_at', 'is not', null).orderBy('planned_moment.day', 'desc').orderBy('planned_moment.time', 'desc')
			: query.where('planned_moment.closed_at', 'is', null).orderBy('planned_moment.day').orderBy('planned_moment.time');
	const rows = await query.orderBy('planned_moment.id').limit(options.limit ?? 100).execute();
	return rows.map(openPlannedMoment);
}

export type CloseOutcome =
	| { ok: true; contactMomentId: string | null }
	| { ok: false; reason: 'not_found' | 'already_closed' | 'not_started' };

/**
 * "How did it go?": closes an open plan that has started. When it happened, it becomes a contact moment of the
 * planned kind on the planned day, with how it felt. The update that closes the plan is the guard: of two answers
 * sent at once, only one finds it open.
 */
export async function closePlannedMoment(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string; outcome: MomentOutcomeInput; now?: Date }
): Promise<CloseOutcome> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	return db.transaction().execute(async (trx) => {
		const row = await trx.selectFrom('planned_moment').selectAll().where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
		if (!row) return { ok: false, reason: 'not_found' } as const;
		if (row.closed_at !== null) return { ok: false, reason: 'already_closed' } as const;
		if (!hasStarted(row, now)) return { ok: false, reason: 'not_started' } as const;
		const closed = await trx
			.updateTable('planned_moment')
			.set({ closed_at: now.toISOString(), happened: options.outcome.happened ? 1 : 0, updated_at: now.toISOString() })
			.where('id', '=', row.id)
			.where('closed_at', 'is', null)
			.executeTakeFirst();
		if (Number(closed.numUpdatedRows) === 0) return { ok: false, reason: 'already_closed' } as const;
		if (!options.outcome.happened) return { ok: true, contactMomentId: null } as const;
		const contactMomentId = crypto.randomUUID();
		await trx
			.insertInto('contact_moment')
			.values({
				id: contactMomentId,
				account_id: account.id,
				relation_id: row.relation_id,
				kind: row.kind,
				day: row.day,
				feeling: options.outcome.feeling,
				planned_moment_id: row.id,
				created_at: now.toISOString()
			})
			.execute();
		return { ok: true, contactMomentId } as const;
	});
}
