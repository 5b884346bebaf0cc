/**
 * Conversation notes' face: the person's export holds only the summaries shared with them. A professional's own
 * working notes are not part of the client's file (Dutch practice).
 */
import { personDataFeature } from '$lib/kernel/person-data';
import { listSharedSummaries } from './conversation-notes.server';

export const conversationNotesData = personDataFeature({
	name: 'conversation-notes',
	scope: null,
	tables: ['conversation_note'],
	async exportPart(db, { account }) {
		const summaries = await listSharedSummaries(db, { actor: account });
		return {
			conversationSummaries: summaries.map((s) => ({
				day: s.day,
				organisation: s.organisationName,
				by: s.authorName,
				summary: s.summary,
				sharedAt: s.sharedAt,
				seenAt: s.seenAt
			}))
		};
	}
});
