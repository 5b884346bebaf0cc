import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import type { RequestHandler } from './$types';

/** Everything brug keeps about the caller (GDPR art. 15 and 20), the same as the download on the account page. */
export const GET: RequestHandler = apiHandler(async (_event, actor) => {
	return json(await exportPersonalData(db(), { account: actor }));
});
