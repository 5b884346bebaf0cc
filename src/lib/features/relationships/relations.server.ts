/**
 * The people in a person's life (relations) and the contacts they had with them (contact moments). Only the person's
 * own rows, always: every use-case takes the signed-in account and filters on it, and an id of somebody else's row
 * behaves exactly like an unknown id. Names and notes are encrypted at rest.
 * - `addRelation`, `updateRelation`, `deleteRelation` (its contact and planned moments go with it), `getRelation`,
 *   `listRelations` (by name).
 * - `logContact`: a contact that happened, on a day up to today; `deleteContactMoment`, `getContactMoment`,
 *   `listContactMoments` (newest first, per relation or all).
 * - `lastContactDays`: the last real contact per relation, in one query (for the map, the list and the insights).
 * - `readRelationshipSummary`: counts only, for a linked professional with the relationship_summary scope.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { ContactMomentTable, RelationTable } from '$lib/server/db/schema';
import { decrypt, decryptOptional, encrypt, encryptOptional, encryptedColumns } from '$lib/server/crypto';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { addDays, localDay } from '$lib/time';
import { relationshipSummary, summaryWeeks, type RelationshipSummary } from './relationship-summary';
import { contactBrings, type ContactBring, type ContactCircle, type ContactKind, type ContactRhythm } from './relationships';
import type { ContactMomentInput, RelationInput } from './relationships.schema';

export interface Relation {
	id: string;
	nickname: string;
	circle: ContactCircle;
	brings: ContactBring[];
	rhythm: ContactRhythm;
	note: string | null;
	addedDay: string;
	createdAt: string;
	updatedAt: string;
}

export interface ContactMoment {
	id: string;
	relationId: string;
	kind: ContactKind;
	day: string;
	feeling: number;
	/** The planned moment this contact came from ("how did it go?"), if any. */
	plannedMomentId: string | null;
	createdAt: string;
}

const { relationNickname, relationNote } = encryptedColumns;

function parseBrings(stored: string): ContactBring[] {
	const values: unknown = JSON.parse(stored);
	return Array.isArray(values) ? contactBrings.filter((need) => values.includes(need)) : [];
}

function openRelation(row: RelationTable): Relation {
	return {
		id: row.id,
		nickname: decrypt(row.nickname, relationNickname.context(row.id)),
		circle: row.circle as ContactCircle,
		brings: parseBrings(row.brings),
		rhythm: row.rhythm as ContactRhythm,
		note: decryptOptional(row.note, relationNote.context(row.id)),
		addedDay: row.added_day,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

export function openContactMoment(row: ContactMomentTable): ContactMoment {
	return {
		id: row.id,
		relationId: row.relation_id,
		kind: row.kind as ContactKind,
		day: row.day,
		feeling: row.feeling,
		plannedMomentId: row.planned_moment_id,
		createdAt: row.created_at
	};
}

function storedFields(id: string, input: RelationInput) {
	return {
		nickname: encrypt(input.nickname, relationNickname.context(id)),
		circle: input.circle,
		brings: JSON.stringify(input.brings),
		rhythm: input.rhythm,
		note: encryptOptional(input.note, relationNote.context(id))
	};
}

export async function addRelation(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; input: RelationInput; now?: Date }
): Promise<{ id: string }> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	const id = crypto.randomUUID();
	await db
		.insertInto('relation')
		.values({
			id,
			account_id: account.id,
			...storedFields(id, options.input),
			added_day: localDay(now),
			created_at: now.toISOString(),
			updated_at: now.toISOString()
		})
		.execute();
	return { id };
}

/** Changes everything but the day the person was added: the rhythm keeps counting from the last real contact. */
export async function updateRelation(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string; input: RelationInput; now?: Date }
): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db
		.updateTable('relation')
		.set({ ...storedFields(options.id, options.input), updated_at: (options.now ?? new Date()).toISOString() })
		.where('id', '=', options.id)
		.where('account_id', '=', account.id)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** The person's contact and planned moments with them go too (foreign keys cascade). */
export async function deleteRelation(db: Kysely<Database>, options: { actor: SignedInAccount | null; id: string }): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('relation').where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function getRelation(db: Kysely<Database>, options: { actor: SignedInAccount | null; id: string }): Promise<Relation | undefined> {
	const account = requireSignedIn(options.actor);
	const row = await db.selectFrom('relation').selectAll().where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return row && openRelation(row);
}

/** Sorted by name as the person's language sorts it (names are encrypted, so the database cannot sort them). */
export async function listRelations(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; locale?: string }
): Promise<Relation[]> {
	const account = requireSignedIn(options.actor);
	const rows = await db.selectFrom('relation').selectAll().where('account_id', '=', account.id).execute();
	const collator = new Intl.Collator(options.locale ?? 'nl', { sensitivity: 'base', numeric: true });
	return rows.map(openRelation).sort((a, b) => collator.compare(a.nickname, b.nickname) || (a.id < b.id ? -1 : 1));
}

/**
 * A contact that happened. The day is checked against today by the schema; the relation must be the person's own.
 * A contact that comes from a planned moment is written by `closePlannedMoment`, which checks that moment.
 */
export async function logContact(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; relationId: string; input: ContactMomentInput; now?: Date }
): Promise<{ ok: true; id: string } | { ok: false }> {
	const account = requireSignedIn(options.actor);
	const owned = await db.selectFrom('relation').select('id').where('id', '=', options.relationId).where('account_id', '=', account.id).executeTakeFirst();
	if (!owned) return { ok: false };
	const id = crypto.randomUUID();
	await db
		.insertInto('contact_moment')
		.values({
			id,
			account_id: account.id,
			relation_id: options.relationId,
			kind: options.input.kind,
			day: options.input.day,
			feeling: options.input.feeling,
			planned_moment_id: null,
			created_at: (options.now ?? new Date()).toISOString()
		})
		.execute();
	return { ok: true, id };
}

export async function deleteContactMoment(db: Kysely<Database>, options: { actor: SignedInAccount | null; id: string }): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('contact_moment').where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function getContactMoment(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string }
): Promise<ContactMoment | undefined> {
	const account = requireSignedIn(options.actor);
	const row = await db.selectFrom('contact_moment').selectAll().where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return row && openContactMoment(row);
}

/** Newest first (by day, then by when it was written); per relation when `relationId` is given; from `fromDay` on. */
export async function listContactMoments(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; relationId?: string; fromDay?: string; limit?: number }
): Promise<ContactMoment[]> {
	const account = requireSignedIn(options.actor);
	let query = db.selectFrom('contact_moment').selectAll().where('account_id', '=', account.id);
	if (options.relationId !== undefined) query = query.where('relation_id', '=', options.relationId);
	if (options.fromDay !== undefined) query = query.where('day', '>=', options.fromDay);
	const rows = await query.orderBy('day', 'desc').orderBy('created_at', 'desc').orderBy('id').limit(options.limit ?? 100).execute();
	return rows.map(openContactMoment);
}

/** The last real contact (up to `today`) per relation, for every relation that has one. */
export async function lastContactDays(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; today: string }
): Promise<Map<string, string>> {
	const account = requireSignedIn(options.actor);
	const rows = await db
		.selectFrom('contact_moment')
		.select(['relation_id', (eb) => eb.fn.max('day').as('last')])
		.where('account_id', '=', account.id)
		.where('day', '<=', options.today)
		.groupBy('relation_id')
		.execute();
	return new Map(rows.map((row) => [row.relation_id, String(row.last)]));
}

/**
 * Counts only, for a linked professional (see relationship-summary.ts). No actor: the caller has checked the consent
 * scope and audits the read in the same transaction (clients.server.ts, `openClientRecord`).
 */
export async function readRelationshipSummary(db: Kysely<Database>, options: { personId: string; today: string }): Promise<RelationshipSummary> {
	const [circles, contacts] = await Promise.all([
		db.selectFrom('relation').select('circle').where('account_id', '=', options.personId).execute(),
		db
			.selectFrom('contact_moment')
			.select('day')
			.where('account_id', '=', options.personId)
			.where('day', '>=', addDays(options.today, -7 * summaryWeeks))
			.where('day', '<=', options.today)
			.execute()
	]);
	return relationshipSummary({
		circles: circles.map((row) => row.circle as ContactCircle),
		contactDays: contacts.map((row) => row.day),
		today: options.today
	});
}
