import { describe, expect, it } from 'vitest';
import { readingStats } from '$lib/features/content/readability';
import {
	allKnowledgeContent,
	contentLocales,
	getArticle,
	knowledgeTopics,
	listArticles,
	nextArticle,
	parseArticleFile,
	referencesHeading,
	type KnowledgeArticle
} from './knowledge.content';

/** Ids are part of the URLs professionals bookmark and articles link to: renaming one is a decision, not a tidy-up. */
const stableIds = [
	'lonely-brain',
	'why-activities-fail',
	'dos-and-donts',
	'health-web',
	'self-sufficiency-rating',
	'measuring-loneliness',
	'three-kinds-of-relationships',
	'eight-week-programme',
	'when-to-refer',
	'outcome-reporting'
];
const articlePath = { nl: '/nl/werk/kennis/', en: '/en/work/knowledge/' } as const;

const content = allKnowledgeContent();
const messages = import.meta.glob<Record<string, string>>('/messages/*.json', { import: 'default', eager: true });
const idsIn = (locale: string) =>
	content
		.filter((f) => f.article.locale === locale)
		.map((f) => f.article.id)
		.sort();

/** The article's own text: the body before its references. */
const prose = (article: KnowledgeArticle) => article.markdown.split(new RegExp(`^## ${referencesHeading[article.locale]}$`, 'm'))[0] ?? '';
const references = (article: KnowledgeArticle) =>
	article.markdown.split(new RegExp(`^## ${referencesHeading[article.locale]}$`, 'm'))[1] ?? '';

describe('knowledge articles', () => {
	it('loads every file with valid front matter, its id equal to its file name', () => {
		expect(content.length).toBeGreaterThan(0);
		for (const { file, article } of content) {
			expect(file, file).toBe(`/content/${article.locale}/knowledge/${article.id}.md`);
			expect(article.html.trim(), file).not.toBe('');
		}
	});

	it('gives every Dutch article an English twin with the same id, and the other way round', () => {
		expect(idsIn('en')).toEqual(idsIn('nl'));
	});

	it('keeps the ids stable', () => {
		expect(idsIn('nl')).toEqual([...stableIds].sort());
	});

	it('keeps the same order, reading time and topics across languages', () => {
		for (const nl of listArticles('nl')) {
			const en = getArticle('en', nl.id);
			expect({ order: en?.order, minutes: en?.minutes, topics: en?.topics }, nl.id).toEqual({
				order: nl.order,
				minutes: nl.minutes,
				topics: nl.topics
			});
		}
	});

	it('uses every topic at least once', () => {
		const used = new Set(listArticles('nl').flatMap((a) => a.topics));
		for (const topic of knowledgeTopics) expect(used, topic).toContain(topic);
	});

	it('has words for every topic in both catalogs', () => {
		for (const locale of contentLocales) {
			const catalog = messages[`/messages/${locale}.json`] ?? {};
			for (const topic of knowledgeTopics) expect(catalog[`knowledge_topic_${topic}`], `${locale} ${topic}`).toBeTruthy();
		}
	});
});

describe.each(contentLocales)('the %s knowledge base', (locale) => {
	const articles = listArticles(locale);

	it('has at least 8 articles, each with its own place in the order', () => {
		expect(articles.length).toBeGreaterThanOrEqual(8);
		expect(new Set(articles.map((a) => a.order)).size).toBe(articles.length);
		expect(articles.map((a) => a.order)).toEqual([...articles.map((a) => a.order)].sort((a, b) => a - b));
	});

	it('ends every article with its references, as a list without links', () => {
		for (const article of articles) {
			const headings = [...article.html.matchAll(/<h2[^>]*>(.*?)<\/h2>/g)].map((m) => m[1]);
			expect(headings.at(-1), article.id).toBe(referencesHeading[locale]);
			const cited = references(article);
			expect(cited, article.id).toMatch(/^- \S/m);
			expect(cited, article.id).not.toMatch(/https?:\/\//);
		}
	});

	it('states a reading time that fits the length (about 200 words a minute)', () => {
		for (const article of articles) {
			const expected = Math.ceil(readingStats(prose(article)).words / 200);
			expect(Math.abs(article.minutes - expected), `${article.id}: ${article.minutes} minutes, about ${expected} expected`).toBeLessThanOrEqual(1);
		}
	});

	it('links only to articles that exist, in the same language', () => {
		for (const article of articles) {
			for (const [, target] of article.markdown.matchAll(/\]\(([^)]+)\)/g)) {
				expect(target, article.id).toMatch(new RegExp(`^/${locale}/`));
				if (target?.startsWith(articlePath[locale])) {
					expect(getArticle(locale, target.slice(articlePath[locale].length)), `${article.id} → ${target}`).toBeDefined();
				}
			}
		}
	});

	it('filters by topic', () => {
		for (const topic of knowledgeTopics) {
			const about = listArticles(locale, { topic });
			expect(about.length, topic).toBeGreaterThan(0);
			expect(about.every((a) => a.topics.includes(topic))).toBe(true);
		}
	});

	it('finds one article by id, the next one in order, and nothing for an unknown id', () => {
		const [first, second] = articles;
		expect(getArticle(locale, first!.id)?.title).toBe(first!.title);
		expect(nextArticle(locale, first!.id)?.id).toBe(second!.id);
		expect(nextArticle(locale, articles.at(-1)!.id)).toBeUndefined();
		expect(getArticle(locale, 'no-such-article')).toBeUndefined();
		expect(nextArticle(locale, 'no-such-article')).toBeUndefined();
	});
});

describe('a broken article', () => {
	const file = '/content/nl/knowledge/x.md';
	const valid = 'id: x\ntitle: X\nsummary: Eén zin.\norder: 1\nminutes: 3\ntopics: [tools]';
	const body = 'Tekst.\n\n## Bronnen\n- Iemand (2020). Een titel.';
	const article = (front: string, text = body) => `---\n${front}\n---\n${text}`;

	it('parses when it is valid', () => {
		const parsed = parseArticleFile(file, article(valid));
		expect(parsed).toMatchObject({ id: 'x', locale: 'nl', order: 1, minutes: 3, topics: ['tools'] });
		expect(parsed.html).toContain('<h2>Bronnen</h2>');
	});

	it.each([
		['no front matter', 'Alleen tekst.', /x\.md: missing front matter/],
		['front matter that is not YAML', article('id: [x'), /x\.md: front matter is not valid YAML/],
		['a missing field', article(valid.replace('minutes: 3\n', '')), /x\.md: .*minutes/],
		['an unknown field', article(`${valid}\nauthor: iemand`), /x\.md: .*author/],
		['an unknown topic', article(valid.replace('[tools]', '[gossip]')), /x\.md: .*topics/],
		['no topic', article(valid.replace('[tools]', '[]')), /x\.md: .*topics/],
		['a topic twice', article(valid.replace('[tools]', '[tools, tools]')), /x\.md: .*topics: lists a topic twice/],
		['an order of 0', article(valid.replace('order: 1', 'order: 0')), /x\.md: .*order/],
		['a reading time that is not a whole number', article(valid.replace('minutes: 3', 'minutes: 2.5')), /x\.md: .*minutes/],
		['a summary of two sentences', article(valid.replace('Eén zin.', 'Eén zin. En nog een.')), /x\.md: .*summary: must be one sentence/],
		['an id that is not kebab-case', article(valid.replace('id: x', 'id: X_1')), /x\.md: .*id/],
		['an id that is not the file name', article(valid.replace('id: x', 'id: y')), /x\.md: id "y" must equal the file name "x"/],
		['an empty body', article(valid, ''), /x\.md: the body is empty/],
		['a level-1 heading in the body', article(valid, `# Titel\n\n${body}`), /x\.md: the body must not have its own level-1 heading/],
		['no references', article(valid, 'Tekst.'), /x\.md: must end with a "## Bronnen" section/],
		['references in the wrong language', article(valid, body.replace('Bronnen', 'References')), /x\.md: must end with a "## Bronnen" section/],
		['references without a list', article(valid, 'Tekst.\n\n## Bronnen\nZie elders.'), /x\.md: must end with a "## Bronnen" section/],
		['a section after the references', article(valid, `${body}\n\n## Tot slot\nKlaar.`), /x\.md: must end with a "## Bronnen" section/]
	])('throws naming the file and the problem: %s', (_, raw, message) => {
		expect(() => parseArticleFile(file, raw)).toThrow(message);
	});

	it('asks English articles for "References" and rejects a file in the wrong place', () => {
		const english = article(valid, 'Text.\n\n## References\n- Someone (2020). A title.');
		expect(parseArticleFile('/content/en/knowledge/x.md', english).locale).toBe('en');
		expect(() => parseArticleFile('/content/en/knowledge/x.md', article(valid))).toThrow(/must end with a "## References" section/);
		expect(() => parseArticleFile('/content/de/knowledge/x.md', english)).toThrow(/not a knowledge file/);
		expect(() => parseArticleFile('/content/nl/exercises/x.md', english)).toThrow(/not a knowledge file/);
	});
});
