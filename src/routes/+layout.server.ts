import { membershipsOf } from '$lib/kernel/policy.server';
import { db } from '$lib/server/db';
import type { LayoutServerLoad } from './$types';

/** Who is signed in and in which roles, for pages that need it (the shared header does not: it is the same for everyone). */
export const load: LayoutServerLoad = async ({ locals }) => {
	if (!locals.account) return { signedIn: false, professional: false, admin: false, reportReader: false };
	const memberships = await membershipsOf(db(), locals.account.id);
	return {
		signedIn: true,
		professional: memberships.some((m) => m.role === 'professional'),
		admin: memberships.some((m) => m.role === 'admin'),
		reportReader: memberships.some((m) => m.role === 'report_reader')
	};
};
