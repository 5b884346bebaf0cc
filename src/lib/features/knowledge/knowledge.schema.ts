/**
 * Front matter of the knowledge base for professionals under /content/<locale>/knowledge, and the types built on it.
 * A strict object: a misspelt field is an error, not a silently ignored line.
 */
import { z } from 'zod';
import { contentLocales, type ContentLocale } from '$lib/features/exercises/exercises.schema';

export { contentLocales, type ContentLocale };

// The topics live with their words, so the list's script can use them without Zod.
import { knowledgeTopics, type KnowledgeTopic } from './topic-label';
export { knowledgeTopics, type KnowledgeTopic };

/** The heading of the closing section that cites the sources of every fact an article uses. */
export const referencesHeading: Record<ContentLocale, string> = { nl: 'Bronnen', en: 'References' };

const articleId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and -)');
const text = (max: number) => z.string().trim().min(1).max(max);

export const articleFrontMatterSchema = z.strictObject({
	id: articleId,
	title: text(80),
	summary: text(200).refine((s) => !/[.!?…]\s+\S/u.test(s), 'must be one sentence'),
	/** Place in the list; the same in every language. */
	order: z.int().min(1).max(999),
	/** Reading time. */
	minutes: z.int().min(1).max(30),
	topics: z
		.array(z.enum(knowledgeTopics))
		.min(1)
		.max(3)
		.refine((list) => new Set(list).size === list.length, 'lists a topic twice')
});
export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

export interface KnowledgeArticle extends ArticleFrontMatter {
	locale: ContentLocale;
	/** The Markdown body, references included. */
	markdown: string;
	html: string;
}
