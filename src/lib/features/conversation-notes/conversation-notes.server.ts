/**
 * Conversation notes: a professional's dated notes about a client, with an optional summary shared with the client.
 * A note belongs to the organisation and the client (migration 007): every professional the client gives access to
 * within that organisation (`requireClientAccess`, any scope) sees, edits and deletes the organisation's notes about
 * them; another organisation's notes stay unknown. The note and the summary are encrypted at rest. The note is the
 * professional's own working note: never shown to the client, not in their export. Reading notes is audited in the
 * same transaction, so the client sees it in their access log.
 * Once shared, a summary was given to the client: they keep seeing it after withdrawing consent, until the
 * organisation unshares or deletes it.
 *
 * For professionals (each checks access first, inside the transaction that reads or writes):
 * - `listConversationNotes`: the client's notes in the organisation, newest day first (audited, object `list`).
 * - `getConversationNote`: one of them, or null (audited with the note id when found).
 * - `addConversationNote`: a new note; a shared summary is shared from now.
 * - `updateConversationNote`: changes a note; unsharing hides the summary from the client, a changed shared summary
 *   stays shared and counts as unseen again. Null when the note is unknown (here).
 * - `patchConversationNote`: the same for only the fields sent; a refused or conflicting patch logs no read.
 * - `deleteConversationNote`: true when it was there.
 * For the client (signed in, their own only):
 * - `listSharedSummaries`: every summary shared with them, newest day first, with organisation and author.
 * - `markSummariesSeen`: marks shared summaries (all, or these ids) as seen now; seen stays seen.
 * - `unseenSummaryCount`: how many shared summaries they have not opened yet.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { ConversationNoteTable } from '$lib/server/db/schema';
import { decrypt, decryptOptional, encrypt, encryptOptional, encryptedColumns } from '$lib/server/crypto';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn, withClientAccess, type ActiveGrant } from '$lib/kernel/policy.server';
import { recordClientRead } from '$lib/kernel/audit.server';
import type { z } from 'zod';
import { conversationNoteSchema, type ConversationNoteInput } from './conversation-notes.schema';

export type { ConversationNoteInput } from './conversation-notes.schema';

export interface ConversationNote {
	id: string;
	personId: string;
	organisationId: string;
	authorId: string | null;
	authorName: string | null;
	day: string;
	body: string;
	summary: string | null;
	sharedAt: string | null;
	seenAt: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface SharedSummary {
	id: string;
	day: string;
	summary: string;
	organisationName: string;
	authorName: string | null;
	sharedAt: string;
	seenAt: string | null;
}

const { conversationNoteBody, conversationNoteSummary } = encryptedColumns;

type NoteRow = ConversationNoteTable & { author_name: string | null };

function openNote(row: NoteRow): ConversationNote {
	return {
		id: row.id,
		personId: row.person_id,
		organisationId: row.organisation_id,
		authorId: row.professional_id,
		authorName: row.author_name,
		day: row.note_day,
		body: decrypt(row.body, conversationNoteBody.context(row.id)),
		summary: decryptOptional(row.summary, conversationNoteSummary.context(row.id)),
		sharedAt: row.shared_at,
		seenAt: row.seen_at,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

/** The organisation's notes about the client of `grant`; nothing of anyone else. */
function notesOf(db: Kysely<Database>, grant: ActiveGrant) {
	return db
		.selectFrom('conversation_note')
		.leftJoin('account as author', 'author.id', 'conversation_note.professional_id')
		.selectAll('conversation_note')
		.select('author.name as author_name')
		.where('conversation_note.person_id', '=', grant.personId)
		.where('conversation_note.organisation_id', '=', grant.organisationId);
}

function auditRead(db: Kysely<Database>, actor: SignedInAccount, grant: ActiveGrant, object: string, now?: Date) {
	return recordClientRead(db, { actor, grant, action: 'client.notes.read', object, now });
}

export async function listConversationNotes(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; now?: Date }
): Promise<ConversationNote[]> {
	return withClientAccess(db, options.actor, { personId: options.personId }, async (trx, grant, actor) => {
		await auditRead(trx, actor, grant, 'list', options.now);
		const rows = await notesOf(trx, grant)
			.orderBy('conversation_note.note_day', 'desc')
			.orderBy('conversation_note.created_at', 'desc')
			.orderBy('conversation_note.id')
			.execute();
		return rows.map(openNote);
	});
}

export async function getConversationNote(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; noteId: string; now?: Date }
): Promise<ConversationNote | null> {
	return withClientAccess(db, options.actor, { personId: options.personId }, async (trx, grant, actor) => {
		const row = await notesOf(trx, grant).where('conversation_note.id', '=', options.noteId).executeTakeFirst();
		if (!row) return null;
		await auditRead(trx, actor, grant, row.id, options.now);
		return openNote(row);
	});
}

export async function addConversationNote(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; input: ConversationNoteInput; now?: Date }
): Promise<ConversationNote> {
	return withClientAccess(db, options.actor, { personId: options.personId }, async (trx, grant, actor) => {
		const id = crypto.randomUUID();
		const now = (options.now ?? new Date()).toISOString();
		const shared = options.input.share && options.input.summary !== null;
		await trx
			.insertInto('conversation_note')
			.values({
				id,
				organisation_id: grant.organisationId,
				person_id: grant.personId,
				professional_id: actor.id,
				note_day: options.input.day,
				body: encrypt(options.input.body, conversationNoteBody.context(id)),
				summary: encryptOptional(options.input.summary, conversationNoteSummary.context(id)),
				shared_at: shared ? now : null,
				seen_at: null,
				created_at: now,
				updated_at: now
			})
			.execute();
		return openNote(await notesOf(trx, grant).where('conversation_note.id', '=', id).executeTakeFirstOrThrow());
	});
}

interface NoteChange {
	actor: SignedInAccount | null;
	personId: string;
	noteId: string;
	/** The `updatedAt` the editor started from: a colleague's save in between gives 'changed', not a lost edit. */
	ifUpdatedAt?: string;
	now?: Date;
}

export async function updateConversationNote(
	db: Kysely<Database>,
	options: NoteChange & { input: ConversationNoteInput }
): Promise<ConversationNote | null | 'changed'> {
	return changeNote(db, options, () => options.input) as Promise<ConversationNote | null | 'changed'>;
}

/** The fields of a note a patch may change; those left out stay as they are. */
export type ConversationNotePatch = Partial<Record<'day' | 'body' | 'summary', string | null> & { share: boolean }>;

/**
 * Changes only the fields sent. The note is read to merge them, but nothing is logged unless the change is saved:
 * a refused patch (the merged note breaks the schema: its issues come back) or a conflict ('changed') leaves no trace
 * in the client's access log. A saved patch answers with the whole note, which is a read of it.
 */
export async function patchConversationNote(
	db: Kysely<Database>,
	options: NoteChange & { patch: ConversationNotePatch }
): Promise<ConversationNote | null | 'changed' | z.ZodError> {
	const merge = (current: ConversationNote) => {
		const { day, body, summary } = current;
		const merged = conversationNoteSchema.safeParse({ day, body, summary, share: current.sharedAt !== null, ...options.patch });
		return merged.success ? merged.data : merged.error;
	};
	return changeNote(db, options, merge, { audited: true });
}

async function changeNote(
	db: Kysely<Database>,
	options: NoteChange,
	input: (current: ConversationNote) => ConversationNoteInput | z.ZodError,
	{ audited = false } = {}
): Promise<ConversationNote | null | 'changed' | z.ZodError> {
	return withClientAccess(db, options.actor, { personId: options.personId }, async (trx, grant, actor) => {
		const row = await notesOf(trx, grant).where('conversation_note.id', '=', options.noteId).executeTakeFirst();
		if (!row) return null;
		if (options.ifUpdatedAt !== undefined && row.updated_at !== options.ifUpdatedAt) return 'changed' as const;
		const next = input(openNote(row));
		if (next instanceof Error) return next;
		const note = await writeNote(trx, grant, row, next, options.now);
		if (audited && note !== 'changed') await auditRead(trx, actor, grant, note.id, options.now);
		return note;
	});
}

async function writeNote(
	trx: Kysely<Database>,
	grant: ActiveGrant,
	row: NoteRow,
	input: ConversationNoteInput,
	at?: Date
): Promise<ConversationNote | 'changed'> {
	const before = openNote(row);
	const now = (at ?? new Date()).toISOString();
	const shared = input.share && input.summary !== null;
	// A shared summary stays shared since it was first shared; new words are new to the client, so unseen again.
	const sharedAt = shared ? (before.sharedAt ?? now) : null;
	const seenAt = shared && before.sharedAt !== null && before.summary === input.summary ? before.seenAt : null;
	const written = await trx
		.updateTable('conversation_note')
		.set({
			note_day: input.day,
			body: encrypt(input.body, conversationNoteBody.context(row.id)),
			summary: encryptOptional(input.summary, conversationNoteSummary.context(row.id)),
			shared_at: sharedAt,
			seen_at: seenAt,
			updated_at: now
		})
		.where('id', '=', row.id)
		// Compare and set: a colleague's save between the read above and this write (PostgreSQL runs them side by
		// side under the shared lock) makes this one fail instead of overwriting it.
		.where('updated_at', '=', row.updated_at)
		.executeTakeFirst();
	if (Number(written.numUpdatedRows) === 0) return 'changed';
	return openNote(await notesOf(trx, grant).where('conversation_note.id', '=', row.id).executeTakeFirstOrThrow());
}

export async function deleteConversationNote(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; noteId: string }
): Promise<boolean> {
	return withClientAccess(db, options.actor, { personId: options.personId }, async (trx, grant) => {
		const result = await trx
			.deleteFrom('conversation_note')
			.where('id', '=', options.noteId)
			.where('person_id', '=', grant.personId)
			.where('organisation_id', '=', grant.organisationId)
			.executeTakeFirst();
		return Number(result.numDeletedRows) > 0;
	});
}

/** The client's own shared summaries; no grant is asked for, since what was shared was given to them. */
function sharedWith(db: Kysely<Database>, personId: string) {
	return db
		.selectFrom('conversation_note')
		.where('conversation_note.person_id', '=', personId)
		.where('conversation_note.shared_at', 'is not', null)
		.where('conversation_note.summary', 'is not', null);
}

export async function listSharedSummaries(db: Kysely<Database>, options: { actor: SignedInAccount | null }): Promise<SharedSummary[]> {
	const account = requireSignedIn(options.actor);
	const rows = await sharedWith(db, account.id)
		.innerJoin('organisation', 'organisation.id', 'conversation_note.organisation_id')
		.leftJoin('account as author', 'author.id', 'conversation_note.professional_id')
		.select([
			'conversation_note.id',
			'conversation_note.note_day',
			'conversation_note.summary',
			'conversation_note.shared_at',
			'conversation_note.seen_at',
			'organisation.name as organisation_name',
			'author.name as author_name'
		])
		.orderBy('conversation_note.note_day', 'desc')
		.orderBy('conversation_note.shared_at', 'desc')
		.orderBy('conversation_note.id')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		day: row.note_day,
		summary: decrypt(row.summary!, conversationNoteSummary.context(row.id)),
		organisationName: row.organisation_name,
		authorName: row.author_name,
		sharedAt: row.shared_at!,
		seenAt: row.seen_at
	}));
}

export async function markSummariesSeen(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; ids?: string[]; now?: Date }
): Promise<void> {
	const account = requireSignedIn(options.actor);
	const now = (options.now ?? new Date()).toISOString();
	const mark = (ids?: string[]) => {
		let query = db.updateTable('conversation_note').set({ seen_at: now }).where('person_id', '=', account.id).where('shared_at', 'is not', null).where('seen_at', 'is', null);
		if (ids) query = query.where('id', 'in', ids);
		return query.execute();
	};
	if (options.ids === undefined) {
		await mark();
		return;
	}
	const ids = [...new Set(options.ids.filter((id) => typeof id === 'string'))];
	// In slices: SQLite takes only so many parameters in one statement.
	for (let start = 0; start < ids.length; start += 500) await mark(ids.slice(start, start + 500));
}

export async function unseenSummaryCount(db: Kysely<Database>, options: { actor: SignedInAccount | null }): Promise<number> {
	const account = requireSignedIn(options.actor);
	const row = await sharedWith(db, account.id)
		.where('conversation_note.seen_at', 'is', null)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
