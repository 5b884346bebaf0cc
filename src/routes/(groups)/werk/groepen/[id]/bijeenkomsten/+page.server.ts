import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { groupForManager } from '$lib/features/groups/group.server';
import { groupFormInput, groupFormValues, sessionChangeSchema, sessionSeriesSchema } from '$lib/features/groups/group.schema';
import { addSessions, cancelSession, moveSession } from '$lib/features/groups/sessions.server';
import { requireGroupManager } from '$lib/features/groups/group-access.server';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const notices = ['toegevoegd', 'verplaatst', 'afgezegd', 'ongewijzigd'] as const;

/** The group's sessions: add a series, move one (?verplaatsen=<id>), cancel one (?afzeggen=<id> asks first). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const group = await groupForManager(db(), { actor: locals.account, groupId: params.id });
	return {
		group,
		moving: group.sessions.find((s) => s.id === url.searchParams.get('verplaatsen') && s.status === 'planned') ?? null,
		cancelling: group.sessions.find((s) => s.id === url.searchParams.get('afzeggen') && s.status === 'planned') ?? null,
		notice: notices.find((key) => url.searchParams.has(key)) ?? null
	};
};

const here = (event: RequestEvent, notice: (typeof notices)[number]) => `${href(`/werk/groepen/${event.params.id}/bijeenkomsten`, { locale: event.locals.locale })}?${notice}`;
const sessionOf = (form: FormData) => String(form.get('sessionId') ?? '').slice(0, 100);

export const actions: Actions = {
	add: async (event) => {
		await requireGroupManager(db(), event.locals.account, event.params.id);
		const form = await event.request.formData();
		const parsed = sessionSeriesSchema.safeParse(groupFormInput(form));
		if (!parsed.success) return fail(400, { tool: 'add' as const, errors: fieldErrors(parsed.error), values: groupFormValues(form) });
		await addSessions(db(), { actor: event.locals.account, groupId: event.params.id, input: parsed.data });
		redirect(303, here(event, 'toegevoegd'));
	},
	move: async (event) => {
		await requireGroupManager(db(), event.locals.account, event.params.id);
		const form = await event.request.formData();
		const sessionId = sessionOf(form);
		const parsed = sessionChangeSchema.safeParse(groupFormInput(form));
		if (!parsed.success) return fail(400, { tool: 'move' as const, sessionId, errors: fieldErrors(parsed.error), values: groupFormValues(form) });
		const outcome = await moveSession(db(), { actor: event.locals.account, groupId: event.params.id, sessionId, input: parsed.data });
		if (outcome === 'not_found' || outcome === 'not_planned') return fail(400, { gone: true });
		redirect(303, here(event, outcome === 'changed' ? 'verplaatst' : 'ongewijzigd'));
	},
	cancel: async (event) => {
		await requireGroupManager(db(), event.locals.account, event.params.id);
		const form = await event.request.formData();
		const outcome = await cancelSession(db(), { actor: event.locals.account, groupId: event.params.id, sessionId: sessionOf(form) });
		if (outcome === 'not_found' || outcome === 'not_planned') return fail(400, { gone: true });
		redirect(303, here(event, 'afgezegd'));
	}
};
