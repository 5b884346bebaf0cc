import { fail, redirect } from '@sveltejs/kit';
import { healthWebSchema } from '$lib/features/health-web/health-web.schema';
import { healthWebDimensions } from '$lib/features/health-web/health-web';
import { healthWebChartModel } from '$lib/features/health-web/health-web-chart';
import { deleteHealthWeb, listHealthWebs, saveHealthWeb } from '$lib/features/health-web/health-webs.server';
import { href } from '$lib/i18n/href';
import { RepeatedSaveError } from '$lib/kernel/repeat-guard.server';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** The health web: the person's newest web beside the one before, a form for a new one, and the earlier ones. */
export const load: PageServerLoad = async (event) => {
	const webs = await listHealthWebs(db(), { actor: requireAccount(event), limit: 20 });
	const [latest, previous] = webs;
	return {
		webs: webs.map(({ id, takenAt }) => ({ id, takenAt })),
		latest: latest ? { takenAt: latest.takenAt, previousAt: previous?.takenAt ?? null, model: healthWebChartModel(latest, previous?.scores ?? null) } : null,
		notice: event.url.searchParams.get('bewaard'),
		confirmDelete: event.url.searchParams.get('verwijder')
	};
};

const here = (event: RequestEvent, query = '') => `${href('/gezondheidsweb', { locale: event.locals.locale })}${query}`;

export const actions: Actions = {
	save: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const input = Object.fromEntries(healthWebDimensions.map((d) => [d, form.get(d) ?? undefined]));
		const discuss = form.getAll('discuss').filter((v): v is string => typeof v === 'string');
		const parsed = healthWebSchema.safeParse({ ...input, discuss });
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
			const values = Object.fromEntries(healthWebDimensions.map((d) => [d, String(form.get(d) ?? '').slice(0, 5)]));
			return fail(400, { errors, values: { ...values, discuss } });
		}
		try {
			await saveHealthWeb(db(), { actor, web: parsed.data });
		} catch (err) {
			if (err instanceof RepeatedSaveError) return fail(409, { repeated: true });
			throw err;
		}
		redirect(303, here(event, '?bewaard=web'));
	},
	/** Deleting asks first (?verwijder=<id>); this is the "yes". */
	delete: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		if (!(await deleteHealthWeb(db(), { actor, id: String(form.get('id') ?? '').slice(0, 100) }))) return fail(404, { gone: true });
		redirect(303, here(event, '?bewaard=verwijderd'));
	}
};
