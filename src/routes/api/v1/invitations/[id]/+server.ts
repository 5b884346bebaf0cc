import { db } from '$lib/server/db';
import { revokeClientInvitation } from '$lib/features/consent/client-invitations.server';
import { apiHandler } from '$lib/composers/api/api-auth';
import { problem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** Revokes one of the caller's open invitations; its code stops working. */
export const DELETE: RequestHandler = apiHandler(async ({ params }, actor) => {
	if (await revokeClientInvitation(db(), { actor, invitationId: params.id })) return new Response(null, { status: 204 });
	return problem({ title: 'Invitation not found.', status: 404, detail: 'This is not one of your open invitations.' });
});
