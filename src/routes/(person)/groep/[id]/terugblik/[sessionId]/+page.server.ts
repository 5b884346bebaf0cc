import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { checkInSchema } from '$lib/features/groups/participation.schema';
import { myGroup, saveCheckIn } from '$lib/features/groups/participation.server';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its form posts as it is): no script is sent.
export const csr = false;

/** The check-in after one session: "Hoe was het?". */
export const load: PageServerLoad = async (event) => {
	const group = await myGroup(db(), { actor: requireAccount(event), groupId: event.params.id });
	const session = group?.sessions.find((s) => s.id === event.params.sessionId);
	if (!group || !session) error(404, 'Not found');
	return { group: { id: group.id, name: group.name, shareCheckIns: group.shareCheckIns }, session };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = { welcome: form.get('welcome') ?? undefined, enjoyed: form.get('enjoyed') ?? undefined, come_again: form.get('come_again') ?? undefined, line: form.get('line') ?? undefined };
		const parsed = checkInSchema.safeParse(values);
		const kept = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value ?? '').slice(0, 400)]));
		if (!parsed.success) return fail(400, { values: kept, errors: fieldErrors(parsed.error) });
		const outcome = await saveCheckIn(db(), { actor: requireAccount(event), groupId: event.params.id, sessionId: event.params.sessionId, input: parsed.data });
		if (!outcome.ok && outcome.reason === 'not_found') error(404, 'Not found');
		if (!outcome.ok) return fail(409, { values: kept, closed: true });
		redirect(303, `${href(`/groep/${event.params.id}`, { locale: event.locals.locale })}?bedankt`);
	}
};
