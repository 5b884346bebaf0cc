/**
 * Markdown content per locale under /content. Front matter is validated with Zod when the module loads,
 * so a broken file fails the build and the tests, not a visitor.
 * - `getPage(locale, slug)`: one page (title, description, html), or undefined.
 * - `allContent()`: every parsed file, for tests.
 */
import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const locales = ['nl', 'en'] as const;
type Locale = (typeof locales)[number];

export const pageFrontMatterSchema = z.strictObject({
	title: z.string().min(1),
	description: z.string().min(1).max(200)
});

export interface ContentPage {
	locale: Locale;
	slug: string;
	title: string;
	description: string;
	html: string;
	markdown: string;
}

const files = import.meta.glob<string>('/content/*/pages/*.md', {
	query: '?raw',
	import: 'default',
	eager: true
});

export function parseContentFile(file: string, raw: string): ContentPage {
	const match = /^\/content\/(nl|en)\/pages\/([a-z0-9-]+)\.md$/.exec(file);
	if (!match) throw new Error(`Content file in an unexpected place: ${file}`);
	const front = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw.replace(/\r\n/g, '\n'));
	if (!front) throw new Error(`${file}: missing front matter (--- … ---)`);
	const parsed = pageFrontMatterSchema.safeParse(parseYaml(front[1] ?? ''));
	if (!parsed.success) {
		throw new Error(`${file}: front matter ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
	}
	const markdown = front[2] ?? '';
	return {
		locale: match[1] as Locale,
		slug: match[2] ?? '',
		...parsed.data,
		markdown,
		html: marked.parse(markdown, { async: false })
	};
}

const pages: ContentPage[] = Object.entries(files).map(([file, raw]) => parseContentFile(file, raw));

export function getPage(locale: Locale, slug: string): ContentPage | undefined {
	return pages.find((p) => p.locale === locale && p.slug === slug);
}

export function allContent(): readonly ContentPage[] {
	return pages;
}
