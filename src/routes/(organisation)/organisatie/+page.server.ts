import { redirect } from '@sveltejs/kit';
import { listOrganisationsOfAccount } from '$lib/features/organisations/organisations.server';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** The organisations someone manages; with only one, straight to it. */
export const load: PageServerLoad = async ({ locals }) => {
	const organisations = (await listOrganisationsOfAccount(db(), { actor: locals.account })).filter((o) => o.roles.includes('admin'));
	if (organisations.length === 1) redirect(303, href(`/organisatie/${organisations[0]!.id}`, { locale: locals.locale }));
	return { organisations };
};
