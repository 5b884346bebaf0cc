import { listSharedSummaries, markSummariesSeen } from '$lib/features/conversation-notes/conversation-notes.server';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/**
 * "Van je begeleider": the summaries professionals shared with the person. Opening the page marks the ones it shows
 * as seen; the page still shows which were new this time.
 */
export const load: PageServerLoad = async (event) => {
	const actor = requireAccount(event);
	const summaries = await listSharedSummaries(db(), { actor });
	const unseen = summaries.filter((summary) => summary.seenAt === null).map((summary) => summary.id);
	if (unseen.length > 0) await markSummariesSeen(db(), { actor, ids: unseen });
	return { summaries };
};
