import { fail, redirect } from '@sveltejs/kit';
import { requireClientAccess } from '$lib/kernel/policy.server';
import {
	addConversationNote,
	deleteConversationNote,
	listConversationNotes,
	getConversationNote,
	updateConversationNote
} from '$lib/features/conversation-notes/conversation-notes.server';
import { conversationNoteSchema, noteFieldErrors, noteFormInput, noteFormValues } from '$lib/features/conversation-notes/conversation-notes.schema';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import { localDay } from '$lib/time';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * A client's conversation notes in the professional's organisation: the list (each visit is audited), a form for a
 * new note, and one note at a time to edit (?bewerken=<id>) or delete (?verwijder=<id> asks first).
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const grant = await requireClientAccess(db(), locals.account, { personId: params.id });
	const notes = await listConversationNotes(db(), { actor: locals.account, personId: params.id });
	const editing = url.searchParams.get('bewerken');
	return {
		client: { id: grant.personId, name: grant.personName },
		notes,
		today: localDay(),
		editing: notes.find((note) => note.id === editing)?.id ?? null,
		confirmDelete: url.searchParams.get('verwijder'),
		notice: url.searchParams.get('bewaard')
	};
};

const here = (event: RequestEvent, query = '') => `${href(`/werk/clienten/${event.params.id}/notities`, { locale: event.locals.locale })}${query}`;
const noteId = (form: FormData) => String(form.get('id') ?? '').slice(0, 100);

export const actions: Actions = {
	add: async (event) => {
		const actor = event.locals.account;
		// Authorise before reading the form: a refusal never depends on what was sent.
		await requireClientAccess(db(), actor, { personId: event.params.id });
		const form = await event.request.formData();
		const parsed = conversationNoteSchema.safeParse(noteFormInput(form));
		if (!parsed.success) return fail(400, { tool: 'add' as const, errors: noteFieldErrors(parsed.error), values: noteFormValues(form) });
		await addConversationNote(db(), { actor, personId: event.params.id, input: parsed.data });
		redirect(303, here(event, '?bewaard=toegevoegd'));
	},
	update: async (event) => {
		const actor = event.locals.account;
		await requireClientAccess(db(), actor, { personId: event.params.id });
		const form = await event.request.formData();
		const id = noteId(form);
		const given = form.get('updatedAt');
		// The version the editor started from travels with every answer, so a failed try never moves it forward.
		const version = typeof given === 'string' && given !== '' ? given.slice(0, 40) : undefined;
		const parsed = conversationNoteSchema.safeParse(noteFormInput(form));
		if (!parsed.success) {
			return fail(400, { tool: 'update' as const, id, version, errors: noteFieldErrors(parsed.error), values: noteFormValues(form) });
		}
		const note = await updateConversationNote(db(), { actor, personId: event.params.id, noteId: id, input: parsed.data, ifUpdatedAt: version });
		if (note === 'changed') {
			// A colleague saved in between: keep what this professional typed, show what is there now, and let a new
			// save (from the current version) decide.
			const current = await getConversationNote(db(), { actor, personId: event.params.id, noteId: id });
			if (!current) return fail(404, { gone: true });
			const conflict = { day: current.day, body: current.body, summary: current.summary };
			return fail(409, { tool: 'update' as const, id, version: current.updatedAt, values: noteFormValues(form), conflict });
		}
		if (!note) return fail(404, { gone: true });
		redirect(303, here(event, '?bewaard=gewijzigd'));
	},
	/** Deleting asks first (?verwijder=<id>); this is the "yes". */
	delete: async (event) => {
		const actor = event.locals.account;
		await requireClientAccess(db(), actor, { personId: event.params.id });
		const form = await event.request.formData();
		if (!(await deleteConversationNote(db(), { actor, personId: event.params.id, noteId: noteId(form) }))) return fail(404, { gone: true });
		redirect(303, here(event, '?bewaard=verwijderd'));
	}
};
