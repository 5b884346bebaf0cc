import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { attendanceSchema, groupNoteSchema } from '$lib/features/groups/group.schema';
import { deleteGroupNote, recordAttendance, recordEveryoneArrived, saveGroupNote, sessionForLeader } from '$lib/features/groups/leading.server';
import { markSessionHeld } from '$lib/features/groups/sessions.server';
import { requireGroupLeader } from '$lib/features/groups/group-access.server';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * The leader's page in the room: each participant one row, a status in one tap (one small form per person, so it
 * works without script), a note per person, held or not. Reading it is an audited read of every participant shown.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const session = await sessionForLeader(db(), { actor: locals.account, groupId: params.id, sessionId: params.sessionId });
	if (!session) error(404, 'Not found');
	return { ...session, saved: url.searchParams.get('bewaard') };
};

const back = (event: RequestEvent, notice: string, anchor = '') =>
	`${href(`/werk/groepen/${event.params.id}/${event.params.sessionId}`, { locale: event.locals.locale })}?bewaard=${notice}${anchor}`;
const participantOf = (form: FormData) => String(form.get('participantId') ?? '').slice(0, 100);
const ids = (event: RequestEvent) => ({ actor: event.locals.account, groupId: event.params.id, sessionId: event.params.sessionId });

export const actions: Actions = {
	attend: async (event) => {
		// Authorise before reading the form: a refusal never depends on what was sent.
		await requireGroupLeader(db(), event.locals.account, event.params.id);
		const form = await event.request.formData();
		const participantId = participantOf(form);
		const parsed = attendanceSchema.safeParse({ status: form.get('status') ?? undefined });
		if (!parsed.success) return fail(400, { participantId, errors: fieldErrors(parsed.error) });
		if ((await recordAttendance(db(), { ...ids(event), participantId, status: parsed.data.status })) === 'not_found') return fail(404, { gone: true });
		redirect(303, back(event, 'status', `#p-${participantId}`));
	},
	everyone: async (event) => {
		await recordEveryoneArrived(db(), ids(event));
		redirect(303, back(event, 'iedereen'));
	},
	held: async (event) => {
		await requireGroupLeader(db(), event.locals.account, event.params.id);
		const form = await event.request.formData();
		const outcome = await markSessionHeld(db(), { ...ids(event), held: form.get('held') === '1' });
		if (outcome === 'not_found' || outcome === 'cancelled') return fail(400, { gone: true });
		redirect(303, back(event, outcome === 'held' ? 'gehouden' : 'gepland'));
	},
	note: async (event) => {
		await requireGroupLeader(db(), event.locals.account, event.params.id);
		const form = await event.request.formData();
		const participantId = participantOf(form);
		const parsed = groupNoteSchema.safeParse({ body: form.get('body') ?? undefined });
		if (!parsed.success) return fail(400, { participantId, errors: fieldErrors(parsed.error), body: String(form.get('body') ?? '').slice(0, 2100) });
		if ((await saveGroupNote(db(), { ...ids(event), participantId, body: parsed.data.body })) === 'not_found') return fail(404, { gone: true });
		redirect(303, back(event, 'notitie', `#p-${participantId}`));
	},
	deleteNote: async (event) => {
		await requireGroupLeader(db(), event.locals.account, event.params.id);
		const form = await event.request.formData();
		const participantId = participantOf(form);
		await deleteGroupNote(db(), { ...ids(event), participantId });
		redirect(303, back(event, 'verwijderd', `#p-${participantId}`));
	}
};
