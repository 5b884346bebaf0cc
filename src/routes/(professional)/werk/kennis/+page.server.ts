import { knowledgeTopics, listArticles, type KnowledgeTopic } from '$lib/features/knowledge/knowledge.content';
import type { PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** The knowledge base, optionally narrowed to one topic (`?onderwerp=`); an unknown topic shows everything. */
export const load: PageServerLoad = async ({ locals, url, parent }) => {
	// Content, not client data, but still only for the professionals the group layout lets in.
	await parent();
	const param = url.searchParams.get('onderwerp');
	const topic: KnowledgeTopic | null = knowledgeTopics.find((t) => t === param) ?? null;
	return {
		topic,
		articles: listArticles(locals.locale, { topic: topic ?? undefined }).map(({ id, title, summary, minutes, topics }) => ({
			id,
			title,
			summary,
			minutes,
			topics
		}))
	};
};
