import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { createGroup, newGroupChoices } from '$lib/features/groups/group.server';
import { groupFormInput, groupFormValues, newGroupSchema } from '$lib/features/groups/group.schema';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/** A new group with its first weekly series; the creator is ticked as a leader, and may untick themselves. */
export const load: PageServerLoad = async ({ locals, url }) => ({
	...(await newGroupChoices(db(), { actor: locals.account, organisationId: url.searchParams.get('organisatie') })),
	me: locals.account!.id
});

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		// The organisation is one of the actor's own (checked again by createGroup).
		const choices = await newGroupChoices(db(), { actor: locals.account, organisationId: String(form.get('organisationId') ?? '') });
		const parsed = newGroupSchema.safeParse(groupFormInput(form));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values: groupFormValues(form) });
		const outcome = await createGroup(db(), { actor: locals.account, organisationId: choices.organisationId, input: parsed.data });
		if (!outcome.ok) return fail(400, { errors: outcome.errors, values: groupFormValues(form) });
		const leads = parsed.data.leaderIds.includes(locals.account!.id);
		redirect(303, leads ? href(`/werk/groepen/${outcome.groupId}`, { locale: locals.locale }) : `${href('/werk/groepen', { locale: locals.locale })}?gemaakt`);
	}
};
