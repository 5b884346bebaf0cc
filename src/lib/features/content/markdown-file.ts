/**
 * One Markdown content file with front matter under /content/<locale>/<folder>/<id>.md (exercises, small steps,
 * glossary entries, knowledge articles): the front matter validated by the folder's schema, the id equal to the file
 * name, a body that is not empty, and the body rendered to HTML. Throws naming the file and the field, so a broken
 * file fails the build and the tests, never a visitor.
 */
import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { ContentLocale } from '$lib/features/exercises/exercises.schema';

export function parseMarkdownFile<S extends z.ZodType<{ id: string }>>(
	folder: string,
	schema: S,
	file: string,
	raw: string
): z.infer<S> & { locale: ContentLocale; markdown: string; html: string } {
	const place = new RegExp(`^/content/(nl|en)/${folder}/([^/]+)\\.md$`).exec(file);
	if (!place) throw new Error(`${file}: not a ${folder} file (expected /content/nl|en/${folder}/<id>.md)`);
	const front = /^---\n([\s\S]*?)\n---(?:\n([\s\S]*))?$/.exec(raw.replace(/\r\n?/g, '\n'));
	if (!front) throw new Error(`${file}: missing front matter (--- … ---)`);
	let data: unknown;
	try {
		data = parseYaml(front[1] ?? '');
	} catch (error) {
		throw new Error(`${file}: front matter is not valid YAML (${error instanceof Error ? error.message : error})`);
	}
	const parsed = schema.safeParse(data);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(front matter)'}: ${i.message}`);
		throw new Error(`${file}: front matter ${problems.join('; ')}`);
	}
	const fileId = place[2] ?? '';
	if (parsed.data.id !== fileId) throw new Error(`${file}: id "${parsed.data.id}" must equal the file name "${fileId}"`);
	const markdown = (front[2] ?? '').trim();
	if (markdown === '') throw new Error(`${file}: the body is empty`);
	return { ...parsed.data, locale: place[1] as ContentLocale, markdown, html: marked.parse(markdown, { async: false }) };
}
