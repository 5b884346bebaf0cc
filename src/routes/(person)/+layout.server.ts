import { requireAccount } from '$lib/server/auth/require';
import type { LayoutServerLoad } from './$types';

/** Pages of a signed-in person: sign in first; never cached, since shared computers are common. */
export const load: LayoutServerLoad = (event) => {
	const account = requireAccount(event);
	event.setHeaders({ 'cache-control': 'private, no-store' });
	return { account };
};
