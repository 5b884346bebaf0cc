import { requireRole } from '$lib/server/auth/require';
import type { LayoutServerLoad } from './$types';

/**
 * Group pages: for professionals (who lead groups) and for admins (who manage their organisation's groups without
 * seeing a participant); the pages and use-cases check which group and what part. Never cached.
 */
export const load: LayoutServerLoad = async (event) => {
	const { account } = await requireRole(event, ['professional', 'admin']);
	event.setHeaders({ 'cache-control': 'private, no-store' });
	return { account };
};
