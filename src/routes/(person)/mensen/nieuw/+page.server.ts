import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { addRelation } from '$lib/features/relationships/relations.server';
import { relationSchema } from '$lib/features/relationships/relationships.schema';
import { formValues, relationFromForm } from '$lib/features/relationships/relationship-forms';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

const fields = ['nickname', 'circle', 'brings', 'rhythm', 'note'] as const;

/** A circle can be chosen beforehand, e.g. from an insight about an empty circle (?kring=community). */
export const load: PageServerLoad = ({ url }) => ({ circle: url.searchParams.get('kring') ?? '' });

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const parsed = relationSchema.safeParse(relationFromForm(form));
		if (!parsed.success) return fail(400, { values: formValues(form, fields), errors: fieldErrors(parsed.error) });
		const { id } = await addRelation(db(), { actor, input: parsed.data });
		redirect(303, `${href(`/mensen/${id}`, { locale: event.locals.locale })}?bewaard=toegevoegd`);
	}
};
