import { fail, redirect } from '@sveltejs/kit';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { RepeatedSaveError } from '$lib/kernel/repeat-guard.server';
import { domainHistory, latestLevels } from '$lib/features/self-sufficiency/domains';
import { listRatings, rateSelfSufficiency } from '$lib/features/self-sufficiency/ratings.server';
import { ratingFormInput, selfSufficiencyRatingSchema } from '$lib/features/self-sufficiency/self-sufficiency.schema';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/** The professional's observed rating of a client's self-sufficiency: history per domain, and a new rating. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const grant = await requireClientAccess(db(), locals.account, { personId: params.id });
	const ratings = await listRatings(db(), { actor: locals.account, personId: params.id });
	return {
		client: { id: grant.personId, name: grant.personName },
		ratings,
		history: domainHistory(ratings.map((r) => ({ ratedOn: r.ratedAt, domains: r.domains }))),
		previous: latestLevels(ratings.map((r) => ({ ratedOn: r.ratedAt, domains: r.domains }))),
		saved: url.searchParams.has('bewaard')
	};
};

export const actions: Actions = {
	rate: async (event) => {
		const actor = event.locals.account;
		// Authorise before reading the form.
		await requireClientAccess(db(), actor, { personId: event.params.id });
		const form = await event.request.formData();
		const parsed = selfSufficiencyRatingSchema.safeParse(ratingFormInput(form.entries()));
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
			return fail(400, { errors });
		}
		try {
			await rateSelfSufficiency(db(), { actor, personId: event.params.id, rating: parsed.data });
		} catch (err) {
			// A second click: the rating is there already, the form starts empty again.
			if (err instanceof RepeatedSaveError) return fail(409, { repeated: true });
			throw err;
		}
		redirect(303, `${href(`/werk/clienten/${event.params.id}/zelfredzaamheid`, { locale: event.locals.locale })}?bewaard`);
	}
};
