import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { suggestedMessageKeys, type SuggestedMessageKey } from '$lib/composers/caseload/caseload-words';
import {
	clientProgramme,
	markConversationHeld,
	sendProgrammeMessage,
	setDiscussFirst,
	startProgrammeForClient
} from '$lib/features/programme/guidance.server';
import { clientStartSchema, discussFirstSchema, programmeLimits, programmeMessageSchema, weekNumberSchema } from '$lib/features/programme/programme-input.schema';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * A client's programme, with the programme scope only: start it with a welcome line, or follow it (each week, the
 * check-ins the client shared, the scores before and after), send a short message, and hold a week for a
 * conversation. Every visit is an audited read (`clientProgramme` writes it).
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const grant = await requireClientAccess(db(), locals.account, { personId: params.id, scope: 'programme' });
	const { enrolment, canStart } = await clientProgramme(db(), { actor: locals.account, personId: params.id });
	const asked = url.searchParams.get('bericht');
	return {
		client: { id: grant.personId, name: grant.personName },
		enrolment,
		canStart,
		limits: programmeLimits,
		suggestion: (suggestedMessageKeys as readonly string[]).includes(asked ?? '') ? (asked as SuggestedMessageKey) : null,
		notice: url.searchParams.get('bewaard')
	};
};

const here = (event: RequestEvent, query: string) => `${href(`/werk/clienten/${event.params.id}/programma`, { locale: event.locals.locale })}${query}`;

/** Authorises before the form is read: a refusal never depends on what was sent. */
async function formOf(event: RequestEvent): Promise<FormData> {
	await requireClientAccess(db(), event.locals.account, { personId: event.params.id, scope: 'programme' });
	return event.request.formData();
}

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : undefined;
};

export const actions: Actions = {
	start: async (event) => {
		const form = await formOf(event);
		const parsed = clientStartSchema.safeParse({ welcome: text(form, 'welcome') });
		if (!parsed.success) return fail(400, { tool: 'start' as const, errors: fieldErrors(parsed.error), welcome: text(form, 'welcome') ?? '' });
		const started = await startProgrammeForClient(db(), { actor: event.locals.account, personId: event.params.id, input: parsed.data });
		if (!started.ok) return fail(409, { tool: 'start' as const, refused: started.reason, welcome: text(form, 'welcome') ?? '' });
		redirect(303, here(event, '?bewaard=gestart'));
	},
	message: async (event) => {
		const form = await formOf(event);
		const parsed = programmeMessageSchema.safeParse({ body: text(form, 'body') });
		if (!parsed.success) return fail(400, { tool: 'message' as const, errors: fieldErrors(parsed.error), body: text(form, 'body') ?? '' });
		const sent = await sendProgrammeMessage(db(), { actor: event.locals.account, personId: event.params.id, input: parsed.data });
		if (!sent.ok) return fail(409, { tool: 'message' as const, refused: sent.reason, body: text(form, 'body') ?? '' });
		redirect(303, here(event, '?bewaard=bericht#bericht'));
	},
	discuss: async (event) => {
		const form = await formOf(event);
		const week = weekNumberSchema.safeParse(text(form, 'week'));
		const choice = discussFirstSchema.safeParse({ discussFirst: text(form, 'discussFirst') });
		if (!week.success || !choice.success) return fail(400, { tool: 'week' as const, refused: 'week_invalid' as const });
		const changed = await setDiscussFirst(db(), { actor: event.locals.account, personId: event.params.id, week: week.data, discussFirst: choice.data.discussFirst });
		if (!changed.ok) return fail(changed.reason === 'week_invalid' ? 400 : 409, { tool: 'week' as const, refused: changed.reason });
		redirect(303, here(event, '?bewaard=bespreken#weken'));
	},
	held: async (event) => {
		const form = await formOf(event);
		const week = weekNumberSchema.safeParse(text(form, 'week'));
		if (!week.success) return fail(400, { tool: 'week' as const, refused: 'week_invalid' as const });
		const held = await markConversationHeld(db(), { actor: event.locals.account, personId: event.params.id, week: week.data });
		if (!held.ok) return fail(held.reason === 'week_invalid' ? 400 : 409, { tool: 'week' as const, refused: held.reason });
		redirect(303, here(event, '?bewaard=gehouden#weken'));
	}
};
