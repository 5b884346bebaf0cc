/** The knowledge topics and their words, in the page's language (without Zod, for the list's script). */
import { m } from '$lib/paraglide/messages';

/**
 * What an article is about, in the order the list shows them: understanding loneliness, the conversation itself,
 * the conversation tools (health web, self-sufficiency rating, relationship map), guiding a programme, measuring
 * and reporting, and safety (crisis and referral).
 */
export const knowledgeTopics = ['understanding', 'conversation', 'tools', 'guidance', 'measuring', 'safety'] as const;
export type KnowledgeTopic = (typeof knowledgeTopics)[number];

export function topicLabel(topic: KnowledgeTopic): string {
	switch (topic) {
		case 'understanding':
			return m.knowledge_topic_understanding();
		case 'conversation':
			return m.knowledge_topic_conversation();
		case 'tools':
			return m.knowledge_topic_tools();
		case 'guidance':
			return m.knowledge_topic_guidance();
		case 'measuring':
			return m.knowledge_topic_measuring();
		case 'safety':
			return m.knowledge_topic_safety();
	}
}
