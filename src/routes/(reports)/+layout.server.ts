import { requireRole } from '$lib/server/auth/require';
import type { LayoutServerLoad } from './$types';

/**
 * Outcome reports: for admins and report readers (of an organisation or of a funder); the use-cases check which
 * organisation or funder. Aggregates only, yet never cached: they are not for anyone else's eyes.
 */
export const load: LayoutServerLoad = async (event) => {
	const { account } = await requireRole(event, ['admin', 'report_reader']);
	event.setHeaders({ 'cache-control': 'private, no-store' });
	return { account };
};
