/** The words for a knowledge topic, in the page's language. */
import { m } from '$lib/paraglide/messages';
import type { KnowledgeTopic } from './knowledge.schema';

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
