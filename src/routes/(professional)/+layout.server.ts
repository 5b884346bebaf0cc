import { requireRole } from '$lib/server/auth/require';
import type { LayoutServerLoad } from './$types';

/** Pages of professionals: the role and two-step sign-in first; never cached (they show other people's data). */
export const load: LayoutServerLoad = async (event) => {
	const { account } = await requireRole(event, 'professional');
	event.setHeaders({ 'cache-control': 'private, no-store' });
	return { account };
};
