import { listClientsForProfessional } from '$lib/features/clients/clients.server';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	clients: await listClientsForProfessional(db(), { actor: locals.account })
});
