import { membershipsOf } from '$lib/kernel/policy.server';
import { db } from '$lib/server/db';
import type { LayoutServerLoad } from './$types';

/** The header shows "sign in" or "my account", and the work pages for professionals and admins. */
export const load: LayoutServerLoad = async ({ locals }) => {
	if (!locals.account) return { signedIn: false, professional: false, admin: false };
	const memberships = await membershipsOf(db(), locals.account.id);
	return {
		signedIn: true,
		professional: memberships.some((m) => m.role === 'professional'),
		admin: memberships.some((m) => m.role === 'admin')
	};
};
