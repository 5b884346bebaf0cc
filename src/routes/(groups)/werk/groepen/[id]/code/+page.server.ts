import { redirect } from '@sveltejs/kit';
import { groupForManager } from '$lib/features/groups/group.server';
import { createGroupCode, listGroupCodes } from '$lib/features/groups/codes.server';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/** A page to print or show: the newest open code, big, with how to join. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const group = await groupForManager(db(), { actor: locals.account, groupId: params.id });
	const [code] = await listGroupCodes(db(), { actor: locals.account, groupId: params.id });
	return {
		group: { id: group.id, name: group.name, leaders: group.leaders, first: group.sessions.find((s) => s.status !== 'cancelled') ?? null },
		code: code ?? null,
		joinAddress: `${url.host}${href('/groep', { locale: locals.locale })}`
	};
};

export const actions: Actions = {
	make: async ({ locals, params }) => {
		await createGroupCode(db(), { actor: locals.account, groupId: params.id });
		redirect(303, href(`/werk/groepen/${params.id}/code`, { locale: locals.locale }));
	}
};
