/**
 * The knowledge base for professionals: Markdown articles with front matter under /content/<locale>/knowledge/.
 * Every file is parsed and validated once when this module loads, so a broken file fails the build and the tests
 * (naming the file and the field), never a reader.
 * - `listArticles(locale, filter?)`: the articles in their reading order; optionally only those about one topic.
 * - `getArticle(locale, id)`: one article, or undefined.
 * - `nextArticle(locale, id)`: the article after this one in reading order, or undefined for the last.
 * - `parseArticleFile(file, raw)`: one file parsed and checked; throws naming the file and what is wrong.
 * - `allKnowledgeContent()`: every parsed file with its path, for tests.
 */
import { parseMarkdownFile } from '$lib/features/content/markdown-file';
import {
	articleFrontMatterSchema,
	referencesHeading,
	type ContentLocale,
	type KnowledgeArticle,
	type KnowledgeTopic
} from './knowledge.schema';

export * from './knowledge.schema';

export interface KnowledgeFile {
	file: string;
	article: KnowledgeArticle;
}

// Vite needs the glob options written out as literals.
const files = import.meta.glob<string>('/content/*/knowledge/*.md', { query: '?raw', import: 'default', eager: true });

export function parseArticleFile(file: string, raw: string): KnowledgeArticle {
	const article = parseMarkdownFile('knowledge', articleFrontMatterSchema, file, raw);
	const { locale, markdown } = article;
	// The page gives the title as the one h1; the body starts its sections at h2.
	if (/^# /m.test(markdown)) throw new Error(`${file}: the body must not have its own level-1 heading`);
	const references = referencesSection(markdown, locale);
	if (references === undefined) {
		throw new Error(`${file}: must end with a "## ${referencesHeading[locale]}" section that lists its sources`);
	}
	return article;
}

/** The list under the last level-2 heading when that heading names the sources, or undefined. */
function referencesSection(markdown: string, locale: ContentLocale): string | undefined {
	const headings = [...markdown.matchAll(/^## (.+)$/gm)];
	const last = headings.at(-1);
	if (!last || last[1]?.trim() !== referencesHeading[locale]) return undefined;
	const section = markdown.slice(last.index + last[0].length);
	return /^[-*] \S/m.test(section) ? section : undefined;
}

const loaded: KnowledgeFile[] = Object.entries(files)
	.sort(([a], [b]) => a.localeCompare(b))
	.map(([file, raw]) => ({ file, article: parseArticleFile(file, raw) }));

export function listArticles(locale: ContentLocale, filter: { topic?: KnowledgeTopic } = {}): KnowledgeArticle[] {
	return loaded
		.map((f) => f.article)
		.filter((a) => a.locale === locale && (filter.topic === undefined || a.topics.includes(filter.topic)))
		.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, locale));
}

export function getArticle(locale: ContentLocale, id: string): KnowledgeArticle | undefined {
	return loaded.find((f) => f.article.locale === locale && f.article.id === id)?.article;
}

export function nextArticle(locale: ContentLocale, id: string): KnowledgeArticle | undefined {
	const list = listArticles(locale);
	const index = list.findIndex((a) => a.id === id);
	return index === -1 ? undefined : list[index + 1];
}

export function allKnowledgeContent(): readonly KnowledgeFile[] {
	return loaded;
}
