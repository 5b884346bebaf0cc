import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { getRelation, updateRelation } from '$lib/features/relationships/relations.server';
import { relationSchema } from '$lib/features/relationships/relationships.schema';
import { formValues, relationFromForm } from '$lib/features/relationships/relationship-forms';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const relation = await getRelation(db(), { actor: requireAccount(event), id: event.params.id });
	if (!relation) error(404, 'Not found');
	return { relation };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const parsed = relationSchema.safeParse(relationFromForm(form));
		if (!parsed.success) {
			return fail(400, { values: formValues(form, ['nickname', 'circle', 'brings', 'rhythm', 'note']), errors: fieldErrors(parsed.error) });
		}
		if (!(await updateRelation(db(), { actor, id: event.params.id, input: parsed.data }))) return fail(404, { gone: true });
		redirect(303, `${href(`/mensen/${event.params.id}`, { locale: event.locals.locale })}?bewaard=gewijzigd`);
	}
};
