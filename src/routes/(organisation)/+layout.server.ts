import { requireRole } from '$lib/server/auth/require';
import type { LayoutServerLoad } from './$types';

/** Pages of organisation admins: the role and two-step sign-in first; never cached. */
export const load: LayoutServerLoad = async (event) => {
	const { account } = await requireRole(event, 'admin');
	event.setHeaders({ 'cache-control': 'private, no-store' });
	return { account };
};
