import { openClientRecord } from '$lib/features/clients/clients.server';
import { consentScopes } from '$lib/features/consent/consent';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** Only what the person shares, and every visit lands in their "who looked at my data" list. */
export const load: PageServerLoad = async ({ locals, params }) => ({
	record: await openClientRecord(db(), { actor: locals.account, personId: params.id }),
	allScopes: consentScopes
});
