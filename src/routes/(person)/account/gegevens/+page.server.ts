import { redirect } from '@sveltejs/kit';
import { exportPersonalData } from '$lib/features/accounts/personal-data.server';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	if (!locals.account) redirect(303, href('/account/inloggen', { locale: locals.locale }));
	setHeaders({ 'cache-control': 'private, no-store' });
	return { export: await exportPersonalData(db(), { account: locals.account }) };
};
