import { json } from '@sveltejs/kit';
import { exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import { db } from '$lib/server/db';
import { requireAccount } from '$lib/server/auth/require';
import type { RequestHandler } from './$types';

/** The same data as the page, as a JSON file to keep or take elsewhere (GDPR art. 20). */
export const GET: RequestHandler = async (event) => {
	const data = await exportPersonalData(db(), { account: requireAccount(event) });
	return json(data, {
		headers: {
			'content-disposition': `attachment; filename="brug-gegevens-${data.exportedAt.slice(0, 10)}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
