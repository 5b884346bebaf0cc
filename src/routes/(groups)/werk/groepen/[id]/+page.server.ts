import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { archiveGroup, groupForManager, updateGroup } from '$lib/features/groups/group.server';
import { groupOverviewForLeader } from '$lib/features/groups/leading.server';
import { createGroupCode, listGroupCodes, revokeGroupCode } from '$lib/features/groups/codes.server';
import { groupFormInput, groupFormValues, groupSchema } from '$lib/features/groups/group.schema';
import { requireGroupManager } from '$lib/features/groups/group-access.server';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import { localDay } from '$lib/time';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const notices = ['bewaard', 'gearchiveerd', 'ingetrokken'] as const;

/**
 * The group: for its leaders the participants with attendance, signals and check-ins (an audited read); for an admin
 * who does not lead it, counts only. Settings, codes and archiving (?archiveren asks first) for both.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const group = await groupForManager(db(), { actor: locals.account, groupId: params.id });
	return {
		group,
		overview: group.access.leads ? await groupOverviewForLeader(db(), { actor: locals.account, groupId: params.id }) : null,
		codes: await listGroupCodes(db(), { actor: locals.account, groupId: params.id }),
		today: localDay(),
		confirmArchive: url.searchParams.has('archiveren'),
		notice: notices.find((key) => url.searchParams.has(key)) ?? null
	};
};

const here = (event: RequestEvent, query = '') => `${href(`/werk/groepen/${event.params.id}`, { locale: event.locals.locale })}${query}`;

export const actions: Actions = {
	update: async (event) => {
		// Authorise before reading the form: a refusal never depends on what was sent.
		await requireGroupManager(db(), event.locals.account, event.params.id);
		const form = await event.request.formData();
		const parsed = groupSchema.omit({ programme: true }).safeParse(groupFormInput(form));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values: groupFormValues(form) });
		const outcome = await updateGroup(db(), { actor: event.locals.account, groupId: event.params.id, input: parsed.data });
		if (!outcome.ok) return fail(400, { errors: outcome.errors, values: groupFormValues(form) });
		redirect(303, here(event, '?bewaard'));
	},
	archive: async (event) => {
		await archiveGroup(db(), { actor: event.locals.account, groupId: event.params.id });
		redirect(303, here(event, '?gearchiveerd'));
	},
	code: async (event) => {
		await createGroupCode(db(), { actor: event.locals.account, groupId: event.params.id });
		redirect(303, href(`/werk/groepen/${event.params.id}/code`, { locale: event.locals.locale }));
	},
	revoke: async (event) => {
		const form = await event.request.formData();
		const done = await revokeGroupCode(db(), { actor: event.locals.account, groupId: event.params.id, codeId: String(form.get('code') ?? '').slice(0, 100) });
		if (!done) return fail(404, { gone: true });
		redirect(303, here(event, '?ingetrokken'));
	}
};
